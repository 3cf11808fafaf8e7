package io.encaisse.invoicing;

import java.nio.file.Files;
import java.nio.file.Path;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The French e-invoicing lifecycle: an issued invoice is handed to the platform through
 * the file-drop connector (200, Factur-X and UBL in the folder), the platform's statuses
 * are recorded with who set them, and full payment sets 212.
 */
@EncaisseTest
class EInvoicingTests {

	@LocalServerPort
	int port;

	@Autowired
	EInvoicing eInvoicing;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/**
	 * A numbered document no e-invoice can be made of (here a credit note written without
	 * a due date, as an import might leave it) is rejected with the reason, and the
	 * invoices after it are still handed over: the failure used to mark the transaction
	 * that records the answers for rollback, and every later invoice stopped with it.
	 */
	@Test
	void aDocumentThatCannotBeProducedIsRejectedAndTheOthersGoOn() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("45.00", "20");
		String customer = fixtures.customer();
		String invoice = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		String broken = "inv_broken_" + System.nanoTime();
		this.jdbc
			.sql("""
					insert into invoice (id, kind, number, status, customer_id, customer_name, credited_invoice_id, issue_date,
					  currency, total_net, total_tax, total, amount_paid, amount_credited, payment_terms_days, version, created_at)
					values (:id, 'CREDIT_NOTE', :number, 'ISSUED', :customer, 'Client', :invoice, current_date, 'EUR', 10, 2, 12,
					  0, 0, 30, 0, current_timestamp)""")
			.param("id", broken)
			.param("number", "AV-BROKEN-" + System.nanoTime())
			.param("customer", customer)
			.param("invoice", invoice)
			.update();
		String good = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");

		while (this.eInvoicing.submitPending(500) > 0) {
			// every document of the suite so far is handed over
		}
		var rejected = api.get("/api/v1/invoices/" + broken + "/lifecycle").json().get("data");
		assertThat(rejected.get(0).get("code").asInt()).as(rejected.toString()).isEqualTo(213);
		assertThat(rejected.get(0).get("note").asString()).startsWith("the e-invoice could not be produced");
		var submitted = api.get("/api/v1/invoices/" + good + "/lifecycle").json().get("data");
		assertThat(submitted.get(0).get("code").asInt()).as(submitted.toString()).isEqualTo(200);
	}

	@Test
	void submittedThroughTheFileDropReportedAndPaid() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("45.00", "20");
		String invoice = fixtures.deliver(fixtures.acceptedOrder(fixtures.customer(), sku, "1"), sku, "1");
		String number = api.get("/api/v1/invoices/" + invoice).get("number");
		assertThat(api.get("/api/v1/invoices/" + invoice + "/lifecycle").json().get("data")).isEmpty();

		while (this.eInvoicing.submitPending(500) > 0) {
			// every invoice of the suite so far is handed over
		}
		var lifecycle = api.get("/api/v1/invoices/" + invoice + "/lifecycle").json().get("data");
		assertThat(lifecycle.get(0).get("code").asInt()).isEqualTo(200);
		assertThat(lifecycle.get(0).get("by").asString()).isEqualTo("file-drop");
		Path outbox = Path.of("target", "e-invoicing-outbox");
		assertThat(new String(Files.readAllBytes(outbox.resolve(number + ".pdf")), 0, 5, "ISO-8859-1"))
			.isEqualTo("%PDF-");
		assertThat(Files.readString(outbox.resolve(number + ".xml"))).contains("<cbc:ID>" + number + "</cbc:ID>");
		assertThat(this.eInvoicing.submitPending(500)).as("handed over once").isZero();

		Api.Response disputed = api.post("/api/v1/invoices/" + invoice + "/lifecycle",
				map("code", 207, "note", "quantité contestée"));
		assertThat(disputed.status()).as(disputed.toString()).isEqualTo(201);
		assertThat(disputed.get("label")).isEqualTo("En litige");
		assertThat(api.post("/api/v1/invoices/" + invoice + "/lifecycle", map("code", 299)).status()).isEqualTo(422);

		api.post("/api/v1/payments", map("amount", api.get("/api/v1/invoices/" + invoice).get("amountDue"), "currency",
				"EUR", "reference", number));
		var after = api.get("/api/v1/invoices/" + invoice + "/lifecycle").json().get("data");
		assertThat(after.findValuesAsString("status")).containsExactly("SUBMITTED", "DISPUTED", "PAID");
		assertThat(after.get(2).get("code").asInt()).isEqualTo(212);
		assertThat(after.get(2).get("by").asString()).startsWith("payment pay_");
	}

}
