package io.encaisse.reporting;

import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The billing leakage report finds a delivery left without its invoice, an accepted quote
 * with nothing invoiced, and a line billed off the price book.
 */
@EncaisseTest
class LeakageTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whatShouldHaveBeenBilledAndWasNot() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("250.00", "20");

		// an accepted quote nobody delivered
		String waiting = fixtures.acceptedOrder(customer, sku, "1");
		String quoteNumber = api.get("/api/v1/quotes?limit=1").json().get("data").get(0).get("number").asString();

		// a line typed off the catalogue, approved, billed
		Api.Response quote = api.post("/api/v1/quotes",
				map("customerId", customer, "lines", List.of(map("sku", sku, "quantity", "1"), map("description",
						"Déplacement", "quantity", "1", "unitPrice", "150.00", "taxRate", "20", "unit", "day"))));
		String id = quote.get("id");
		if ("PENDING_APPROVAL".equals(quote.get("status"))) {
			api.post("/api/v1/quotes/" + id + "/approve", map("reason", "travel agreed"));
		}
		api.post("/api/v1/quotes/" + id + "/send", null);
		String order = api.post("/api/v1/quotes/" + id + "/accept", null).get("orderId");
		String invoice = fixtures.deliver(order, sku, "1", "OFF-CATALOG", "1");
		String invoiceNumber = api.get("/api/v1/invoices/" + invoice).get("number");

		// a delivery whose billing was lost (the listener that bills it failed for good)
		String lost = fixtures.acceptedOrder(customer, sku, "2");
		String lostInvoice = fixtures.deliver(lost, sku, "1");
		this.jdbc.sql("update invoice set source_ref = null where id = :id").param("id", lostInvoice).update();
		String lostOrderNumber = api.get("/api/v1/orders/" + lost).get("number");

		Api.Response report = api.get("/api/v1/reports/leakage?quoteDays=0");
		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		var deliveries = report.json().get("deliveries");
		assertThat(deliveries.findValuesAsString("orderNumber")).contains(lostOrderNumber);
		for (var d : deliveries) {
			if (d.get("orderNumber").asString().equals(lostOrderNumber)) {
				assertThat(d.get("net").asString()).as("1 x 250.00 at the order's price").isEqualTo("250.00");
			}
		}
		assertThat(report.json().get("quotes").findValuesAsString("orderId")).contains(waiting).doesNotContain(order);
		assertThat(report.json().get("offBook").findValuesAsString("number")).contains(invoiceNumber);
		assertThat(report.json().get("offBook").findValuesAsString("priceSource")).contains("OFF_CATALOG");
		assertThat(api.get("/api/v1/reports/leakage?quoteDays=-1").status()).isEqualTo(422);
		assertThat(quoteNumber).isNotBlank();
	}

	@Test
	void linesBilledBelowTheCustomersAgreementAreListedWithWhatTheyLeftUncharged() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("120.00", "20");
		Api.Response agreement = api.post("/api/v1/customers/" + customer + "/price-agreements",
				map("sku", sku, "unitPrice", "100.00", "validFrom", "2020-01-01"));
		assertThat(agreement.status()).as(agreement.toString()).isEqualTo(201);
		// at the agreed price: nothing to report
		String fair = api
			.post("/api/v1/invoices", map("customerId", customer, "lines", List.of(map("sku", sku, "quantity", "2"))))
			.get("id");
		assertThat(api.get("/api/v1/invoices/" + fair).json().get("lines").get(0).get("unitPrice").asString())
			.isEqualTo("100.00");
		// typed below the agreement, and discounted on top of it
		String typed = api.post("/api/v1/invoices",
				map("customerId", customer, "lines", List.of(map("sku", sku, "quantity", "3", "unitPrice", "90.00"),
						map("sku", sku, "quantity", "1", "discountPercent", "15"))))
			.get("id");
		for (String id : List.of(fair, typed)) {
			assertThat(api.post("/api/v1/invoices/" + id + "/issue", null).status()).isEqualTo(200);
		}
		String number = api.get("/api/v1/invoices/" + typed).get("number");
		var below = api.get("/api/v1/reports/leakage").json().get("belowBook");
		List<String> mine = new java.util.ArrayList<>();
		for (var l : below) {
			if (l.get("number").asString().equals(number)) {
				mine.add(l.get("lineNumber").asInt() + ":" + l.get("net").asString() + "/" + l.get("atBook").asString()
						+ "/" + l.get("shortfall").asString());
			}
			assertThat(l.get("number").asString()).isNotEqualTo(api.get("/api/v1/invoices/" + fair).get("number"));
		}
		assertThat(mine).containsExactlyInAnyOrder("1:270.00/300.00/30.00", "2:85.00/100.00/15.00");
	}

}
