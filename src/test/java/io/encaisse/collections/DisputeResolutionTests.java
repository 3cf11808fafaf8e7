package io.encaisse.collections;

import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dispute names its lines, ends with a credit note (issued then by someone who may
 * bill, or the one billing issued) and records how long it took; a short payment becomes
 * a dispute of what was held back.
 */
@EncaisseTest
class DisputeResolutionTests {

	@LocalServerPort
	int port;

	@Test
	void aDisputeOnALineEndsWithAPartialCreditNote() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("500.00", "20");
		String customer = fixtures.customer();
		String invoice = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "2"), sku, "2");
		String other = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");

		Api.Response badLine = api.post("/api/v1/invoices/" + invoice + "/disputes",
				map("reason", "PRICE", "lines", List.of(5)));
		assertThat(badLine.status()).isEqualTo(422);
		assertThat(badLine.body()).contains("lines[0]");
		Api.Response dispute = api.post("/api/v1/invoices/" + invoice + "/disputes",
				map("reason", "PRICE", "amount", "120.00", "lines", List.of(1)));
		assertThat(dispute.status()).as(dispute.toString()).isEqualTo(201);
		assertThat(dispute.json().get("lines").get(0).asInt()).isEqualTo(1);
		String id = dispute.get("id");

		Api.Response empty = api.post("/api/v1/disputes/" + id + "/comments", map("body", " "));
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.body()).contains("\"body\"");
		assertThat(api.post("/api/v1/disputes/" + id + "/comments", map("body", "Agreed price was 450.00, order 1234"))
			.status()).isEqualTo(201);
		Api collector = api
			.as(api.post("/api/v1/api-keys", map("name", Fixtures.unique("c"), "role", "COLLECTOR")).get("key"));
		Api.Response notBilling = collector.post("/api/v1/disputes/" + id + "/resolve",
				map("resolution", "CREDIT_NOTE", "creditAmount", "100.00"));
		assertThat(notBilling.status()).as(notBilling.toString()).isEqualTo(403);
		String otherCredit = api.post("/api/v1/invoices/" + other + "/credit-notes", map("amount", "10.00")).get("id");
		Api.Response wrongCredit = collector.post("/api/v1/disputes/" + id + "/resolve",
				map("resolution", "CREDIT_NOTE", "creditNoteId", otherCredit));
		assertThat(wrongCredit.status()).isEqualTo(422);
		assertThat(wrongCredit.body()).contains("creditNoteId");

		Api.Response resolved = api.post("/api/v1/disputes/" + id + "/resolve",
				map("resolution", "CREDIT_NOTE", "creditAmount", "100.00", "note", "Agreed price 450.00"));
		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
		assertThat(resolved.get("creditNoteId")).isNotNull();
		assertThat(resolved.json().get("resolutionDays").asInt()).isZero();
		Api.Response credit = api.get("/api/v1/invoices/" + resolved.get("creditNoteId"));
		assertThat(credit.get("total")).isEqualTo("120.00");
		assertThat(credit.get("reason")).as("printed on the credit note, in the customer's language")
			.startsWith("Litige sur la facture ")
			.contains("(Prix différent du négocié) — Agreed price 450.00");
		assertThat(api.get("/api/v1/invoices/" + invoice).get("amountDue")).isEqualTo("1080.00");
		assertThat(api.get("/api/v1/reports/collections").json().get("resolutionTimes").toString()).contains("PRICE");
		assertThat(api.get("/api/v1/disputes/" + id + "/comments").json().get(0).get("body").asString())
			.isEqualTo("Agreed price was 450.00, order 1234");
		assertThat(api.post("/api/v1/disputes/" + id + "/comments", map("body", "late")).status())
			.as("a resolved dispute takes no more comments")
			.isEqualTo(409);
	}

	@Test
	void aShortPaymentBecomesADisputeOfWhatWasHeldBack() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("1000.00", "20");
		String customer = fixtures.customer();
		String invoice = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		assertThat(api.post("/api/v1/invoices/" + invoice + "/short-payment-dispute", map("reason", "PRICE")).status())
			.as("nothing paid yet: no short payment")
			.isEqualTo(409);
		String number = api.get("/api/v1/invoices/" + invoice).get("number");
		api.post("/api/v1/payments", map("amount", "1000.00", "currency", "EUR", "reference", number, "customerId",
				customer, "receivedOn", Fixtures.today().toString()));
		assertThat(api.get("/api/v1/invoices/" + invoice).get("status")).isEqualTo("PARTIALLY_PAID");
		Api.Response dispute = api.post("/api/v1/invoices/" + invoice + "/short-payment-dispute",
				map("reason", "PRICE", "message", "They applied last year's price"));
		assertThat(dispute.status()).as(dispute.toString()).isEqualTo(201);
		assertThat(dispute.get("amount")).isEqualTo("200.00");
		// in the customer's language, as the customer reads it on the account page
		assertThat(dispute.get("message"))
			.startsWith("Paiement partiel : 1 000,00 € payé le "
					+ io.encaisse.shared.LocalizedText.date(Fixtures.today(), java.util.Locale.FRENCH))
			.contains("200,00 € retenu.")
			.endsWith("They applied last year's price");
	}

}
