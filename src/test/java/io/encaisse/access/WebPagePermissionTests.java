package io.encaisse.access;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.shared.Role;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The pages that change things open only to the roles whose job it is; everyone reads.
 */
@EncaisseTest
@AutoConfigureMockMvc
class WebPagePermissionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Customers customers;

	static final Map<String, Set<Role>> PAGES = new TreeMap<>();

	static {
		PAGES.put("GET /products/new", Set.of(Role.ADMIN, Role.SALES_MANAGER, Role.FINANCE));
		PAGES.put("GET /customers/X/edit",
				Set.of(Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.SALES_ADMIN, Role.BILLING, Role.FINANCE));
		PAGES.put("GET /customers/new",
				Set.of(Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.SALES_ADMIN, Role.BILLING, Role.FINANCE));
		PAGES.put("GET /quotes/new", Set.of(Role.ADMIN, Role.SALES, Role.SALES_MANAGER));
		PAGES.put("GET /payments/new", Set.of(Role.ADMIN, Role.BILLING, Role.FINANCE));
		PAGES.put("GET /admin/api-keys", Set.of(Role.ADMIN));
		PAGES.put("GET /admin/users", Set.of(Role.ADMIN));
		PAGES.put("GET /account/password", Set.of(Role.values()));
		PAGES.put("GET /payments/queue", Set.of(Role.values()));
		PAGES.put("GET /collections",
				Set.of(Role.ADMIN, Role.BILLING, Role.COLLECTOR, Role.FINANCE, Role.SALES_MANAGER, Role.READ_ONLY));
		PAGES.put("POST /collections/run", Set.of(Role.ADMIN, Role.COLLECTOR, Role.BILLING, Role.FINANCE));
		PAGES.put("POST /collections/customers/X/notes",
				Set.of(Role.ADMIN, Role.COLLECTOR, Role.BILLING, Role.FINANCE));
		PAGES.put("POST /collections/customers/X/invoices/Y/waiver", Set.of(Role.ADMIN, Role.FINANCE));
		PAGES.put("POST /collections/customers/X/release", Set.of(Role.ADMIN, Role.FINANCE));
		PAGES.put("GET /collections/settings",
				Set.of(Role.ADMIN, Role.BILLING, Role.COLLECTOR, Role.FINANCE, Role.SALES_MANAGER, Role.READ_ONLY));
		PAGES.put("POST /collections/settings/rates", Set.of(Role.ADMIN, Role.FINANCE));
		PAGES.put("POST /collections/settings/policies/dpo_default/levels/1/fr", Set.of(Role.ADMIN, Role.FINANCE));
		PAGES.put("GET /reports/leakage",
				Set.of(Role.ADMIN, Role.BILLING, Role.COLLECTOR, Role.FINANCE, Role.SALES_MANAGER, Role.READ_ONLY));
		PAGES.put("POST /payments/X/confirm", Set.of(Role.ADMIN, Role.BILLING, Role.FINANCE));
		PAGES.put("POST /payments/X/split", Set.of(Role.ADMIN, Role.BILLING, Role.FINANCE));
		PAGES.put("GET /reports/aging",
				Set.of(Role.ADMIN, Role.BILLING, Role.COLLECTOR, Role.FINANCE, Role.SALES_MANAGER, Role.READ_ONLY));
		PAGES.put("POST /settings/discount-policy", Set.of(Role.ADMIN, Role.FINANCE));
		PAGES.put("POST /price-lists/assign", Set.of(Role.ADMIN, Role.SALES_MANAGER, Role.FINANCE));
		PAGES.put("POST /products/X/prices", Set.of(Role.ADMIN, Role.SALES_MANAGER, Role.FINANCE));
		PAGES.put("POST /quotes/X/approve", Set.of(Role.ADMIN, Role.SALES_MANAGER, Role.FINANCE));
		PAGES.put("POST /quotes/X/revisions", Set.of(Role.ADMIN, Role.SALES, Role.SALES_MANAGER));
		PAGES.put("POST /quotes/X/mail", Set.of(Role.ADMIN, Role.SALES, Role.SALES_MANAGER));
		PAGES.put("POST /quotes/X/comments", Set.of(Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.SALES_ADMIN));
		PAGES.put("POST /invoices/X/credit-notes", Set.of(Role.ADMIN, Role.BILLING, Role.FINANCE));
		PAGES.put("POST /invoices/X/issue", Set.of(Role.ADMIN, Role.BILLING, Role.FINANCE));
		PAGES.put("POST /invoices/X/delete", Set.of(Role.ADMIN, Role.BILLING, Role.FINANCE));
		PAGES.put("POST /invoices/runs", Set.of(Role.ADMIN, Role.BILLING, Role.FINANCE));
		PAGES.put("GET /invoices/new", Set.of(Role.ADMIN, Role.BILLING, Role.FINANCE));
		PAGES.put("POST /invoices", Set.of(Role.ADMIN, Role.BILLING, Role.FINANCE));
		PAGES.put("POST /invoices/layout", Set.of(Role.ADMIN, Role.FINANCE));
		PAGES.put("GET /invoices/layout", Set.of(Role.values()));
		PAGES.put("POST /invoices/delivery/X", Set.of(Role.ADMIN, Role.BILLING, Role.FINANCE));
		PAGES.put("POST /orders/X/deliveries", Set.of(Role.ADMIN, Role.SALES_ADMIN, Role.PROJECT_MANAGER));
		PAGES.put("POST /orders/X/milestones", Set.of(Role.ADMIN, Role.SALES_ADMIN, Role.PROJECT_MANAGER));
		PAGES.put("GET /orders/exceptions", Set.of(Role.values()));
		PAGES.put("POST /orders/X/start", Set.of(Role.ADMIN, Role.SALES_ADMIN, Role.PROJECT_MANAGER));
		PAGES.put("POST /orders/X/close", Set.of(Role.ADMIN, Role.SALES_ADMIN, Role.PROJECT_MANAGER));
		PAGES.put("POST /orders/X/estimate", Set.of(Role.ADMIN, Role.SALES_ADMIN, Role.PROJECT_MANAGER));
		PAGES.put("POST /orders/X/release", Set.of(Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.SALES_ADMIN));
		PAGES.put("POST /orders/X/cancel", Set.of(Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.SALES_ADMIN));
		PAGES.put("POST /orders/X/milestones/1/ready", Set.of(Role.ADMIN, Role.SALES_ADMIN, Role.PROJECT_MANAGER));
		PAGES.put("GET /products", Set.of(Role.values()));
		PAGES.put("GET /invoices", Set.of(Role.values()));
		PAGES.put("GET /price-lists", Set.of(Role.values()));
		PAGES.put("GET /settings/discount-policy", Set.of(Role.values()));
	}

	@Test
	void eachRoleOpensExactlyThePagesOfItsJob() throws Exception {
		Map<String, Integer> wrong = new TreeMap<>();
		for (var page : PAGES.entrySet()) {
			String method = page.getKey().substring(0, page.getKey().indexOf(' '));
			String path = page.getKey().substring(page.getKey().indexOf(' ') + 1);
			for (Role role : Role.values()) {
				MockHttpServletRequestBuilder request = "GET".equals(method) ? get(path)
						: post(path).with(csrf()).param("version", "0").param("sku", "X").param("quantity", "1");
				int status = this.mvc.perform(request.with(user("u").roles(role.name())))
					.andReturn()
					.getResponse()
					.getStatus();
				if ((status != 403) != page.getValue().contains(role)) {
					wrong.put(page.getKey() + " as " + role, status);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void theCustomerFormKeepsItsContacts() throws Exception {
		String name = Fixtures.unique("Form");
		this.mvc
			.perform(post("/customers").with(csrf())
				.with(user("u").roles("SALES"))
				.param("name", name)
				.param("currency", "EUR")
				.param("contacts[0].name", "Anne Compta")
				.param("contacts[0].email", "anne@example.fr")
				.param("contacts[0].role", "BILLING")
				.param("contacts[1].name", "")
				.param("contacts[1].role", "PURCHASING"))
			.andReturn();
		CustomerDetails created = this.customers.byName(name, null, 1).customers().get(0);
		assertThat(created.contacts()).singleElement()
			.satisfies(c -> assertThat(c.email()).isEqualTo("anne@example.fr"));
	}

}
