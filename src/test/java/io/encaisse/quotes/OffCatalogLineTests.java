package io.encaisse.quotes;

import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A line the catalog does not sell is allowed once approved, and stays flagged from quote
 * to invoice.
 */
@EncaisseTest
class OffCatalogLineTests {

	@LocalServerPort
	int port;

	@Test
	void anOffCatalogLineNeedsAnApprovalAndIsFlaggedOnEveryDocument() {
		Api admin = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Api sales = admin.as(admin.post("/api/v1/api-keys", map("name", "rep", "role", "SALES")).get("key"));
		Api manager = admin.as(admin.post("/api/v1/api-keys", map("name", "mgr", "role", "SALES_MANAGER")).get("key"));
		Fixtures fixtures = new Fixtures(admin);
		String customer = fixtures.customer();
		String sku = fixtures.product("100.00", "20");

		Api.Response refused = sales.post("/api/v1/quotes", map("customerId", customer, "lines",
				List.of(map("description", "Déplacement Lyon-Paris", "quantity", "1", "unitPrice", "150.00"))));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").findValuesAsString("field")).contains("lines[0].taxRate");

		Api.Response quote = sales.post("/api/v1/quotes",
				map("customerId", customer, "lines",
						List.of(map("sku", sku, "quantity", "2"), map("description", "Déplacement Lyon-Paris",
								"quantity", "1", "unitPrice", "150.00", "taxRate", "20", "unit", "day"))));
		assertThat(quote.status()).as(quote.toString()).isEqualTo(201);
		assertThat(quote.get("status")).isEqualTo("PENDING_APPROVAL");
		assertThat(quote.json().get("lines").get(1).get("source").asString()).isEqualTo("OFF_CATALOG");
		String id = quote.get("id");
		assertThat(sales.post("/api/v1/quotes/" + id + "/send", null).status()).isEqualTo(422);
		manager.post("/api/v1/quotes/" + id + "/approve", map("reason", "travel agreed with the customer"));
		assertThat(sales.post("/api/v1/quotes/" + id + "/send", null).get("status")).isEqualTo("SENT");
		String order = sales.post("/api/v1/quotes/" + id + "/accept", null).get("orderId");
		assertThat(admin.get("/api/v1/orders/" + order).json().get("lines").get(1).get("source").asString())
			.isEqualTo("OFF_CATALOG");
		String invoice = fixtures.deliver(order, sku, "2", "OFF-CATALOG", "1");
		Api.Response billed = admin.get("/api/v1/invoices/" + invoice);
		assertThat(billed.json().get("lines").get(1).get("priceSource").asString()).isEqualTo("OFF_CATALOG");
		assertThat(billed.get("totalNet")).isEqualTo("350.00");
	}

}
