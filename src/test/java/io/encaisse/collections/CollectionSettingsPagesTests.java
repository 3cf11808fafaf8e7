package io.encaisse.collections;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Finance edits a level's wording in the UI (starting from the built-in one), is told
 * what is wrong next to the field, previews it for a customer, and enters the ECB rate of
 * a half-year.
 */
@EncaisseTest
@AutoConfigureMockMvc
class CollectionSettingsPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void financeEditsAWordingPreviewsItAndEntersARate() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		Api.Response policy = api.post("/api/v1/dunning-policies", Api.map("name", Fixtures.unique("Wording"), "levels",
				java.util.List.of(Api.map("daysAfterDue", 7, "channel", "EMAIL"))));
		String id = policy.get("id");
		String page = "/collections/settings/policies/" + id + "/levels/1/en";
		String builtIn = this.mvc.perform(get(page).with(user("f").roles("FINANCE")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(builtIn).contains("{{invoices}}").contains("{{link}}").contains("built-in wording");

		MvcResult refused = this.mvc
			.perform(post(page).with(csrf())
				.with(user("f").roles("FINANCE"))
				.param("subject", "Overdue: {{total}}")
				.param("body", "Dear {{customer}}, please pay {{amount}}."))
			.andReturn();
		assertThat(refused.getFlashMap().get("errors").toString()).contains("body")
			.contains("{{invoices}}")
			.contains("amount");
		this.mvc
			.perform(post(page).with(csrf())
				.with(user("f").roles("FINANCE"))
				.param("subject", "Overdue: {{total}}")
				.param("body", "Dear {{customer}},\n{{invoices}}\nPay {{total}} to {{iban}}. {{link}}"))
			.andReturn();

		String customer = fixtures.customer();
		this.jdbc.sql("update customer set language = 'en' where id = :id").param("id", customer).update();
		api.put("/api/v1/customers/" + customer + "/collection-settings", Api.map("policyId", id), null);
		String sku = fixtures.product("100.00", "20");
		String invoice = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		this.jdbc.sql("update invoice set due_date = due_date - 60 where id = :i").param("i", invoice).update();
		String preview = this.mvc.perform(get(page).param("previewFor", customer).with(user("c").roles("COLLECTOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(preview).contains("Your own wording").contains("Overdue: €120.00").contains("/portal/account/");

		MvcResult badRate = this.mvc
			.perform(post("/collections/settings/rates").with(csrf())
				.with(user("f").roles("FINANCE"))
				.param("validFrom", "2027-03-01")
				.param("ecbRate", "two"))
			.andReturn();
		assertThat(badRate.getFlashMap().get("errors").toString()).contains("validFrom").contains("ecbRate");
		this.mvc
			.perform(post("/collections/settings/rates").with(csrf())
				.with(user("f").roles("FINANCE"))
				.param("validFrom", Fixtures.today().withDayOfYear(1).toString())
				.param("ecbRate", "2,15"))
			.andReturn();
		assertThat(api.get("/api/v1/late-payment-rates").body())
			.contains("\"validFrom\":\"" + Fixtures.today().withDayOfYear(1) + "\"");
		assertThat(this.jdbc.sql("select count(*) from audit_event where document_type = 'late-payment-rate'")
			.query(Integer.class)
			.single()).isPositive();
	}

}
