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
 * What dunning hands outside: a formal notice printed as a letter (the customer's
 * address, the invoice, the statement after it), a run's letters at once, and the
 * collection agency's file with the invoices of the level that escalates to it, until
 * they are paid.
 */
@EncaisseTest
class DunningOutputTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFormalNoticePrintsAndGoesToTheAgency() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		Api.Response policy = api.post("/api/v1/dunning-policies",
				map("name", Fixtures.unique("Agency"), "levels", List.of(map("daysAfterDue", 5, "channel", "EMAIL"),
						map("daysAfterDue", 15, "channel", "LETTER"),
						map("daysAfterDue", 30, "channel", "FORMAL_NOTICE", "escalation", "COLLECTION_AGENCY"))));
		assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
		String customer = fixtures.customer();
		String name = api.get("/api/v1/customers/" + customer).get("name");
		api.put("/api/v1/customers/" + customer + "/collection-settings", map("policyId", policy.get("id")), null);
		String sku = fixtures.product("1000.00", "20");
		String invoice = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		String number = api.get("/api/v1/invoices/" + invoice).get("number");
		this.jdbc.sql("update invoice set due_date = :d where id = :i")
			.param("d", Fixtures.today().minusDays(40))
			.param("i", invoice)
			.update();

		Api.Response run = api.post("/api/v1/dunning-runs", map());
		assertThat(run.status()).as(run.toString()).isEqualTo(201);
		String message = run.json()
			.get("messages")
			.valueStream()
			.filter(m -> customer.equals(m.get("customerId").asString()))
			.map(m -> m.get("id").asString())
			.findFirst()
			.orElseThrow();

		try (PDDocument letter = Loader.loadPDF(api.bytes("/api/v1/dunning-messages/" + message + "/letter"))) {
			assertThat(letter.getNumberOfPages()).as("the letter, then the statement").isGreaterThanOrEqualTo(2);
			String text = new PDFTextStripper().getText(letter);
			assertThat(text).contains(name).contains(number).contains("1200.00");
			assertThat(text).containsAnyOf("mise en demeure", "mettons en demeure", "formal notice");
		}
		try (PDDocument all = Loader.loadPDF(api.bytes("/api/v1/dunning-runs/" + run.get("id") + "/letters"))) {
			assertThat(new PDFTextStripper().getText(all)).contains(name);
		}

		String csv = new String(api.bytes("/api/v1/collections/agency-export"),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv.lines().findFirst().orElseThrow()).startsWith("customer_id,customer_name,siren");
		assertThat(csv.lines().filter(l -> l.contains(number)).toList()).singleElement()
			.satisfies(l -> assertThat(l).contains(customer)
				.contains(",40,1200.00,1200.00,EUR,")
				.contains(",40.00,3," + Fixtures.today()));

		api.post("/api/v1/payments", map("amount", "1200.00", "currency", "EUR", "reference", number, "customerId",
				customer, "receivedOn", Fixtures.today().toString()));
		assertThat(new String(api.bytes("/api/v1/collections/agency-export"), java.nio.charset.StandardCharsets.UTF_8))
			.as("paid: no longer the agency's")
			.doesNotContain(number);
	}

}
