package io.encaisse.payments;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.AtOnce;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money received is recorded whatever else happens at the same moment (issue 21, D6):
 * payments racing on one invoice are all recorded and the invoice is never paid twice;
 * one statement sent by several clients at once is one statement.
 */
@EncaisseTest
class ConcurrentPaymentTests {

	@LocalServerPort
	int port;

	@Test
	void twentyPaymentsOfOneInvoiceAtOnceAreAllRecordedAndNothingIsPaidTwice() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("1000.00", "20");
		String customer = fixtures.customer();
		String invoice = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		String reference = api.get("/api/v1/invoices/" + invoice).get("paymentReference");

		List<Api.Response> answers = AtOnce.run(20, i -> () -> api.post("/api/v1/payments",
				map("customerId", customer, "amount", "120.00", "currency", "EUR", "reference", "VIR " + reference)));

		assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
		BigDecimal applied = BigDecimal.ZERO;
		BigDecimal left = BigDecimal.ZERO;
		for (Api.Response r : answers) {
			Api.Response payment = api.get("/api/v1/payments/" + r.get("id"));
			left = left.add(new BigDecimal(payment.get("unallocatedAmount")));
			for (var allocation : payment.json().get("allocations")) {
				applied = applied.add(new BigDecimal(allocation.get("amount").asString()));
			}
		}
		assertThat(applied.add(left)).as(api.get("/api/v1/payments/" + answers.get(0).get("id")).toString())
			.isEqualByComparingTo("2400.00");
		assertThat(applied).as(api.get("/api/v1/payments/" + answers.get(0).get("id")).toString())
			.isEqualByComparingTo("1200.00");
		Api.Response paid = api.get("/api/v1/invoices/" + invoice);
		assertThat(paid.get("status")).isEqualTo("PAID");
		assertThat(paid.get("amountDue")).isEqualTo("0.00");
	}

	@Test
	void oneStatementSentByFiveClientsAtOnceIsOneStatementAppliedOnce() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String iban = "FR7630006000011234567890189";
		api.post("/api/v1/bank-accounts", map("name", "Compte courant", "iban", iban, "currency", "EUR"));
		String sku = fixtures.product("100.00", "20");
		String invoice = fixtures.deliver(fixtures.acceptedOrder(fixtures.customer(), sku, "1"), sku, "1");
		String reference = api.get("/api/v1/invoices/" + invoice).get("paymentReference");
		List<String> entries = new ArrayList<>();
		entries.add(BankStatementTests.entry("120.00", "CRDT", Fixtures.unique("R"), Fixtures.iban(),
				"VIR SEPA " + reference));
		for (int i = 0; i < 300; i++) {
			entries
				.add(BankStatementTests.entry("10.00", "CRDT", Fixtures.unique("R"), Fixtures.iban(), "DIVERS " + i));
		}
		byte[] file = BankStatementTests.statement(iban, Fixtures.unique("STMT"), entries.toArray(String[]::new))
			.getBytes(StandardCharsets.UTF_8);

		List<Api.Response> answers = AtOnce.run(5, i -> () -> api.xml("/api/v1/bank-statements", file));

		assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 201));
		assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
		assertThat(answers).extracting(r -> r.get("id")).containsOnly(answers.get(0).get("id"));
		assertThat(answers).allSatisfy(r -> assertThat(r.json().get("entries").asInt()).isEqualTo(301));
		Api.Response paid = api.get("/api/v1/invoices/" + invoice);
		assertThat(paid.get("status")).isEqualTo("PAID");
		assertThat(api.get("/api/v1/payments?limit=500").json().get("data").findValuesAsString("reference"))
			.filteredOn(ref -> ref.contains(reference))
			.hasSize(1);
	}

}
