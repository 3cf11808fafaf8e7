package io.encaisse.e2e;

import java.math.BigDecimal;

import io.encaisse.shared.AuditTrail;
import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newcomer's walk through the API: customer, product, quote, send, accept, order,
 * delivery, invoice and its documents, payment, invoice paid, aging changed. Runs on each
 * database (see the subclasses).
 */
abstract class ApiJourney {

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail audit;

	Api api;

	Fixtures fixtures;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		this.fixtures = new Fixtures(this.api);
	}

	@Test
	void aSaleGoesFromQuoteToCashThroughTheApi() {
		Api.Response health = this.api.get("/actuator/health");
		assertThat(health.get("status")).isEqualTo("UP");

		String customerId = this.fixtures.customer();
		Api.Response product = this.api.post("/api/v1/products", map("sku", Fixtures.unique("WIDGET"), "name", "Widget",
				"unit", "piece", "taxRate", "20.00", "price", "12.50", "currency", "EUR"));
		assertThat(product.status()).isEqualTo(201);
		String sku = product.get("sku");
		String service = this.fixtures.product("850.00", "20.00");

		Api.Response quote = this.api
			.post("/api/v1/quotes", map("customerId", customerId, "currency", "EUR", "lines", java.util.List
				.of(map("sku", sku, "quantity", "10"), map("sku", service, "quantity", "2", "discountPercent", "10"))));
		assertThat(quote.status()).as(quote.toString()).isEqualTo(201);
		assertThat(quote.get("status")).isEqualTo("DRAFT");
		assertThat(quote.get("totalNet")).isEqualTo("1655.00");
		assertThat(quote.get("totalTax")).isEqualTo("331.00");
		assertThat(quote.json().get("lines").get(0).get("source").asString()).isEqualTo("LIST");
		String quoteId = quote.get("id");

		assertThat(this.api.post("/api/v1/quotes/" + quoteId + "/send", null).get("status")).isEqualTo("SENT");
		Api.Response accepted = this.api.post("/api/v1/quotes/" + quoteId + "/accept", null);
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.get("status")).isEqualTo("ACCEPTED");
		String orderId = accepted.get("orderId");
		assertThat(orderId).startsWith("ord_");

		Api.Response order = this.api.get("/api/v1/orders/" + orderId);
		assertThat(order.get("status")).isEqualTo("CONFIRMED");
		assertThat(order.get("quoteId")).isEqualTo(quoteId);
		assertThat(order.json().get("lines").get(1).get("unitPrice").asString()).isEqualTo("850.00");
		assertThat(order.json().get("lines").get(1).get("discountPercent").asString()).isEqualTo("10.00");

		String invoiceId = this.fixtures.deliver(orderId, sku, "4");
		assertThat(this.api.get("/api/v1/orders/" + orderId).get("status")).isEqualTo("PARTIALLY_DELIVERED");
		Api.Response invoice = this.api.get("/api/v1/invoices/" + invoiceId);
		assertThat(invoice.get("status")).isEqualTo("ISSUED");
		assertThat(invoice.get("number")).matches("FA-\\d{4}-\\d{6}");
		assertThat(invoice.get("total")).isEqualTo("60.00");
		assertThat(invoice.get("amountDue")).isEqualTo("60.00");
		assertThat(invoice.get("paymentReference")).startsWith("RF");
		assertThat(invoice.get("dueDate"))
			.isEqualTo(java.time.LocalDate.parse(invoice.get("issueDate")).plusDays(30).toString());

		byte[] pdf = this.api.bytes("/api/v1/invoices/" + invoiceId + "/pdf");
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		assertThat(new String(this.api.bytes("/api/v1/invoices/" + invoiceId + "/ubl")))
			.contains("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2")
			.contains(invoice.get("number"));

		String second = this.fixtures.deliver(orderId, sku, "6", service, "2");
		Api.Response delivered = this.api.get("/api/v1/orders/" + orderId);
		assertThat(delivered.get("status")).isEqualTo("INVOICED");
		assertThat(delivered.json().get("invoiceIds")).hasSize(2);
		assertThat(this.api.get("/api/v1/invoices/" + second).get("total")).isEqualTo("1926.00");

		BigDecimal openBefore = agingTotal();
		Api.Response payment = this.api.post("/api/v1/payments", map("amount", "60.00", "currency", "EUR", "receivedOn",
				invoice.get("issueDate"), "reference", "VIR " + invoice.get("paymentReference")));
		assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
		assertThat(payment.get("status")).isEqualTo("MATCHED");
		assertThat(this.api.get("/api/v1/invoices/" + invoiceId).get("status")).isEqualTo("PAID");
		assertThat(agingTotal()).isEqualByComparingTo(openBefore.subtract(new BigDecimal("60.00")));

		// part of an invoice: applied because the clerk records it for the customer (a
		// stranger quoting the number would only be suggested)
		Api.Response byNumber = this.api.post("/api/v1/payments",
				map("customerId", customerId, "amount", "1000.00", "currency", "EUR", "reference",
						"facture " + this.api.get("/api/v1/invoices/" + second).get("number").replace("-", " ")));
		assertThat(byNumber.get("status")).isEqualTo("MATCHED");
		Api.Response partly = this.api.get("/api/v1/invoices/" + second);
		assertThat(partly.get("status")).isEqualTo("PARTIALLY_PAID");
		assertThat(partly.get("amountDue")).isEqualTo("926.00");

		assertThat(this.audit.of("quote", quoteId)).extracting(AuditTrail.Entry::action)
			// the mailing of the sent quote is audited too (failed here: no SMTP server
			// runs)
			.containsExactly("created", "sent", "mailing failed", "accepted", "order created");
		assertThat(this.audit.of("quote", quoteId)).allSatisfy(e -> assertThat(e.actor()).isEqualTo("key:bootstrap"));
		assertThat(this.audit.of("invoice", invoiceId)).extracting(AuditTrail.Entry::action)
			.containsExactly("issued", "payment applied");

		Api.Response customer = this.api.get("/api/v1/customers/" + customerId);
		assertThat(customer.json().get("openBalance").get(0).get("open").asString()).isEqualTo("926.00");
	}

	private BigDecimal agingTotal() {
		Api.Response aging = this.api.get("/api/v1/reports/aging");
		assertThat(aging.status()).isEqualTo(200);
		BigDecimal total = BigDecimal.ZERO;
		for (var row : aging.json().get("totals")) {
			if (row.get("currency").asString().equals("EUR")) {
				total = total.add(new BigDecimal(row.get("total").asString()));
			}
		}
		return total;
	}

}
