package io.encaisse.reads;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import io.encaisse.support.StatementCounting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list page costs the same number of SQL statements whatever its size (issue 28): the
 * statements a request sends are counted at the data source, for a page of 2 and a page
 * of 12 rows that carry lines, payments and deliveries.
 */
@EncaisseTest
@Import(StatementCounting.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListStatementsTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeAll
	void twelveOfEverything() {
		this.api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(this.api);
		String sku = fixtures.product("120.00", "20");
		for (int n = 0; n < 12; n++) {
			fixtures.product("9" + n + ".00", "20");
			String customer = fixtures.customer();
			String order = fixtures.acceptedOrder(customer, sku, "2");
			String invoice = fixtures.deliver(order, sku, "1");
			String number = this.api.get("/api/v1/invoices/" + invoice).get("number");
			assertThat(this.api
				.post("/api/v1/payments",
						map("amount", "50.00", "currency", "EUR", "reference", number, "customerId", customer))
				.status()).isEqualTo(201);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/invoices", "/api/v1/customers", "/api/v1/payments", "/api/v1/orders",
			"/api/v1/quotes", "/api/v1/products" })
	void aListPageCostsTheSameStatementsWhateverItsSize(String list) {
		Map<Integer, Integer> statements = new LinkedHashMap<>();
		for (int size : new int[] { 2, 12 }) {
			String token = UUID.randomUUID().toString();
			Api.Response page = this.api.raw("GET", list + "?limit=" + size, null, null,
					Map.of(StatementCounting.HEADER, token));
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			assertThat(page.json().get("data").size()).isEqualTo(size);
			statements.put(size, StatementCounting.of(token));
			// read in a batch, each row is what the document itself answers
			for (var row : page.json().get("data")) {
				String key = row.has("sku") ? "sku" : "id";
				Api.Response one = this.api.get(list + "/" + row.get(key).asString());
				var document = one.json();
				if (document instanceof tools.jackson.databind.node.ObjectNode object) {
					// the customer's document adds its open balance, which the list
					// leaves out
					object.remove("openBalance");
					((tools.jackson.databind.node.ObjectNode) row).remove("openBalance");
				}
				assertThat(document).as("%s/%s", list, row.get(key)).isEqualTo(row);
			}
		}
		assertThat(statements.get(12)).as("statements for pages of 2 and 12 rows: %s", statements)
			.isEqualTo(statements.get(2));
	}

}
