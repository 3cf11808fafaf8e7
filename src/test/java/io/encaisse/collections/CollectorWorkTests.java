package io.encaisse.collections;

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
 * The collector's day over the API: customers assigned to a collector and their worklist,
 * notes and calls, tasks set by hand and raised by the run (a phone level, a broken
 * promise) once each, late charges waived by finance with a reason.
 */
@EncaisseTest
class CollectorWorkTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private String overdueInvoice(Fixtures fixtures, String customer, int daysLate) {
		String sku = fixtures.product("1000.00", "20");
		String invoice = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		this.jdbc.sql("update invoice set due_date = :d where id = :i")
			.param("d", Fixtures.today().minusDays(daysLate))
			.param("i", invoice)
			.update();
		return invoice;
	}

	@Test
	void aCollectorsCustomersNotesAndTasks() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String invoice = overdueInvoice(fixtures, customer, 12);

		Api.Response unknown = api.put("/api/v1/customers/" + customer + "/collection-settings",
				map("collector", "nobody-" + Fixtures.unique("x")), null);
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
		assertThat(unknown.body()).contains("\"collector\"");
		Api.Response assigned = api.put("/api/v1/customers/" + customer + "/collection-settings",
				map("collector", "admin"), null);
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
		assertThat(assigned.get("collector")).isEqualTo("admin");
		assertThat(api.get("/api/v1/collections/worklist?collector=admin&limit=500").body()).contains(customer);
		assertThat(api.get("/api/v1/collections/worklist?collector=someone-else&limit=500").body())
			.doesNotContain(customer);

		Api.Response noBody = api.post("/api/v1/customers/" + customer + "/notes",
				map("kind", "NOTE", "outcome", "REACHED", "invoiceId", "inv_nope"));
		assertThat(noBody.status()).as(noBody.toString()).isEqualTo(422);
		assertThat(noBody.body()).contains("\"body\"").contains("\"outcome\"").contains("\"invoiceId\"");
		Api.Response call = api.post("/api/v1/customers/" + customer + "/notes", map("kind", "CALL", "outcome",
				"REACHED", "invoiceId", invoice, "body", "Accounts payable will pay on Friday"));
		assertThat(call.status()).as(call.toString()).isEqualTo(201);
		Api.Response notes = api.get("/api/v1/customers/" + customer + "/notes");
		assertThat(notes.json().get(0).get("kind").asString()).isEqualTo("CALL");
		assertThat(notes.json().get(0).get("invoiceNumber").asString()).startsWith("F");

		Api.Response past = api.post("/api/v1/customers/" + customer + "/tasks",
				map("title", "Call back", "dueOn", Fixtures.today().minusDays(1).toString()));
		assertThat(past.status()).isEqualTo(422);
		assertThat(past.body()).contains("\"dueOn\"");
		Api.Response task = api.post("/api/v1/customers/" + customer + "/tasks", map("title", "Call back on Friday"));
		assertThat(task.status()).as(task.toString()).isEqualTo(201);
		assertThat(task.get("assignee")).as("the customer's collector by default").isEqualTo("admin");
		assertThat(api.get("/api/v1/tasks?assignee=admin&limit=500").body()).contains(task.get("id"));
		assertThat(api.get("/api/v1/collections/worklist?collector=admin&limit=500")
			.json()
			.get("data")
			.valueStream()
			.filter(r -> customer.equals(r.get("customerId").asString()))
			.map(r -> r.get("nextAction").asString())
			.toList()).containsExactly("TASK_DUE");
		Api.Response done = api.post("/api/v1/tasks/" + task.get("id") + "/done", map());
		assertThat(done.get("status")).isEqualTo("DONE");
		assertThat(api.get("/api/v1/tasks?assignee=admin&limit=500").body()).doesNotContain(task.get("id"));
	}

	@Test
	void aPhoneLevelAndABrokenPromiseRaiseOneTaskEach() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		Api.Response policy = api.post("/api/v1/dunning-policies", map("name", Fixtures.unique("Phone"), "levels",
				List.of(map("daysAfterDue", 5, "channel", "EMAIL"), map("daysAfterDue", 15, "channel", "PHONE"))));
		assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
		String customer = fixtures.customer();
		api.put("/api/v1/customers/" + customer + "/collection-settings",
				map("policyId", policy.get("id"), "collector", "admin"), null);
		overdueInvoice(fixtures, customer, 20);
		String promised = overdueInvoice(fixtures, customer, 2);
		Api.Response promise = api.post("/api/v1/customers/" + customer + "/promises",
				map("promisedOn", Fixtures.today().toString(), "invoiceIds", List.of(promised)));
		assertThat(promise.status()).as(promise.toString()).isEqualTo(201);
		this.jdbc.sql("update payment_promise set promised_on = :d where id = :id")
			.param("d", Fixtures.today().minusDays(1))
			.param("id", promise.get("id"))
			.update();

		assertThat(api.post("/api/v1/dunning-runs", map()).status()).isEqualTo(201);
		assertThat(api.post("/api/v1/dunning-runs", map()).status()).isEqualTo(201);
		List<String> kinds = api.get("/api/v1/customers/" + customer + "/tasks")
			.json()
			.valueStream()
			.map(t -> t.get("kind").asString() + " " + t.get("assignee").asString() + " " + t.get("title").asString())
			.sorted()
			.toList();
		assertThat(kinds).containsExactly("BROKEN_PROMISE admin 1200.00 EUR · " + Fixtures.today().minusDays(1),
				"CALL admin 2");
	}

	@Test
	void financeWaivesLateChargesWithAReason() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String invoice = overdueInvoice(fixtures, customer, 60);
		Api.Response before = api.get("/api/v1/invoices/" + invoice + "/late-charges");
		assertThat(before.get("indemnity")).isEqualTo("40.00");
		assertThat(before.get("interest")).isNotEqualTo("0.00");

		Api.Response created = api.post("/api/v1/api-keys",
				map("name", Fixtures.unique("collector"), "role", "COLLECTOR"));
		Api collector = api.as(created.get("key"));
		assertThat(collector
			.post("/api/v1/invoices/" + invoice + "/late-charges/waiver", map("interest", true, "reason", "goodwill"))
			.status()).isEqualTo(403);
		Api.Response noReason = api.post("/api/v1/invoices/" + invoice + "/late-charges/waiver", map("interest", true));
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.body()).contains("\"reason\"");

		Api.Response waived = api.post("/api/v1/invoices/" + invoice + "/late-charges/waiver",
				map("interest", true, "indemnity", true, "reason", "Long-standing customer, first delay"));
		assertThat(waived.status()).as(waived.toString()).isEqualTo(200);
		assertThat(waived.get("interest")).isEqualTo("0.00");
		assertThat(waived.get("indemnity")).isEqualTo("0.00");
		assertThat(waived.json().get("interestWaived").asBoolean()).isTrue();
		assertThat(this.jdbc.sql("""
				select actor || ' ' || action || ' ' || changes from audit_event where document_id = :i
				and action like 'late charges%'""").param("i", invoice).query(String.class).list())
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("late charges waived")
			.contains("Long-standing customer");

		Api.Response lifted = api.post("/api/v1/invoices/" + invoice + "/late-charges/waiver", map());
		assertThat(lifted.get("indemnity")).isEqualTo("40.00");
	}

	@Test
	void aPromiseIsKeptWhenItsInvoiceIsPaidAndAStatementIsMailedOnDemand() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String invoice = overdueInvoice(fixtures, customer, 5);
		Api.Response promise = api.post("/api/v1/customers/" + customer + "/promises",
				map("promisedOn", Fixtures.today().plusDays(3).toString(), "invoiceIds", List.of(invoice)));
		assertThat(promise.status()).as(promise.toString()).isEqualTo(201);
		api.post("/api/v1/payments",
				map("amount", "1200.00", "currency", "EUR", "reference",
						api.get("/api/v1/invoices/" + invoice).get("number"), "customerId", customer, "receivedOn",
						Fixtures.today().toString()));
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(api.get("/api/v1/promises/" + promise.get("id")).get("status"))
				.as("kept when cash application settles the invoice, not at the next run")
				.isEqualTo("KEPT"));

		assertThat(api
			.post("/api/v1/customers/" + customer + "/statement/mail?asOf=" + Fixtures.today().plusDays(1), map())
			.status()).isEqualTo(422);
		Api.Response mailed = api
			.post("/api/v1/customers/" + customer + "/statement/mail?asOf=" + Fixtures.today().minusDays(1), map());
		assertThat(mailed.status()).as(mailed.toString()).isEqualTo(202);
		assertThat(mailed.get("label")).isEqualTo(Fixtures.today().minusDays(1).toString());
		assertThat(this.jdbc.sql("select count(*) from mail_outbox where kind = 'STATEMENT' and subject_id = :c")
			.param("c", customer)
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void aSegmentsPolicyComesBeforeTheDefault() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String segment = Fixtures.unique("Public sector");
		Api.Response both = api.post("/api/v1/dunning-policies", map("name", Fixtures.unique("Both"), "segment",
				segment, "riskClass", "HIGH", "levels", List.of(map("daysAfterDue", 3, "channel", "LETTER"))));
		assertThat(both.status()).isEqualTo(422);
		assertThat(both.body()).contains("\"segment\"");
		Api.Response policy = api.post("/api/v1/dunning-policies", map("name", Fixtures.unique("Public"), "segment",
				segment, "levels", List.of(map("daysAfterDue", 3, "channel", "LETTER"))));
		assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
		assertThat(policy.get("segment")).isEqualTo(segment);

		Api.Response inSegment = api.post("/api/v1/customers",
				map("name", Fixtures.unique("Mairie"), "legalId", "732829320", "vatNumber", "FR44732829320", "email",
						"compta@mairie.example", "billingAddress",
						map("line1", "Place de la Mairie", "postalCode", "69001", "city", "Lyon", "country", "FR"),
						"paymentTermsDays", 30, "creditLimit", "50000", "currency", "EUR", "segment", segment));
		assertThat(inSegment.status()).as(inSegment.toString()).isEqualTo(201);
		assertThat(inSegment.get("segment")).isEqualTo(segment);
		String publicBody = inSegment.get("id");
		String other = fixtures.customer();
		String theirs = overdueInvoice(fixtures, publicBody, 5);
		assertThat(api.get("/api/v1/invoices/" + theirs).get("status")).isEqualTo("ISSUED");
		overdueInvoice(fixtures, other, 5);

		Api.Response run = api.post("/api/v1/dunning-runs", map());
		assertThat(run.status()).isEqualTo(201);
		// 5 days late: the segment's letter at 3 days; the default's first level is at 7
		assertThat(api.get("/api/v1/customers/" + publicBody + "/reminders")
			.json()
			.get("data")
			.valueStream()
			.map(m -> m.get("level").asInt() + " " + m.get("channel").asString())
			.toList()).containsExactly("1 LETTER");
		assertThat(api.get("/api/v1/customers/" + other + "/reminders").json().get("data").size()).isZero();
	}

}
