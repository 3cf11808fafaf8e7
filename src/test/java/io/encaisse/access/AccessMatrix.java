package io.encaisse.access;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.encaisse.shared.Role;
import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.OpenApiOperations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static io.encaisse.shared.Role.ADMIN;
import static io.encaisse.shared.Role.BILLING;
import static io.encaisse.shared.Role.COLLECTOR;
import static io.encaisse.shared.Role.FINANCE;
import static io.encaisse.shared.Role.PROJECT_MANAGER;
import static io.encaisse.shared.Role.READ_ONLY;
import static io.encaisse.shared.Role.SALES;
import static io.encaisse.shared.Role.SALES_ADMIN;
import static io.encaisse.shared.Role.SALES_MANAGER;
import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access matrix (issue 21): every operation of the served OpenAPI document, called
 * with a key of every role, with no key and with a revoked key. A role gets through
 * exactly where its job needs it (this table is the specification; a new endpoint fails
 * the test until it is added here), every other role gets a 403, no key or a revoked key
 * a 401, and nothing answers a 5xx. Run on the build's database and on H2.
 */
abstract class AccessMatrix {

	static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

	static final Map<String, Set<Role>> PERMISSIONS = new TreeMap<>();

	static {
		PERMISSIONS.put("GET /api/v1/customers", EVERYONE);
		PERMISSIONS.put("GET /api/v1/customers/{id}", EVERYONE);
		PERMISSIONS.put("POST /api/v1/customers",
				EnumSet.of(ADMIN, SALES, SALES_MANAGER, SALES_ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("PUT /api/v1/customers/{id}",
				EnumSet.of(ADMIN, SALES, SALES_MANAGER, SALES_ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("GET /api/v1/products", EVERYONE);
		PERMISSIONS.put("GET /api/v1/products/{sku}", EVERYONE);
		PERMISSIONS.put("POST /api/v1/products", EnumSet.of(ADMIN, SALES_MANAGER, FINANCE));
		PERMISSIONS.put("GET /api/v1/products/{sku}/prices", EVERYONE);
		PERMISSIONS.put("POST /api/v1/products/{sku}/prices", EnumSet.of(ADMIN, SALES_MANAGER, FINANCE));
		PERMISSIONS.put("GET /api/v1/prices", EVERYONE);
		PERMISSIONS.put("GET /api/v1/customers/{id}/price-agreements", EVERYONE);
		PERMISSIONS.put("POST /api/v1/customers/{id}/price-agreements", EnumSet.of(ADMIN, SALES_MANAGER, FINANCE));
		PERMISSIONS.put("GET /api/v1/settings/discount-policy", EVERYONE);
		PERMISSIONS.put("PUT /api/v1/settings/discount-policy", EnumSet.of(ADMIN, FINANCE));
		PERMISSIONS.put("POST /api/v1/quotes/{id}/approve", EnumSet.of(ADMIN, SALES_MANAGER, FINANCE));
		PERMISSIONS.put("POST /api/v1/products/{sku}/retire", EnumSet.of(ADMIN, SALES_MANAGER, FINANCE));
		PERMISSIONS.put("POST /api/v1/products/import", EnumSet.of(ADMIN, SALES_MANAGER, FINANCE));
		PERMISSIONS.put("GET /api/v1/products/export", EVERYONE);
		PERMISSIONS.put("POST /api/v1/customers/import",
				EnumSet.of(ADMIN, SALES, SALES_MANAGER, SALES_ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("PUT /api/v1/customers/{id}/price-list", EnumSet.of(ADMIN, SALES_MANAGER, FINANCE));
		PERMISSIONS.put("GET /api/v1/price-lists", EVERYONE);
		PERMISSIONS.put("POST /api/v1/bank-accounts", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("GET /api/v1/bank-accounts", EVERYONE);
		// the gateway webhook is open to anyone: a signature, not a role, admits an event
		// (GatewayEventTests)
		PERMISSIONS.put("POST /api/v1/gateway/events", EnumSet.noneOf(Role.class));
		// collections (issue 23)
		Set<Role> readReceivables = EnumSet.of(ADMIN, BILLING, COLLECTOR, FINANCE, SALES_MANAGER, READ_ONLY);
		Set<Role> collect = EnumSet.of(ADMIN, COLLECTOR, BILLING, FINANCE);
		PERMISSIONS.put("GET /api/v1/dunning-policies", readReceivables);
		PERMISSIONS.put("GET /api/v1/dunning-policies/{id}", readReceivables);
		PERMISSIONS.put("POST /api/v1/dunning-policies", EnumSet.of(ADMIN, FINANCE));
		PERMISSIONS.put("POST /api/v1/dunning-runs", collect);
		PERMISSIONS.put("GET /api/v1/dunning-runs/{id}", readReceivables);
		PERMISSIONS.put("GET /api/v1/customers/{id}/reminders", readReceivables);
		PERMISSIONS.put("POST /api/v1/invoices/{id}/disputes", collect);
		PERMISSIONS.put("GET /api/v1/invoices/{id}/disputes", readReceivables);
		PERMISSIONS.put("GET /api/v1/disputes/{id}", readReceivables);
		PERMISSIONS.put("PATCH /api/v1/disputes/{id}", collect);
		PERMISSIONS.put("POST /api/v1/disputes/{id}/resolve", collect);
		PERMISSIONS.put("POST /api/v1/customers/{id}/promises", collect);
		PERMISSIONS.put("GET /api/v1/customers/{id}/promises", readReceivables);
		PERMISSIONS.put("GET /api/v1/promises/{id}", readReceivables);
		PERMISSIONS.put("GET /api/v1/invoices/{id}/late-charges", readReceivables);
		PERMISSIONS.put("GET /api/v1/late-payment-rates", readReceivables);
		PERMISSIONS.put("PUT /api/v1/late-payment-rates/{validFrom}", EnumSet.of(ADMIN, FINANCE));
		PERMISSIONS.put("GET /api/v1/customers/{id}/collection-settings", readReceivables);
		PERMISSIONS.put("PUT /api/v1/customers/{id}/collection-settings", EnumSet.of(ADMIN, FINANCE));
		PERMISSIONS.put("GET /api/v1/customers/{id}/hold", EVERYONE);
		PERMISSIONS.put("GET /api/v1/collections/worklist", readReceivables);
		PERMISSIONS.put("GET /api/v1/customers/{id}/notes", readReceivables);
		PERMISSIONS.put("GET /api/v1/users", EnumSet.of(ADMIN));
		PERMISSIONS.put("POST /api/v1/users", EnumSet.of(ADMIN));
		PERMISSIONS.put("GET /api/v1/users/{id}", EnumSet.of(ADMIN));
		PERMISSIONS.put("PATCH /api/v1/users/{id}", EnumSet.of(ADMIN));
		PERMISSIONS.put("POST /api/v1/users/{id}/disable", EnumSet.of(ADMIN));
		PERMISSIONS.put("POST /api/v1/users/{id}/enable", EnumSet.of(ADMIN));
		PERMISSIONS.put("POST /api/v1/users/{id}/password-link", EnumSet.of(ADMIN));
		PERMISSIONS.put("GET /api/v1/disputes/{id}/comments", readReceivables);
		PERMISSIONS.put("POST /api/v1/disputes/{id}/comments", collect);
		PERMISSIONS.put("POST /api/v1/customers/{id}/statement/mail", collect);
		PERMISSIONS.put("POST /api/v1/invoices/{id}/penalty-note", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("GET /api/v1/penalty-notes/{id}", readReceivables);
		PERMISSIONS.put("GET /api/v1/penalty-notes/{id}/pdf", readReceivables);
		PERMISSIONS.put("GET /api/v1/customers/{id}/penalty-notes", readReceivables);
		PERMISSIONS.put("POST /api/v1/penalty-notes/{id}/paid", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("POST /api/v1/penalty-notes/{id}/cancel", EnumSet.of(ADMIN, FINANCE));
		PERMISSIONS.put("POST /api/v1/invoices/{id}/short-payment-dispute", collect);
		PERMISSIONS.put("GET /api/v1/dunning-messages/{id}/letter", readReceivables);
		PERMISSIONS.put("GET /api/v1/dunning-runs/{id}/letters", readReceivables);
		PERMISSIONS.put("GET /api/v1/collections/agency-export", collect);
		PERMISSIONS.put("GET /api/v1/customers/{id}/paying-habits", readReceivables);
		PERMISSIONS.put("GET /api/v1/disputes/{id}/attachments", readReceivables);
		PERMISSIONS.put("POST /api/v1/disputes/{id}/attachments", collect);
		PERMISSIONS.put("GET /api/v1/disputes/{id}/attachments/{attachmentId}", readReceivables);
		PERMISSIONS.put("POST /api/v1/customers/{id}/account-link", collect);
		PERMISSIONS.put("POST /api/v1/customers/{id}/notes", collect);
		PERMISSIONS.put("GET /api/v1/customers/{id}/tasks", readReceivables);
		PERMISSIONS.put("POST /api/v1/customers/{id}/tasks", collect);
		PERMISSIONS.put("GET /api/v1/tasks", readReceivables);
		PERMISSIONS.put("GET /api/v1/tasks/{taskId}", readReceivables);
		PERMISSIONS.put("POST /api/v1/tasks/{taskId}/done", collect);
		PERMISSIONS.put("POST /api/v1/invoices/{id}/late-charges/waiver", EnumSet.of(ADMIN, FINANCE));
		PERMISSIONS.put("GET /api/v1/reports/collections", readReceivables);
		PERMISSIONS.put("GET /api/v1/dunning-policies/{id}/templates", readReceivables);
		PERMISSIONS.put("PUT /api/v1/dunning-policies/{id}/templates/{level}/{language}", EnumSet.of(ADMIN, FINANCE));
		PERMISSIONS.put("POST /api/v1/dunning-policies/{id}/levels/{level}/preview", readReceivables);
		PERMISSIONS.put("GET /api/v1/customers/{id}/statement", readReceivables);
		PERMISSIONS.put("POST /api/v1/customers/{id}/hold", collect);
		PERMISSIONS.put("POST /api/v1/customers/{id}/release", EnumSet.of(ADMIN, FINANCE));
		PERMISSIONS.put("GET /api/v1/invoices/{id}/lifecycle", EVERYONE);
		PERMISSIONS.put("GET /api/v1/quotes/{id}/comments", EVERYONE);
		PERMISSIONS.put("POST /api/v1/quotes/{id}/comments", EnumSet.of(ADMIN, SALES, SALES_MANAGER, SALES_ADMIN));
		PERMISSIONS.put("GET /api/v1/reports/leakage",
				EnumSet.of(ADMIN, BILLING, COLLECTOR, FINANCE, SALES_MANAGER, READ_ONLY));
		PERMISSIONS.put("GET /api/v1/customers/{id}/invoice-delivery", EVERYONE);
		PERMISSIONS.put("PUT /api/v1/customers/{id}/invoice-delivery", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("GET /api/v1/invoices/{id}/sendings", EVERYONE);
		PERMISSIONS.put("POST /api/v1/invoices/{id}/send", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("POST /api/v1/invoices/{id}/lifecycle", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("POST /api/v1/customers/{id}/mandates", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("GET /api/v1/customers/{id}/mandates", EVERYONE);
		PERMISSIONS.put("DELETE /api/v1/customers/{id}/mandates/{reference}", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("POST /api/v1/direct-debits", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("GET /api/v1/direct-debits/{id}", EVERYONE);
		PERMISSIONS.put("GET /api/v1/direct-debits/{id}/pain.008", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("POST /api/v1/bank-accounts/{id}/csv-mappings", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("POST /api/v1/bank-statements", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("GET /api/v1/bank-statements/{id}", EVERYONE);
		PERMISSIONS.put("GET /api/v1/bank-statements/{id}/entries", EVERYONE);
		PERMISSIONS.put("POST /api/v1/receivables/import", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("POST /api/v1/payments/{id}/allocations", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("DELETE /api/v1/payments/{id}/allocations/{invoiceId}", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("GET /api/v1/quotes", EVERYONE);
		PERMISSIONS.put("GET /api/v1/quotes/{id}", EVERYONE);
		PERMISSIONS.put("GET /api/v1/quotes/{id}/pdf", EVERYONE);
		PERMISSIONS.put("POST /api/v1/quotes", EnumSet.of(ADMIN, SALES, SALES_MANAGER));
		PERMISSIONS.put("POST /api/v1/quotes/{id}/send", EnumSet.of(ADMIN, SALES, SALES_MANAGER));
		PERMISSIONS.put("GET /api/v1/quotes/{id}/link", EnumSet.of(ADMIN, SALES, SALES_MANAGER));
		PERMISSIONS.put("GET /api/v1/quotes/{id}/sendings", EVERYONE);
		PERMISSIONS.put("POST /api/v1/quotes/{id}/mail", EnumSet.of(ADMIN, SALES, SALES_MANAGER));
		PERMISSIONS.put("POST /api/v1/quotes/{id}/revisions", EnumSet.of(ADMIN, SALES, SALES_MANAGER));
		PERMISSIONS.put("GET /api/v1/quotes/{id}/revisions/{revision}", EVERYONE);
		PERMISSIONS.put("GET /api/v1/quotes/{id}/diff", EVERYONE);
		PERMISSIONS.put("POST /api/v1/quotes/{id}/accept", EnumSet.of(ADMIN, SALES, SALES_MANAGER, SALES_ADMIN));
		PERMISSIONS.put("POST /api/v1/quotes/{id}/decline", EnumSet.of(ADMIN, SALES, SALES_MANAGER, SALES_ADMIN));
		PERMISSIONS.put("GET /api/v1/orders", EVERYONE);
		PERMISSIONS.put("GET /api/v1/orders/{id}", EVERYONE);
		PERMISSIONS.put("POST /api/v1/orders/{id}/deliveries", EnumSet.of(ADMIN, SALES_ADMIN, PROJECT_MANAGER));
		PERMISSIONS.put("GET /api/v1/orders/{id}/milestones", EVERYONE);
		PERMISSIONS.put("POST /api/v1/orders", EnumSet.of(ADMIN, SALES, SALES_MANAGER, SALES_ADMIN));
		PERMISSIONS.put("POST /api/v1/orders/import", EnumSet.of(ADMIN, SALES, SALES_MANAGER, SALES_ADMIN));
		PERMISSIONS.put("POST /api/v1/orders/{id}/release", EnumSet.of(ADMIN, SALES, SALES_MANAGER, SALES_ADMIN));
		PERMISSIONS.put("POST /api/v1/orders/{id}/cancel", EnumSet.of(ADMIN, SALES, SALES_MANAGER, SALES_ADMIN));
		PERMISSIONS.put("POST /api/v1/item-codes", EnumSet.of(ADMIN, SALES, SALES_MANAGER, SALES_ADMIN));
		PERMISSIONS.put("GET /api/v1/orders/{id}/link", EnumSet.of(ADMIN, SALES, SALES_MANAGER, SALES_ADMIN));
		PERMISSIONS.put("GET /api/v1/orders/late", EVERYONE);
		PERMISSIONS.put("POST /api/v1/orders/{id}/start", EnumSet.of(ADMIN, SALES_ADMIN, PROJECT_MANAGER));
		PERMISSIONS.put("POST /api/v1/orders/{id}/close", EnumSet.of(ADMIN, SALES_ADMIN, PROJECT_MANAGER));
		PERMISSIONS.put("POST /api/v1/orders/{id}/estimate", EnumSet.of(ADMIN, SALES_ADMIN, PROJECT_MANAGER));
		PERMISSIONS.put("POST /api/v1/orders/{id}/milestones", EnumSet.of(ADMIN, SALES_ADMIN, PROJECT_MANAGER));
		PERMISSIONS.put("POST /api/v1/orders/{id}/milestones/{number}/ready",
				EnumSet.of(ADMIN, SALES_ADMIN, PROJECT_MANAGER));
		PERMISSIONS.put("GET /api/v1/invoices", EVERYONE);
		PERMISSIONS.put("GET /api/v1/invoices/{id}", EVERYONE);
		PERMISSIONS.put("GET /api/v1/invoices/{id}/pdf", EVERYONE);
		PERMISSIONS.put("GET /api/v1/invoices/{id}/ubl", EVERYONE);
		PERMISSIONS.put("GET /api/v1/invoices/{id}/cii", EVERYONE);
		PERMISSIONS.put("POST /api/v1/invoices/{id}/credit-notes", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("POST /api/v1/invoices", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("PUT /api/v1/invoices/{id}", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("DELETE /api/v1/invoices/{id}", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("POST /api/v1/invoices/{id}/issue", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("GET /api/v1/invoices/{id}/missing", EVERYONE);
		PERMISSIONS.put("POST /api/v1/invoice-runs", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("GET /api/v1/settings/invoice-layout", EVERYONE);
		PERMISSIONS.put("PUT /api/v1/settings/invoice-layout", EnumSet.of(ADMIN, FINANCE));
		PERMISSIONS.put("GET /api/v1/settings/invoice-layout/logo", EVERYONE);
		PERMISSIONS.put("GET /api/v1/invoice-runs/{id}", EVERYONE);
		PERMISSIONS.put("GET /api/v1/payments", EVERYONE);
		PERMISSIONS.put("GET /api/v1/payments/{id}", EVERYONE);
		PERMISSIONS.put("POST /api/v1/payments", EnumSet.of(ADMIN, BILLING, FINANCE));
		PERMISSIONS.put("GET /api/v1/reports/aging",
				EnumSet.of(ADMIN, BILLING, COLLECTOR, FINANCE, SALES_MANAGER, READ_ONLY));
		PERMISSIONS.put("GET /api/v1/reports/dso",
				EnumSet.of(ADMIN, BILLING, COLLECTOR, FINANCE, SALES_MANAGER, READ_ONLY));
		PERMISSIONS.put("GET /api/v1/api-keys", EnumSet.of(ADMIN));
		PERMISSIONS.put("POST /api/v1/api-keys", EnumSet.of(ADMIN));
		PERMISSIONS.put("DELETE /api/v1/api-keys/{id}", EnumSet.of(ADMIN));
	}

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyOperationOfTheOpenApiDocumentIsInThePermissionTable() {
		Set<String> operations = new TreeSet<>();
		new OpenApiOperations(new Api(this.port, null).get("/api/v1/openapi.json").json()).all()
			.forEach(op -> operations.add(op.key()));
		assertThat(operations).containsExactlyInAnyOrderElementsOf(PERMISSIONS.keySet());
	}

	@Test
	void everyEndpointIsInThePermissionTable() {
		Set<String> endpoints = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			if (!method.getBeanType().getPackageName().startsWith("io.encaisse")) {
				return;
			}
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/")) {
					info.getMethodsCondition().getMethods().forEach(m -> endpoints.add(m.name() + " " + pattern));
				}
			}
		});
		assertThat(endpoints).containsExactlyInAnyOrderElementsOf(PERMISSIONS.keySet());
	}

	@Test
	void eachRoleGetsThroughExactlyWhereItsJobNeedsItAndNoKeyNowhere() {
		Api admin = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Map<String, Api> callers = new TreeMap<>();
		for (Role role : Role.values()) {
			Api.Response key = admin.post("/api/v1/api-keys", map("name", "walk " + role, "role", role.name()));
			assertThat(key.status()).isEqualTo(201);
			callers.put(role.name(), admin.as(key.get("key")));
		}
		Api.Response revoked = admin.post("/api/v1/api-keys", map("name", "walk revoked", "role", "ADMIN"));
		assertThat(admin.delete("/api/v1/api-keys/" + revoked.get("id")).status()).isEqualTo(204);
		callers.put("revoked key", admin.as(revoked.get("key")));
		callers.put("no key", admin.as(null));
		Map<String, String> wrong = new TreeMap<>();
		int calls = 0;
		for (Map.Entry<String, Set<Role>> entry : PERMISSIONS.entrySet()) {
			String endpoint = entry.getKey();
			String method = endpoint.substring(0, endpoint.indexOf(' '));
			String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "nothing_here");
			for (Map.Entry<String, Api> caller : callers.entrySet()) {
				Api api = caller.getValue();
				int status = path.endsWith(
						"/import")
								? api.csv(path, "x\n".getBytes()).status()
								: path.endsWith(
										"/bank-statements")
												? api.xml(path, "<x/>".getBytes()).status()
												: api
													.request(method, path,
															"GET".equals(method) || "DELETE".equals(method) ? null
																	: "{}")
													.status();
				calls++;
				Role role = caller.getKey().contains(" ") ? null : Role.valueOf(caller.getKey());
				String expected = expected(endpoint, role, entry.getValue());
				boolean ok = switch (expected) {
					case "401" -> status == 401;
					case "403" -> status == 403;
					case "refused" -> status >= 400 && status < 500;
					default -> status != 401 && status != 403 && status < 500;
				};
				if (!ok || status >= 500) {
					wrong.put(endpoint + " as " + caller.getKey(), "answered " + status + ", expected " + expected);
				}
			}
		}
		assertThat(calls).isEqualTo(PERMISSIONS.size() * (Role.values().length + 2));
		assertThat(wrong).isEmpty();
	}

	/**
	 * What a caller should get: 401 without a valid key, 403 outside its role, else
	 * through.
	 */
	private static String expected(String endpoint, Role role, Set<Role> allowed) {
		if (endpoint.equals("POST /api/v1/gateway/events")) {
			// a signature admits an event, not a key: refused without one, whoever calls
			return "refused";
		}
		if (role == null) {
			return "401";
		}
		return allowed.contains(role) ? "through" : "403";
	}

}
