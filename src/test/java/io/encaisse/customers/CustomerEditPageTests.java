package io.encaisse.customers;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A customer edited in the UI: the form comes filled in, a change is saved and audited,
 * the contacts are kept, a stale form is refused, and the credit limit and risk class are
 * finance's to change.
 */
@EncaisseTest
@AutoConfigureMockMvc
class CustomerEditPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Customers customers;

	@LocalServerPort
	int port;

	private MockHttpServletRequestBuilder form(String id, long version, String name, String creditLimit, String risk,
			String segment) {
		CustomerDetails c = this.customers.get(id);
		MockHttpServletRequestBuilder post = post("/customers/" + id).with(csrf())
			.param("version", String.valueOf(version))
			.param("name", name)
			.param("legalId", c.legalId())
			.param("vatNumber", c.vatNumber())
			.param("email", c.email())
			.param("billingAddress.line1", c.billingAddress().line1())
			.param("billingAddress.postalCode", c.billingAddress().postalCode())
			.param("billingAddress.city", c.billingAddress().city())
			.param("billingAddress.country", c.billingAddress().country())
			// the browser posts every field of the form, the empty ones too
			.param("deliveryAddress.line1", "")
			.param("deliveryAddress.postalCode", "")
			.param("deliveryAddress.city", "")
			.param("deliveryAddress.country", "")
			.param("paymentTermsDays", String.valueOf(c.paymentTermsDays()))
			.param("paymentTermsEndOfMonth", "false")
			.param("creditLimit", creditLimit)
			.param("currency", c.currency())
			.param("language", c.language())
			.param("paymentMethod", c.paymentMethod())
			.param("riskClass", risk)
			.param("operationCategory", c.operationCategory())
			.param("segment", segment);
		for (int i = 0; i < c.contacts().size(); i++) {
			post.param("contacts[" + i + "].name", c.contacts().get(i).name())
				.param("contacts[" + i + "].email", c.contacts().get(i).email())
				.param("contacts[" + i + "].role", c.contacts().get(i).role());
		}
		return post;
	}

	@Test
	void salesEditsACustomerAndFinanceItsCredit() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		String id = new Fixtures(api).customer();
		CustomerDetails before = this.customers.get(id);
		this.customers.update(id, before.version(), new CustomerInput(before.name(), before.legalId(),
				before.vatNumber(), before.email(),
				new CustomerInput.AddressInput(before.billingAddress().line1(), before.billingAddress().postalCode(),
						before.billingAddress().city(), before.billingAddress().country()),
				before.paymentTermsDays(), before.creditLimit().toPlainString(), before.currency(), before.language(),
				null, null, false, "TRANSFER", null, before.riskClass(), null, null, null, "MIXED",
				java.util.List.of(new CustomerInput.ContactInput("Anne", "anne@client.example", null, "BILLING"),
						new CustomerInput.ContactInput("Bruno", "bruno@client.example", null, "PURCHASING"),
						new CustomerInput.ContactInput("Chloé", "chloe@client.example", null, "OTHER"))));
		long version = this.customers.get(id).version();

		String page = this.mvc.perform(get("/customers/" + id + "/edit").with(user("s").roles("SALES")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("value=\"" + before.name() + "\"").contains("Chloé").contains("Edit the customer");

		this.mvc
			.perform(form(id, version, "Renamed SAS", "50000", "LOW", "Key accounts").with(user("s").roles("SALES")))
			.andReturn();
		CustomerDetails renamed = this.customers.get(id);
		assertThat(renamed.name()).isEqualTo("Renamed SAS");
		assertThat(renamed.segment()).isEqualTo("Key accounts");
		assertThat(renamed.contacts()).hasSize(3);

		String stale = this.mvc.perform(form(id, version, "Again", "50000", "LOW", "").with(user("s").roles("SALES")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(stale).contains("alert bad");
		assertThat(stale).contains("Someone saved this customer after you opened the form");
		assertThat(this.customers.get(id).name()).isEqualTo("Renamed SAS");

		long now = this.customers.get(id).version();
		String refused = this.mvc
			.perform(form(id, now, "Renamed SAS", "900000", "HIGH", "Key accounts").with(user("s").roles("SALES")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("only finance changes");
		assertThat(this.customers.get(id).creditLimit()).isEqualByComparingTo("50000");

		this.mvc
			.perform(form(id, now, "Renamed SAS", "900000", "HIGH", "Key accounts").with(user("f").roles("FINANCE")))
			.andReturn();
		assertThat(this.customers.get(id).creditLimit()).isEqualByComparingTo("900000");
		assertThat(this.customers.get(id).riskClass()).isEqualTo("HIGH");
	}

}
