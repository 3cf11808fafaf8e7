package io.encaisse.invoicing;

import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The pages of drafts and runs: a draft says what it lacks and offers Issue and Delete;
 * ticked drafts are issued from the list with a progress page; the customer page switches
 * the invoice mails off and on.
 */
@EncaisseTest
@AutoConfigureMockMvc
class InvoicePagesTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	InvoiceMail mail;

	@Test
	@WithMockUser(username = "clara", roles = "BILLING")
	void aDraftSaysWhatItLacksAndTheListIssuesTickedDraftsWithProgress() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String incomplete = api
			.post("/api/v1/customers",
					map("name", Fixtures.unique("Sans adresse"), "legalId", "732829320", "billingAddress",
							map("city", "Lyon", "country", "FR")))
			.get("id");
		String sku = fixtures.product("40.00", "20");
		String blocked = api
			.post("/api/v1/invoices", map("customerId", incomplete, "lines", List.of(map("sku", sku, "quantity", "1"))))
			.get("id");
		String page = this.mvc.perform(get("/invoices/" + blocked)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"missing\"").contains("street address").contains("id=\"issue\"");
		assertThat(page).doesNotContain("id=\"download-pdf\"");

		String ready = api
			.post("/api/v1/invoices",
					map("customerId", fixtures.customer(), "allowances",
							List.of(map("reason", "Geste", "amount", "5.00")), "lines",
							List.of(map("sku", sku, "quantity", "2"))))
			.get("id");
		assertThat(this.mvc.perform(get("/invoices/" + ready)).andReturn().getResponse().getContentAsString())
			.contains("id=\"adjustments\"")
			.contains("Geste");
		String location = this.mvc
			.perform(post("/invoices/runs").with(csrf()).param("kind", "ISSUE").param("ids", ready, blocked))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/invoices/runs/");
		String run = location.substring(location.lastIndexOf('/') + 1);
		org.awaitility.Awaitility.await("the run to finish")
			.atMost(java.time.Duration.ofSeconds(30))
			.pollInterval(java.time.Duration.ofMillis(100))
			.until(() -> "DONE".equals(api.get("/api/v1/invoice-runs/" + run).get("status")));
		String progress = this.mvc.perform(get(location)).andReturn().getResponse().getContentAsString();
		assertThat(progress).contains("<progress").contains("id=\"failures\"").contains("street address");
		assertThat(api.get("/api/v1/invoices/" + ready).get("status")).isEqualTo("ISSUED");
		assertThat(api.get("/api/v1/invoices/" + blocked).get("status")).isEqualTo("DRAFT");

		// the draft is deleted from its page
		this.mvc.perform(post("/invoices/" + blocked + "/delete").with(csrf()));
		assertThat(api.get("/api/v1/invoices/" + blocked).status()).isEqualTo(404);
	}

	@Test
	@WithMockUser(username = "clara", roles = "BILLING")
	void theCustomerPageSwitchesInvoiceMailsOffAndOn() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		String customer = new Fixtures(api).customer();
		assertThat(this.mvc.perform(get("/customers/" + customer)).andReturn().getResponse().getContentAsString())
			.contains("toggle-invoices.byEmail");
		assertThat(this.mail.byEmail(customer)).isTrue();
		this.mvc.perform(post("/invoices/delivery/" + customer).with(csrf()).param("on", "false"));
		assertThat(this.mail.byEmail(customer)).isFalse();
		this.mvc.perform(post("/invoices/delivery/" + customer).with(csrf()).param("on", "true"));
		assertThat(this.mail.byEmail(customer)).isTrue();
	}

	@Test
	@WithMockUser(username = "clara", roles = "BILLING")
	void theListFiltersByCustomer() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("12.00", "20");
		String mine = fixtures.customer();
		String other = fixtures.customer();
		String minesInvoice = fixtures.deliver(fixtures.acceptedOrder(mine, sku, "1"), sku, "1");
		String othersInvoice = fixtures.deliver(fixtures.acceptedOrder(other, sku, "1"), sku, "1");
		String page = this.mvc.perform(get("/invoices").param("customerId", mine))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"customer-filter\"")
			.contains(api.get("/api/v1/invoices/" + minesInvoice).get("number"))
			.doesNotContain(api.get("/api/v1/invoices/" + othersInvoice).get("number"));
	}

	@Test
	@WithMockUser(username = "clara", roles = "BILLING")
	void aManualInvoiceIsWrittenFromTheFormWithADecimalComma() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("90.00", "20");
		assertThat(this.mvc.perform(get("/invoices/new")).andReturn().getResponse().getContentAsString())
			.contains("id=\"customerId\"")
			.contains(sku);
		String location = this.mvc
			.perform(post("/invoices").with(csrf())
				.param("customerId", customer)
				.param("lines[0].sku", sku)
				.param("lines[0].quantity", "2")
				.param("lines[1].description", "Frais de mise en service")
				.param("lines[1].quantity", "1")
				.param("lines[1].unitPrice", "49,50")
				.param("lines[1].taxRate", "20.00")
				.param("allowanceReason", "Geste commercial")
				.param("allowanceAmount", "10"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/invoices/inv");
		String id = location.substring("/invoices/".length());
		// (180 + 49.50 - 10) x 1.2
		assertThat(api.get("/api/v1/invoices/" + id).get("total")).isEqualTo("263.40");
		assertThat(api.get("/api/v1/invoices/" + id).get("status")).isEqualTo("DRAFT");
		// a form without lines comes back with the reason, not an error page
		var refused = this.mvc.perform(post("/invoices").with(csrf()).param("customerId", customer)).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(200);
		assertThat(refused.getResponse().getContentAsString()).contains("at least one line");
	}

}
