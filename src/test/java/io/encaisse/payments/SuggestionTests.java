package io.encaisse.payments;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payment without a usable reference is never applied by its amount alone: the
 * candidates are suggested, with a confidence and a reason, and a person confirms; the
 * payer's account is then remembered.
 */
@EncaisseTest
class SuggestionTests {

	@LocalServerPort
	int port;

	Api api;

	Fixtures fixtures;

	String customer;

	String iban;

	String small;

	String large;

	@BeforeEach
	void aCustomerWithTwoOpenInvoices() {
		this.api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		this.fixtures = new Fixtures(this.api);
		this.iban = Fixtures.iban();
		this.customer = this.api
			.post("/api/v1/customers", map("name", Fixtures.unique("Payer"), "currency", "EUR", "iban", this.iban))
			.get("id");
		String sku = this.fixtures.product("51.37", "20");
		String order = this.fixtures.acceptedOrder(this.customer, sku, "3");
		this.small = this.fixtures.deliver(order, sku, "1");
		this.large = this.fixtures.deliver(order, sku, "2");
	}

	private Api.Response pay(String amount, String payerIban, String customerId) {
		return this.api.post("/api/v1/payments", map("amount", amount, "currency", "EUR", "reference", "VIREMENT",
				"payerIban", payerIban, "customerId", customerId));
	}

	private String due(String invoice) {
		return this.api.get("/api/v1/invoices/" + invoice).get("amountDue");
	}

	@Test
	void theExactAmountOfAKnownPayersInvoiceIsSuggestedNotApplied() {
		Api.Response payment = pay(due(this.large), null, this.customer);
		assertThat(payment.get("status")).isEqualTo("SUGGESTED");
		assertThat(payment.get("unallocatedAmount")).isEqualTo(due(this.large));
		var suggestion = payment.json().get("suggestions").get(0);
		assertThat(suggestion.get("invoiceId").asString()).isEqualTo(this.large);
		assertThat(suggestion.get("confidence").asString()).isEqualTo("0.90");
		assertThat(this.api.get("/api/v1/invoices/" + this.large).get("status")).as("nothing applied")
			.isEqualTo("ISSUED");

		Api.Response confirmed = this.api.post("/api/v1/payments/" + payment.get("id") + "/allocations",
				map("invoiceId", this.large));
		assertThat(confirmed.get("status")).isEqualTo("MATCHED");
		assertThat(this.api.get("/api/v1/invoices/" + this.large).get("status")).isEqualTo("PAID");
	}

	@Test
	void aWrongAllocationIsUndoneAndTheInvoiceIsDueAgain() {
		String reference = this.api.get("/api/v1/invoices/" + this.small).get("paymentReference");
		Api.Response payment = this.api.post("/api/v1/payments",
				map("amount", due(this.small), "currency", "EUR", "reference", reference));
		assertThat(this.api.get("/api/v1/invoices/" + this.small).get("status")).isEqualTo("PAID");
		Api.Response undone = this.api.delete("/api/v1/payments/" + payment.get("id") + "/allocations/" + this.small);
		assertThat(undone.status()).as(undone.toString()).isEqualTo(200);
		assertThat(undone.get("status")).isEqualTo("UNMATCHED");
		assertThat(undone.get("unallocatedAmount")).isEqualTo(payment.get("amount"));
		Api.Response invoice = this.api.get("/api/v1/invoices/" + this.small);
		assertThat(invoice.get("status")).isEqualTo("ISSUED");
		assertThat(invoice.get("amountDue")).isEqualTo(payment.get("amount"));
		assertThat(this.api.delete("/api/v1/payments/" + payment.get("id") + "/allocations/" + this.small).status())
			.isEqualTo(409);
		assertThat(this.api.post("/api/v1/payments/" + payment.get("id") + "/allocations", map("invoiceId", this.small))
			.get("status")).isEqualTo("MATCHED");
	}

	@Test
	void aSumOfTheCustomersOpenInvoicesIsSuggestedAsAWhole() {
		String total = new java.math.BigDecimal(due(this.small)).add(new java.math.BigDecimal(due(this.large)))
			.toPlainString();
		Api.Response payment = pay(total, this.iban, null);
		assertThat(payment.get("status")).isEqualTo("SUGGESTED");
		assertThat(payment.json().get("suggestions").findValuesAsString("invoiceId"))
			.containsExactlyInAnyOrder(this.small, this.large);
	}

	@Test
	void aConfirmedMatchTeachesThePayersAccount() {
		String unknownIban = Fixtures.iban();
		Api.Response first = pay("1.00", unknownIban, null);
		assertThat(first.get("status")).isEqualTo("UNMATCHED");
		this.api.post("/api/v1/payments/" + first.get("id") + "/allocations", map("invoiceId", this.small));
		Api.Response next = pay(due(this.large), unknownIban, null);
		assertThat(next.get("status")).isEqualTo("SUGGESTED");
		assertThat(next.json().get("suggestions").get(0).get("reason").asString()).contains("the only invoice");
		assertThat(this.api.post("/api/v1/payments/" + next.get("id") + "/allocations", map("invoiceId", this.large))
			.get("status")).isEqualTo("MATCHED");
		assertThat(this.api.post("/api/v1/payments/" + next.get("id") + "/allocations", map("invoiceId", this.small))
			.status()).isEqualTo(409);
	}

}
