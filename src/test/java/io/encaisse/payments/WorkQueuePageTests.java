package io.encaisse.payments;

import java.math.BigDecimal;
import java.util.concurrent.ThreadLocalRandom;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The AR clerk's work queue: the waiting payments with their candidates, the proposal
 * confirmed in one action, a payment split across invoices, open invoices found by
 * number, customer or amount.
 */
@EncaisseTest
@AutoConfigureMockMvc
class WorkQueuePageTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Test
	void aClerkConfirmsSplitsAndSearches() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String price = BigDecimal.valueOf(ThreadLocalRandom.current().nextLong(10_000, 30_000), 2).toPlainString();
		String sku = fixtures.product(price, "20");
		String order = fixtures.acceptedOrder(customer, sku, "10");
		String first = fixtures.deliver(order, sku, "1");
		String second = fixtures.deliver(order, sku, "2");
		String third = fixtures.deliver(order, sku, "3");
		Api.Response one = api.get("/api/v1/invoices/" + first);
		Api.Response two = api.get("/api/v1/invoices/" + second);
		Api.Response three = api.get("/api/v1/invoices/" + third);

		// an unknown payer paying exactly the first invoice: suggested
		String suggestedRef = Fixtures.unique("VIR");
		Api.Response suggested = api.post("/api/v1/payments",
				map("amount", one.get("amountDue"), "currency", "EUR", "reference", suggestedRef));
		assertThat(suggested.get("status")).isEqualTo("SUGGESTED");
		// a payment with nothing to go on
		String loneRef = Fixtures.unique("VIR");
		BigDecimal lone = new BigDecimal(two.get("amountDue")).add(new BigDecimal("10.00"));
		Api.Response unmatched = api.post("/api/v1/payments",
				map("amount", lone.toPlainString(), "currency", "EUR", "reference", loneRef));
		assertThat(unmatched.get("status")).isEqualTo("UNMATCHED");

		String page = this.mvc
			.perform(get("/payments/queue").param("q", three.get("number")).with(user("c").roles("BILLING")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(suggestedRef).contains(loneRef).contains(one.get("number"));
		assertThat(page).as("the search finds the third invoice")
			.contains("id=\"found\"")
			.contains(three.get("number"));

		this.mvc.perform(post("/payments/" + suggested.get("id") + "/confirm").param("invoiceId", first)
			.with(csrf())
			.with(user("c").roles("BILLING")));
		assertThat(api.get("/api/v1/invoices/" + first).get("status")).isEqualTo("PAID");

		// the lone payment: the second invoice in full, 10.00 on the third
		this.mvc.perform(post("/payments/" + unmatched.get("id") + "/split")
			.param("invoiceNumber", two.get("number"), three.get("number"), "")
			.param("amount", "", "10,00", "")
			.with(csrf())
			.with(user("c").roles("BILLING")));
		assertThat(api.get("/api/v1/invoices/" + second).get("status")).isEqualTo("PAID");
		Api.Response thirdAfter = api.get("/api/v1/invoices/" + third);
		assertThat(thirdAfter.get("status")).isEqualTo("PARTIALLY_PAID");
		assertThat(new BigDecimal(three.get("amountDue")).subtract(new BigDecimal(thirdAfter.get("amountDue"))))
			.isEqualByComparingTo("10.00");
		assertThat(api.get("/api/v1/payments/" + unmatched.get("id")).get("status")).isEqualTo("MATCHED");

		String after = this.mvc.perform(get("/payments/queue").with(user("c").roles("READ_ONLY")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(after).doesNotContain(suggestedRef).doesNotContain(loneRef);
	}

}
