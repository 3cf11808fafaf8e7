package io.encaisse.collections;

import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Penalties invoiced: a numbered note outside the scope of VAT with the interest and the
 * indemnity as computed by hand, its PDF kept as issued and mailed, one per invoice,
 * cancelled with a reason; the run invoices the penalties of invoices paid late when the
 * policy says so, once.
 */
@EncaisseTest
class PenaltyNotesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private String paidLate(Api api, Fixtures fixtures, String customer, int daysLate, int paidDaysAgo) {
		String sku = fixtures.product("1000.00", "20");
		String invoice = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		this.jdbc.sql("update invoice set issue_date = :i, due_date = :d where id = :id")
			.param("i", Fixtures.today().minusDays(paidDaysAgo + daysLate + 30))
			.param("d", Fixtures.today().minusDays(paidDaysAgo + daysLate))
			.param("id", invoice)
			.update();
		Api.Response paid = api.post("/api/v1/payments",
				map("amount", "1200.00", "currency", "EUR", "reference",
						api.get("/api/v1/invoices/" + invoice).get("number"), "customerId", customer, "receivedOn",
						Fixtures.today().minusDays(paidDaysAgo).toString()));
		assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
		return invoice;
	}

	@Test
	void aNoteForAnInvoicePaidSixtyDaysLate() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String invoice = paidLate(api, fixtures, customer, 60, 0);
		String sku = fixtures.product("10.00", "20");
		String onTime = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		assertThat(api.post("/api/v1/invoices/" + onTime + "/penalty-note", map()).status()).isEqualTo(409);

		Api.Response note = api.post("/api/v1/invoices/" + invoice + "/penalty-note", map());
		assertThat(note.status()).as(note.toString()).isEqualTo(201);
		assertThat(note.get("number")).matches("PEN-" + Fixtures.today().getYear() + "-\\d{6}");
		assertThat(note.json().get("daysLate").asInt()).isEqualTo(60);
		// 1200.00 x (ECB 2.15 + 10) % x 60 / 365 = 23.967...
		assertThat(note.get("interest")).isEqualTo("23.97");
		assertThat(note.get("indemnity")).isEqualTo("40.00");
		assertThat(api.post("/api/v1/invoices/" + invoice + "/penalty-note", map()).status()).as("one note per invoice")
			.isEqualTo(409);

		byte[] pdf = api.bytes("/api/v1/penalty-notes/" + note.get("id") + "/pdf");
		assertThat(api.bytes("/api/v1/penalty-notes/" + note.get("id") + "/pdf")).as("as issued").isEqualTo(pdf);
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains(note.get("number"))
				.contains(api.get("/api/v1/invoices/" + invoice).get("number"))
				.contains("23,97 €")
				.contains("63,97 €")
				.contains("au taux annuel de 12,15 %")
				.contains("champ d'application de la TVA");
		}
		assertThat(this.jdbc.sql("select count(*) from mail_outbox where kind = 'PENALTY_NOTE' and subject_id = :n")
			.param("n", note.get("id"))
			.query(Integer.class)
			.single()).isOne();

		assertThat(api.post("/api/v1/penalty-notes/" + note.get("id") + "/cancel", map()).status()).isEqualTo(422);
		Api.Response cancelled = api.post("/api/v1/penalty-notes/" + note.get("id") + "/cancel",
				map("reason", "Goodwill after the dispute"));
		assertThat(cancelled.get("status")).isEqualTo("CANCELLED");
		assertThat(api.post("/api/v1/penalty-notes/" + note.get("id") + "/paid", map()).status()).isEqualTo(409);
	}

	@Test
	void theRunInvoicesThePenaltiesOfInvoicesPaidLateOnce() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		Api.Response policy = api.post("/api/v1/dunning-policies", map("name", Fixtures.unique("Penalties"),
				"invoicePenalties", true, "levels", List.of(map("daysAfterDue", 10, "channel", "EMAIL"))));
		assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
		String customer = fixtures.customer();
		api.put("/api/v1/customers/" + customer + "/collection-settings", map("policyId", policy.get("id")), null);
		String invoice = paidLate(api, fixtures, customer, 20, 3);
		String longAgo = paidLate(api, fixtures, customer, 20, 90);

		assertThat(api.post("/api/v1/dunning-runs", map()).status()).isEqualTo(201);
		assertThat(api.post("/api/v1/dunning-runs", map()).status()).isEqualTo(201);
		Api.Response notes = api.get("/api/v1/customers/" + customer + "/penalty-notes");
		assertThat(notes.json().valueStream().map(n -> n.get("invoiceId").asString()).toList())
			.as("the one paid late lately, once; not the one paid three months ago")
			.containsExactly(invoice)
			.doesNotContain(longAgo);
		assertThat(notes.json().get(0).get("daysLate").asInt()).isEqualTo(20);
	}

}
