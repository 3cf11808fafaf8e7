package io.encaisse.payments;

import java.math.BigDecimal;
import java.util.concurrent.ThreadLocalRandom;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where money goes: applied only on unambiguous evidence (the invoices it names, or the
 * exact amount from an account known as the customer's), written off within the
 * tolerance, kept as credit when it is too much; suggested with reasons otherwise, and a
 * person's confirmation teaches the payer's account.
 */
@EncaisseTest
class MatchingTests {

	@LocalServerPort
	int port;

	Api api;

	Fixtures fixtures;

	String customer;

	String name;

	String iban;

	String sku;

	String order;

	String small;

	String large;

	@BeforeEach
	void aCustomerWithTwoOpenInvoices() {
		this.api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		this.fixtures = new Fixtures(this.api);
		this.iban = Fixtures.iban();
		this.name = Fixtures.unique("Quincaillerie Marchand");
		this.customer = this.api
			.post("/api/v1/customers",
					Fixtures.invoiceable("name", this.name + " SARL", "currency", "EUR", "iban", this.iban))
			.get("id");
		// a price of its own, so no other test's invoice has the same amount
		String price = BigDecimal.valueOf(ThreadLocalRandom.current().nextLong(40_000, 90_000), 2).toPlainString();
		this.sku = this.fixtures.product(price, "20");
		this.order = this.fixtures.acceptedOrder(this.customer, this.sku, "20");
		this.small = this.fixtures.deliver(this.order, this.sku, "1");
		this.large = this.fixtures.deliver(this.order, this.sku, "2");
	}

	private Api.Response pay(String amount, String reference, String payerIban, String payerName) {
		return this.api.post("/api/v1/payments", map("amount", amount, "currency", "EUR", "reference", reference,
				"payerIban", payerIban, "payerName", payerName));
	}

	private BigDecimal due(String invoice) {
		return new BigDecimal(this.api.get("/api/v1/invoices/" + invoice).get("amountDue"));
	}

	private String number(String invoice) {
		return this.api.get("/api/v1/invoices/" + invoice).get("number");
	}

	private String status(String invoice) {
		return this.api.get("/api/v1/invoices/" + invoice).get("status");
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient settlements;

	@Test
	void theExactAmountFromTheCustomersOwnAccountIsAppliedWithItsReason() {
		Api.Response payment = pay(due(this.large).toPlainString(), "VIREMENT", this.iban, null);
		assertThat(payment.get("status")).isEqualTo("MATCHED");
		assertThat(payment.get("matchReason")).contains("known as").contains("only invoice");
		assertThat(status(this.large)).isEqualTo("PAID");
		assertThat(status(this.small)).isEqualTo("ISSUED");
	}

	@Test
	void theSameAmountFromAnUnknownAccountIsOnlySuggested() {
		Api.Response payment = pay(due(this.large).toPlainString(), "VIREMENT", Fixtures.iban(), null);
		assertThat(payment.get("status")).isEqualTo("SUGGESTED");
		var suggestion = payment.json().get("suggestions").get(0);
		assertThat(suggestion.get("invoiceId").asString()).isEqualTo(this.large);
		assertThat(suggestion.get("confidence").asString()).isEqualTo("0.40");
		assertThat(status(this.large)).as("nothing applied").isEqualTo("ISSUED");
		Api.Response confirmed = this.api.post("/api/v1/payments/" + payment.get("id") + "/allocations",
				map("invoiceId", this.large));
		assertThat(confirmed.get("status")).isEqualTo("MATCHED");
		assertThat(status(this.large)).isEqualTo("PAID");
	}

	@Test
	void allTheOpenInvoicesTogetherAreApplied() {
		Api.Response payment = pay(due(this.small).add(due(this.large)).toPlainString(), null, this.iban, null);
		assertThat(payment.get("status")).isEqualTo("MATCHED");
		assertThat(payment.json().get("allocations").findValuesAsString("invoiceId"))
			.containsExactlyInAnyOrder(this.small, this.large);
	}

	@Test
	void aSumOfSomeOpenInvoicesIsSuggestedNotApplied() {
		String third = this.fixtures.deliver(this.order, this.sku, "4");
		Api.Response payment = pay(due(this.small).add(due(third)).toPlainString(), null, this.iban, null);
		assertThat(payment.get("status")).isEqualTo("SUGGESTED");
		assertThat(payment.json().get("suggestions").findValuesAsString("invoiceId"))
			.containsExactlyInAnyOrder(this.small, third);
		assertThat(payment.json().get("suggestions").get(0).get("confidence").asString()).isEqualTo("0.80");
	}

	@Test
	void aConfirmedMatchTeachesThePayersAccount() {
		String unknownIban = Fixtures.iban();
		Api.Response first = pay("1.00", "VIREMENT", unknownIban, null);
		assertThat(first.get("status")).isEqualTo("UNMATCHED");
		this.api.post("/api/v1/payments/" + first.get("id") + "/allocations", map("invoiceId", this.small));
		Api.Response next = pay(due(this.large).toPlainString(), "VIREMENT", unknownIban, null);
		assertThat(next.get("status")).as("the account is now known as the customer's").isEqualTo("MATCHED");
		assertThat(status(this.large)).isEqualTo("PAID");
	}

	@Test
	void oneTransferNamingTwoInvoicesPaysBoth() {
		String text = "Reglement factures " + number(this.small).replace("-", "") + " et "
				+ number(this.large).replace("-", " ");
		Api.Response payment = pay(due(this.small).add(due(this.large)).toPlainString(), text, Fixtures.iban(), null);
		assertThat(payment.get("status")).isEqualTo("MATCHED");
		assertThat(status(this.small)).isEqualTo("PAID");
		assertThat(status(this.large)).isEqualTo("PAID");
	}

	@Test
	void bankFeesWithinTheToleranceAreWrittenOffAndUndoneWithTheAllocation() {
		BigDecimal due = due(this.large);
		Api.Response payment = pay(due.subtract(new BigDecimal("3.50")).toPlainString(), number(this.large), null,
				null);
		assertThat(payment.get("status")).isEqualTo("MATCHED");
		assertThat(payment.get("matchReason")).contains("3.50 is written off");
		Api.Response invoice = this.api.get("/api/v1/invoices/" + this.large);
		assertThat(invoice.get("status")).isEqualTo("PAID");
		assertThat(invoice.json().get("payments").findValuesAsString("kind")).containsExactlyInAnyOrder("PAYMENT",
				"WRITE_OFF");
		// the reports' view tells the write-off from the payment
		assertThat(this.settlements.sql("select kind from invoicing_settlement where invoice_id = :i")
			.param("i", this.large)
			.query(String.class)
			.list()).containsExactlyInAnyOrder("PAYMENT", "WRITE_OFF");
		assertThat(this.api.delete("/api/v1/payments/" + payment.get("id") + "/allocations/" + this.large).status())
			.isEqualTo(200);
		assertThat(due(this.large)).as("the write-off is taken back with the allocation").isEqualByComparingTo(due);
	}

	@Test
	void aShortfallBeyondTheToleranceIsAPartialPaymentWhenThePayerIsTheCustomer() {
		BigDecimal due = due(this.large);
		String less = due.subtract(new BigDecimal("50.00")).toPlainString();
		Api.Response stranger = pay(less, number(this.large), Fixtures.iban(), "SOMEONE ELSE");
		assertThat(stranger.get("status")).as("nothing shows the payer is the customer").isEqualTo("SUGGESTED");
		assertThat(status(this.large)).isEqualTo("ISSUED");
		Api.Response payment = pay(less, number(this.large), null, this.name.toUpperCase());
		assertThat(payment.get("status")).as("the payer's name is the customer's").isEqualTo("MATCHED");
		assertThat(payment.get("matchReason")).contains("partial");
		assertThat(status(this.large)).isEqualTo("PARTIALLY_PAID");
		assertThat(due(this.large)).isEqualByComparingTo("50.00");
	}

	@Test
	void anOverpaymentIsKeptAsCreditAndPaysTheNextInvoice() {
		Api.Response payment = pay(due(this.small).add(new BigDecimal("25.00")).toPlainString(), number(this.small),
				this.iban, null);
		assertThat(payment.get("status")).isEqualTo("PARTIALLY_MATCHED");
		assertThat(payment.get("unallocatedAmount")).isEqualTo("25.00");
		assertThat(payment.get("matchReason")).contains("credit");
		String next = this.fixtures.deliver(this.order, this.sku, "1");
		Api.Response invoice = this.api.get("/api/v1/invoices/" + next);
		assertThat(invoice.get("status")).isEqualTo("PARTIALLY_PAID");
		assertThat(new BigDecimal(invoice.get("total")).subtract(new BigDecimal(invoice.get("amountDue"))))
			.isEqualByComparingTo("25.00");
		assertThat(this.api.get("/api/v1/payments/" + payment.get("id")).get("status")).isEqualTo("MATCHED");
	}

	@Test
	void aPayerNameLikeTheCustomersSuggestsButNeverApplies() {
		Api.Response payment = pay(due(this.large).toPlainString(), "VIREMENT", null,
				this.name.toUpperCase() + " S.A.R.L.");
		assertThat(payment.get("status")).isEqualTo("SUGGESTED");
		assertThat(payment.get("matchReason")).contains("resembles");
		assertThat(payment.json().get("suggestions").get(0).get("invoiceId").asString()).isEqualTo(this.large);
		assertThat(status(this.large)).isEqualTo("ISSUED");
	}

	@Test
	void aReferenceToAnotherCustomersInvoiceFromAKnownAccountIsOnlySuggested() {
		String otherIban = Fixtures.iban();
		this.api.post("/api/v1/customers",
				Fixtures.invoiceable("name", Fixtures.unique("Autre"), "currency", "EUR", "iban", otherIban));
		Api.Response payment = pay(due(this.large).toPlainString(), number(this.large), otherIban, null);
		assertThat(payment.get("status")).isEqualTo("SUGGESTED");
		assertThat(payment.get("matchReason")).contains("another customer than the account's owner");
		assertThat(status(this.large)).isEqualTo("ISSUED");
	}

	@Test
	void aWrongAllocationIsUndoneAndTheInvoiceIsDueAgain() {
		Api.Response payment = pay(due(this.small).toPlainString(), number(this.small), null, null);
		assertThat(status(this.small)).isEqualTo("PAID");
		Api.Response undone = this.api.delete("/api/v1/payments/" + payment.get("id") + "/allocations/" + this.small);
		assertThat(undone.status()).as(undone.toString()).isEqualTo(200);
		assertThat(undone.get("status")).isEqualTo("UNMATCHED");
		assertThat(undone.get("unallocatedAmount")).isEqualTo(payment.get("amount"));
		assertThat(status(this.small)).isEqualTo("ISSUED");
		assertThat(this.api.delete("/api/v1/payments/" + payment.get("id") + "/allocations/" + this.small).status())
			.isEqualTo(409);
	}

	@Test
	void anAccountSharedByTwoCustomersTellsNeitherAndAPersonsPartialAllocationIsNoCredit() {
		this.api.post("/api/v1/customers",
				Fixtures.invoiceable("name", Fixtures.unique("Filiale"), "currency", "EUR", "iban", this.iban));
		Api.Response shared = pay(due(this.large).toPlainString(), "VIREMENT", this.iban, null);
		assertThat(shared.get("status")).as("the account is two customers'").isNotEqualTo("MATCHED");
		assertThat(status(this.large)).isEqualTo("ISSUED");

		Api.Response placed = this.api.post("/api/v1/payments/" + shared.get("id") + "/allocations",
				map("invoiceId", this.small, "amount", "10.00"));
		assertThat(placed.get("status")).isEqualTo("PARTIALLY_MATCHED");
		String next = this.fixtures.deliver(this.order, this.sku, "1");
		assertThat(status(next)).as("the rest is for a person to place, not credit").isEqualTo("ISSUED");
	}

}
