package io.encaisse.e2e;

import java.time.LocalDate;
import java.util.List;

import io.encaisse.shared.BusinessClock;
import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Every refusal is a problem+json naming what is wrong, and changes nothing. */
@EncaisseTest
class BadInputTests {

	@LocalServerPort
	int port;

	@Autowired
	BusinessClock clock;

	Api api;

	Fixtures fixtures;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		this.fixtures = new Fixtures(this.api);
	}

	@AfterEach
	void backToToday() {
		this.clock.reset();
	}

	static void assertProblem(Api.Response r, int status, String field) {
		assertThat(r.status()).as(r.toString()).isEqualTo(status);
		assertThat(r.headers().get("content-type")).startsWith("application/problem+json");
		assertThat(r.get("title")).isNotBlank();
		assertThat(r.get("detail")).isNotBlank();
		assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
		if (field != null) {
			assertThat(r.json().get("errors").findValuesAsString("field")).contains(field);
		}
	}

	@Test
	void malformedJsonIsA400() {
		assertProblem(this.api.post("/api/v1/customers", "{\"name\": \"Oops\", "), 400, null);
	}

	@Test
	void aWrongTypeIsA400NamingTheField() {
		assertProblem(this.api.post("/api/v1/customers", "{\"name\": \"X\", \"paymentTermsDays\": \"thirty\"}"), 400,
				"paymentTermsDays");
	}

	@Test
	void unknownIdsAreA404() {
		assertProblem(this.api.get("/api/v1/customers/cus_nope"), 404, null);
		assertProblem(this.api.get("/api/v1/orders/ord_nope"), 404, null);
		assertProblem(this.api.get("/api/v1/invoices/inv_nope"), 404, null);
		assertProblem(this.api.post("/api/v1/quotes/quo_nope/accept", null), 404, null);
	}

	@Test
	void invalidMasterDataIsA422NamingEachFieldAndCreatesNothing() {
		int before = countOf("/api/v1/customers?limit=500");
		Api.Response r = this.api.post("/api/v1/customers", map("name", "Bad", "legalId", "123456789", "vatNumber",
				"FR00123456789", "currency", "XYZ", "paymentTermsDays", 90, "creditLimit", "-5"));
		assertProblem(r, 422, "legalId");
		assertThat(r.json().get("errors").findValuesAsString("field")).contains("vatNumber", "currency",
				"paymentTermsDays", "creditLimit");
		assertThat(countOf("/api/v1/customers?limit=500")).isEqualTo(before);
	}

	@Test
	void aNegativeQuantityOrAnUnknownProductIsA422() {
		String customer = this.fixtures.customer();
		String sku = this.fixtures.product("10.00", "20");
		Api.Response r = this.api.post("/api/v1/quotes", map("customerId", customer, "lines",
				List.of(map("sku", sku, "quantity", "-1"), map("sku", "NO-SUCH-SKU", "quantity", "1"))));
		assertProblem(r, 422, "lines[0].quantity");
		assertThat(r.json().get("errors").findValuesAsString("field")).contains("lines[1].sku");
	}

	@Test
	void anUnknownCurrencyIsA422() {
		assertProblem(this.api.post("/api/v1/payments", map("amount", "10.00", "currency", "EUX", "reference", "x")),
				422, "currency");
	}

	@Test
	void acceptingAnExpiredQuoteIsA409AndLeavesItUnaccepted() {
		String customer = this.fixtures.customer();
		String sku = this.fixtures.product("10.00", "20");
		Api.Response quote = this.api.post("/api/v1/quotes", map("customerId", customer, "validUntil",
				Fixtures.today().plusDays(3).toString(), "lines", List.of(map("sku", sku, "quantity", "1"))));
		this.api.post("/api/v1/quotes/" + quote.get("id") + "/send", null);
		this.clock.travelBy(java.time.Duration.ofDays(10));
		assertProblem(this.api.post("/api/v1/quotes/" + quote.get("id") + "/accept", null), 409, null);
		Api.Response after = this.api.get("/api/v1/quotes/" + quote.get("id"));
		assertThat(after.get("status")).isEqualTo("EXPIRED");
		assertThat(after.get("orderId")).isNull();
	}

	@Test
	void acceptingTwiceIsA409AndMakesOneOrder() {
		String customer = this.fixtures.customer();
		String sku = this.fixtures.product("10.00", "20");
		String quote = this.fixtures.sentQuote(customer, sku, "1");
		String order = this.api.post("/api/v1/quotes/" + quote + "/accept", null).get("orderId");
		assertProblem(this.api.post("/api/v1/quotes/" + quote + "/accept", null), 409, null);
		assertThat(this.api.get("/api/v1/quotes/" + quote).get("orderId")).isEqualTo(order);
	}

	@Test
	void payingACancelledInvoiceIsA409AndRecordsNothing() {
		String customer = this.fixtures.customer();
		String sku = this.fixtures.product("10.00", "20");
		String order = this.fixtures.acceptedOrder(customer, sku, "2");
		String invoice = this.fixtures.deliver(order, sku, "2");
		Api.Response credit = this.api.post("/api/v1/invoices/" + invoice + "/credit-notes",
				map("reason", "wrong customer"));
		assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
		assertThat(credit.get("number")).startsWith("AV-");
		Api.Response cancelled = this.api.get("/api/v1/invoices/" + invoice);
		assertThat(cancelled.get("status")).isEqualTo("CANCELLED");
		int payments = countOf("/api/v1/payments?limit=500");
		assertProblem(
				this.api.post("/api/v1/payments",
						map("amount", "24.00", "currency", "EUR", "reference", cancelled.get("paymentReference"))),
				409, null);
		assertThat(countOf("/api/v1/payments?limit=500")).isEqualTo(payments);
	}

	@Test
	void deliveringMoreThanOrderedIsA422AndDeliversNothing() {
		String customer = this.fixtures.customer();
		String sku = this.fixtures.product("10.00", "20");
		String order = this.fixtures.acceptedOrder(customer, sku, "2");
		assertProblem(this.api.post("/api/v1/orders/" + order + "/deliveries",
				map("lines", List.of(map("sku", sku, "quantity", "3")))), 422, "lines[0].quantity");
		Api.Response after = this.api.get("/api/v1/orders/" + order);
		assertThat(after.get("status")).isEqualTo("CONFIRMED");
		assertThat(after.json().get("invoiceIds")).isEmpty();
	}

	@Test
	void noKeyIsA401AndAnUnknownKeyToo() {
		assertProblem(new Api(this.port, null).get("/api/v1/customers"), 401, null);
		assertProblem(new Api(this.port, "enc_not-a-key").get("/api/v1/customers"), 401, null);
	}

	@Test
	void aKeyOfTheWrongRoleIsA403AndARevokedKeyA401() {
		Api.Response created = this.api.post("/api/v1/api-keys", map("name", "reader", "role", "READ_ONLY"));
		assertThat(created.status()).isEqualTo(201);
		Api reader = this.api.as(created.get("key"));
		assertThat(reader.get("/api/v1/customers").status()).isEqualTo(200);
		assertProblem(reader.post("/api/v1/customers", map("name", "Not allowed")), 403, null);
		assertThat(this.api.delete("/api/v1/api-keys/" + created.get("id")).status()).isEqualTo(204);
		assertProblem(reader.get("/api/v1/customers"), 401, null);
		assertThat(this.api.get("/api/v1/api-keys").body()).doesNotContain(created.get("key"));
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyReturnsTheFirstAnswerAndChangesNothing() {
		int before = countOf("/api/v1/customers?limit=500");
		Object body = map("name", Fixtures.unique("Idem"), "currency", "EUR");
		Api.Response first = this.api.post("/api/v1/customers", body, "idem-" + Fixtures.unique("k"));
		String key = "idem-" + Fixtures.unique("key");
		first = this.api.post("/api/v1/customers", body, key);
		Api.Response retry = this.api.post("/api/v1/customers", body, key);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.get("id")).isEqualTo(first.get("id"));
		assertThat(retry.headers().get("idempotent-replayed")).isEqualTo("true");
		assertThat(countOf("/api/v1/customers?limit=500")).isEqualTo(before + 2);
		assertProblem(this.api.post("/api/v1/customers", map("name", "Other body"), key), 422, null);
	}

	@Test
	void aStaleIfMatchIsA412() {
		String customer = this.fixtures.customer();
		Object update = map("name", Fixtures.unique("Renamed"), "currency", "EUR");
		Api.Response ok = this.api.put("/api/v1/customers/" + customer, update, "0");
		assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
		assertThat(ok.get("version")).isEqualTo("1");
		assertProblem(this.api.put("/api/v1/customers/" + customer, map("name", "Again", "currency", "EUR"), "0"), 412,
				null);
	}

	@Test
	void listsArePaginatedWithACursor() {
		for (int i = 0; i < 3; i++) {
			this.fixtures.customer();
		}
		Api.Response first = this.api.get("/api/v1/customers?limit=2");
		assertThat(first.json().get("data")).hasSize(2);
		assertThat(first.json().get("hasMore").asBoolean()).isTrue();
		String last = first.json().get("data").get(1).get("id").asString();
		Api.Response next = this.api.get("/api/v1/customers?limit=2&startingAfter=" + last);
		assertThat(next.json().get("data").get(0).get("id").asString()).isLessThan(last);
		assertProblem(this.api.get("/api/v1/customers?limit=501"), 422, "limit");
	}

	@Test
	void theOpenApiDocumentIsServed() {
		Api.Response doc = new Api(this.port, null).get("/api/v1/openapi.json");
		assertThat(doc.status()).isEqualTo(200);
		assertThat(doc.body()).contains("\"openapi\"").contains("/api/v1/quotes/{id}/accept");
	}

	private int countOf(String path) {
		return this.api.get(path).json().get("data").size();
	}

}
