package io.encaisse.collections;

import java.time.LocalDate;
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
 * The collections API on bad input and at its edges: problem details naming the field, a
 * dispute on part of an invoice dunned on the rest, a dry run that writes nothing, a
 * customer left out of dunning, a contractual late-payment rate.
 */
@EncaisseTest
class CollectionsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPolicyIsCheckedLevelByLevel() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Api.Response refused = api.post("/api/v1/dunning-policies",
				map("name", Fixtures.unique("Policy"), "levels", List.of(map("daysAfterDue", 10, "channel", "EMAIL"),
						map("daysAfterDue", 5, "channel", "EMAIL"), map("daysAfterDue", 30, "channel", "FAX"))));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.body()).contains("levels[1].daysAfterDue").contains("levels[2].channel");
		String name = Fixtures.unique("Policy");
		Api.Response created = api.post("/api/v1/dunning-policies",
				map("name", name, "courtesyDaysBefore", 3, "levels",
						List.of(map("daysAfterDue", 10, "channel", "EMAIL"),
								map("daysAfterDue", 30, "channel", "FORMAL_NOTICE", "escalation", "CREDIT_HOLD"))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("levels").size()).isEqualTo(2);
		assertThat(api
			.post("/api/v1/dunning-policies",
					map("name", name, "levels", List.of(map("daysAfterDue", 10, "channel", "EMAIL"))))
			.body()).contains("already called");
		assertThat(api.get("/api/v1/dunning-policies").body()).contains(name).contains("Standard");
	}

	@Test
	void aDisputeOnPartOfAnInvoiceLeavesTheRestToDunning() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("1000.00", "20");
		String customer = fixtures.customer();
		String invoice = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		Api.Response bad = api.post("/api/v1/invoices/" + invoice + "/disputes", map("amount", "5000.00"));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("\"reason\"").contains("\"amount\"");
		Api.Response dispute = api.post("/api/v1/invoices/" + invoice + "/disputes",
				map("reason", "QUANTITY", "amount", "200.00", "owner", "claire"));
		assertThat(dispute.status()).as(dispute.toString()).isEqualTo(201);
		assertThat(api.post("/api/v1/invoices/" + invoice + "/disputes", map("reason", "PRICE")).status())
			.as("one open dispute at a time")
			.isEqualTo(409);
		Api.Response changed = api.request("PATCH", "/api/v1/disputes/" + dispute.get("id"),
				"{\"dueOn\": \"" + Fixtures.today().plusDays(10) + "\"}");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.get("owner")).isEqualTo("claire");

		// a preview a year on: the invoice is due, less what is disputed; nothing written
		Api.Response dry = api.post("/api/v1/dunning-runs", map("dryRun", true));
		assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from dunning_notice where invoice_id = :i")
			.param("i", invoice)
			.query(Integer.class)
			.single()).isZero();
		Api.Response refusedRun = api.post("/api/v1/dunning-runs",
				map("asOf", Fixtures.today().plusYears(1).toString()));
		assertThat(refusedRun.status()).isEqualTo(422);
		assertThat(refusedRun.body()).contains("asOf");
		this.jdbc.sql("update invoice set due_date = due_date - 90 where id = :i").param("i", invoice).update();
		Api.Response preview = api.post("/api/v1/dunning-runs", map("dryRun", true));
		assertThat(preview.json()
			.get("messages")
			.valueStream()
			.filter(m -> customer.equals(m.get("customerId").asString()))
			.map(m -> m.get("totalDue").asString() + " L" + m.get("level").asInt())
			.toList()).containsExactly("1000.00 L3");

		// left out of dunning: nothing, even for real
		Api.Response settings = api.put("/api/v1/customers/" + customer + "/collection-settings",
				map("excluded", true, "lateInterestRate", "12"), null);
		assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
		Api.Response run = api.post("/api/v1/dunning-runs", map());
		assertThat(run.status()).isEqualTo(201);
		assertThat(api.get("/api/v1/customers/" + customer + "/reminders").json().get("data").size()).isZero();

		// the contractual rate replaces ECB + 10
		Api.Response charges = api.get("/api/v1/invoices/" + invoice + "/late-charges");
		assertThat(charges.get("rate")).isEqualTo("12");
		assertThat(charges.json().get("daysLate").asInt()).isPositive();

		// a dispute on part of the invoice: the credit note's amount is said, never the
		// whole invoice by default
		Api.Response unsaid = api.post("/api/v1/disputes/" + dispute.get("id") + "/resolve",
				map("resolution", "CREDIT_NOTE"));
		assertThat(unsaid.status()).isEqualTo(422);
		assertThat(unsaid.body()).contains("creditAmount");
		Api.Response resolved = api.post("/api/v1/disputes/" + dispute.get("id") + "/resolve",
				map("resolution", "CREDIT_NOTE", "creditAmount", "166.67"));
		assertThat(resolved.get("status")).isEqualTo("RESOLVED");
		assertThat(api.get("/api/v1/invoices/" + invoice).get("amountDue")).isEqualTo("1000.00");
		assertThat(
				api.post("/api/v1/disputes/" + dispute.get("id") + "/resolve", map("resolution", "REJECTED")).status())
			.isEqualTo(409);
	}

	@Test
	void aPromiseNamesOpenInvoicesOfItsCustomer() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("100.00", "20");
		String customer = fixtures.customer();
		String other = fixtures.customer();
		String invoice = fixtures.deliver(fixtures.acceptedOrder(other, sku, "1"), sku, "1");
		Api.Response refused = api.post("/api/v1/customers/" + customer + "/promises",
				map("promisedOn", Fixtures.today().minusDays(1).toString(), "invoiceIds", List.of(invoice)));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("promisedOn").contains("invoiceIds[0]");
		assertThat(api.post("/api/v1/customers/nobody/promises", map()).status()).isEqualTo(404);
	}

	@Test
	void theWorklistRanksByWhatIsOverdueHowLateAndTheRiskWithTheNextAction() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("900000.00", "20");
		String careful = fixtures.customer();
		String risky = fixtures.customer();
		this.jdbc.sql("update customer set risk_class = 'HIGH', credit_limit = null where id = :id")
			.param("id", risky)
			.update();
		this.jdbc.sql("update customer set credit_limit = null where id = :id").param("id", careful).update();
		String carefulInvoice = fixtures.deliver(fixtures.acceptedOrder(careful, sku, "1"), sku, "1");
		String riskyInvoice = fixtures.deliver(fixtures.acceptedOrder(risky, sku, "1"), sku, "1");
		for (String invoice : List.of(carefulInvoice, riskyInvoice)) {
			this.jdbc.sql("update invoice set due_date = due_date - 70 where id = :i").param("i", invoice).update();
		}
		Api.Response promise = api.post("/api/v1/customers/" + careful + "/promises",
				map("promisedOn", Fixtures.today().toString(), "invoiceIds", List.of(carefulInvoice)));
		assertThat(promise.status()).as(promise.toString()).isEqualTo(201);
		this.jdbc.sql("update payment_promise set promised_on = promised_on - 3 where id = :p")
			.param("p", promise.get("id"))
			.update();

		Api.Response worklist = api.get("/api/v1/collections/worklist?limit=500");
		assertThat(worklist.status()).as(worklist.toString()).isEqualTo(200);
		List<String> ours = worklist.json()
			.get("data")
			.valueStream()
			.filter(r -> List.of(careful, risky).contains(r.get("customerId").asString()))
			.map(r -> r.get("riskClass").asString() + " " + r.get("overdue").asString() + " "
					+ r.get("nextAction").asString())
			.toList();
		assertThat(ours).containsExactly("HIGH 1080000.00 FIRST_REMINDER", "LOW 1080000.00 CHASE_BROKEN_PROMISE");
	}

	@Test
	void aStatementOfAccountListsWhatWasOpenAtTheDate() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("100.00", "20");
		String customer = fixtures.customer();
		String first = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		String second = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "2"), sku, "2");
		this.jdbc.sql("update invoice set issue_date = issue_date - 50, due_date = due_date - 50 where id = :i")
			.param("i", first)
			.update();
		Api.Response paid = api.post("/api/v1/payments",
				map("amount", "20.00", "currency", "EUR", "reference",
						api.get("/api/v1/invoices/" + first).get("number"), "customerId", customer, "receivedOn",
						Fixtures.today().toString()));
		assertThat(paid.status()).as(paid.toString()).isEqualTo(201);

		Api.Response statement = api.get("/api/v1/customers/" + customer + "/statement");
		assertThat(statement.status()).as(statement.toString()).isEqualTo(200);
		assertThat(statement.json()
			.get("lines")
			.valueStream()
			.map(l -> l.get("open").asString() + " " + l.get("daysLate").asInt())
			.toList()).containsExactly("100.00 20", "240.00 0");
		assertThat(statement.json().get("totals").get(0).get("open").asString()).isEqualTo("340.00");
		assertThat(statement.json().get("totals").get(0).get("late1to30").asString()).isEqualTo("100.00");
		// a day before the payment: the first invoice whole
		Api.Response before = api
			.get("/api/v1/customers/" + customer + "/statement?asOf=" + Fixtures.today().minusDays(1));
		assertThat(before.json().get("lines").valueStream().map(l -> l.get("open").asString()).toList())
			.containsExactly("120.00");
		assertThat(
				api.get("/api/v1/customers/" + customer + "/statement?asOf=" + Fixtures.today().plusDays(1)).status())
			.isEqualTo(422);

		java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI
					.create("http://localhost:" + this.port + "/api/v1/customers/" + customer + "/statement"))
				.header("Authorization", "Bearer " + EncaisseTest.ADMIN_KEY)
				.header("Accept", "application/pdf")
				.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
			assertThat(text).contains("Relevé de compte").contains("340.00 EUR");
		}
	}

	@Test
	void anInvoiceContestedOnThePlatformIsDisputedOnce() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("50.00", "20");
		String customer = fixtures.customer();
		String invoice = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		Api.Response contested = api.post("/api/v1/invoices/" + invoice + "/lifecycle",
				map("code", 207, "note", "Quantité non conforme"));
		assertThat(contested.status()).as(contested.toString()).isIn(200, 201);
		api.post("/api/v1/invoices/" + invoice + "/lifecycle", map("code", 210));
		Api.Response disputes = api.get("/api/v1/invoices/" + invoice + "/disputes");
		assertThat(disputes.json()
			.get("data")
			.valueStream()
			.map(d -> d.get("status").asString() + " " + d.get("reason").asString() + " " + d.get("amount").asString()
					+ " " + d.get("message").asString())
			.toList()).containsExactly("OPEN OTHER 60.00 e-invoicing status 207: Quantité non conforme");

		// the collections report counts it among the open disputes and its root causes
		Api.Response report = api.get("/api/v1/reports/collections");
		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		assertThat(report.json()
			.get("openDisputes")
			.valueStream()
			.filter(d -> "OTHER".equals(d.get("reason").asString()))
			.map(d -> d.get("upTo30Days").asInt())
			.findFirst()).hasValueSatisfying(n -> assertThat(n).isPositive());
		assertThat(report.json()
			.get("rootCauses")
			.valueStream()
			.map(c -> c.get("step").asString() + " " + c.get("reason").asString())
			.toList()).contains("OTHER OTHER");
	}

	@Test
	void aLevelSpeaksWithItsOwnWordsOncePreviewed() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("250.00", "20");
		String customer = fixtures.customer();
		String invoice = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		this.jdbc.sql("update invoice set due_date = due_date - 40 where id = :i").param("i", invoice).update();
		Api.Response policy = api.post("/api/v1/dunning-policies",
				map("name", Fixtures.unique("Worded"), "levels", List.of(map("daysAfterDue", 5, "channel", "EMAIL"))));
		String id = policy.get("id");

		Api.Response refused = api.put("/api/v1/dunning-policies/" + id + "/templates/1/fr",
				map("subject", "Relance {{montant}}", "body", "Bonjour {{customer}}"), null);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("montant").contains("{{invoices}}");
		assertThat(api.put("/api/v1/dunning-policies/" + id + "/templates/9/fr", map("subject", "x", "body", "y"), null)
			.status()).isEqualTo(404);
		Api.Response saved = api.put("/api/v1/dunning-policies/" + id + "/templates/1/fr",
				map("subject", "{{customer}} : {{count}} facture(s) en retard, {{total}}", "body",
						"Bonjour,\n\n{{invoices}}\n\nMerci de régler {{total}} sur {{iban}}."),
				null);
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(api.get("/api/v1/dunning-policies/" + id + "/templates").json().get("data").size()).isEqualTo(1);

		Api.Response preview = api.post("/api/v1/dunning-policies/" + id + "/levels/1/preview",
				map("customerId", customer));
		assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
		String name = api.get("/api/v1/customers/" + customer).get("name");
		assertThat(preview.get("subject")).isEqualTo(name + " : 1 facture(s) en retard, 300,00 €");
		assertThat(preview.get("body")).contains("Merci de régler 300,00 € sur FR76")
			.contains(api.get("/api/v1/invoices/" + invoice).get("number"));
		assertThat(api.post("/api/v1/dunning-policies/" + id + "/levels/1/preview", map()).status()).isEqualTo(422);
	}

}
