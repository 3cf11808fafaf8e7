package io.encaisse.access;

import io.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The web UI: a form login with hashed passwords, CSRF on every form, and pages only for
 * the roles that need them.
 */
@EncaisseTest
@AutoConfigureMockMvc
class WebSecurityTests {

	@Autowired
	MockMvc mvc;

	@Test
	void pagesNeedALogin() throws Exception {
		this.mvc.perform(get("/invoices")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theAdminLogsInWithThePasswordOfTheEnvironment() throws Exception {
		this.mvc.perform(formLogin("/login").user("admin").password(EncaisseTest.ADMIN_PASSWORD))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(formLogin("/login").user("admin").password("wrong-password"))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/customers").param("name", "No token")).andExpect(status().isForbidden());
		this.mvc.perform(post("/customers").with(csrf()).param("name", "With token").param("currency", "EUR"))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	@WithMockUser(roles = "READ_ONLY")
	void aReaderSeesListsButNotTheFormsThatChangeThings() throws Exception {
		this.mvc.perform(get("/invoices")).andExpect(status().isOk());
		this.mvc.perform(get("/customers/new")).andExpect(status().isForbidden());
		this.mvc.perform(get("/payments/new")).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/api-keys")).andExpect(status().isForbidden());
	}

	@Autowired
	io.encaisse.payments.Payments payments;

	@Test
	@WithMockUser(roles = "BILLING")
	void aClerkAppliesAnUnmatchedPaymentByTypingTheInvoiceNumber() throws Exception {
		var payment = this.payments
			.record(new io.encaisse.payments.PaymentInput(null, "1.00", "EUR", null, "VIR ANONYME"));
		this.mvc
			.perform(post("/payments/" + payment.id() + "/allocations").with(csrf())
				.param("invoiceNumber", "FA-1999-000001"))
			.andExpect(status().is3xxRedirection());
		org.assertj.core.api.Assertions.assertThat(this.payments.get(payment.id()).status().name())
			.isEqualTo("UNMATCHED");
	}

	@Test
	@WithMockUser(roles = "COLLECTOR")
	void aCollectorCannotIssueCreditNotes() throws Exception {
		this.mvc.perform(post("/invoices/inv_x/credit-notes").with(csrf())).andExpect(status().isForbidden());
		this.mvc.perform(get("/reports/aging")).andExpect(status().isOk());
	}

}
