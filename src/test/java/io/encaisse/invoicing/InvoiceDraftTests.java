package io.encaisse.invoicing;

import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drafts and manual invoices: a draft has no number and can be changed or deleted;
 * issuing checks the mandatory mentions and freezes it; an issued invoice is neither
 * changed nor deleted; a delivery for a buyer whose file is incomplete waits as a draft.
 */
@EncaisseTest
class InvoiceDraftTests {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	io.encaisse.shared.AuditTrail audit;

	@Test
	void aManualInvoiceIsDraftedChangedIssuedAndThenFrozen() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("250.00", "20");
		Api.Response draft = api.post("/api/v1/invoices",
				map("customerId", customer, "lines",
						List.of(map("sku", sku, "quantity", "2"), map("description", "Déplacement sur site", "unit",
								"piece", "quantity", "1", "unitPrice", "80.00", "taxRate", "20"))));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		String id = draft.get("id");
		assertThat(draft.get("status")).isEqualTo("DRAFT");
		assertThat(draft.get("number")).isNull();
		assertThat(draft.get("total")).isEqualTo("696.00");
		assertThat(draft.json().get("lines").get(0).get("priceSource").asString()).isEqualTo("LIST");
		assertThat(draft.json().get("lines").get(1).get("priceSource").asString()).isEqualTo("MANUAL");
		// no document for a draft
		assertThat(api.get("/api/v1/invoices/" + id + "/pdf").status()).isEqualTo(409);
		// a draft is changed (version checked) ...
		Api.Response stale = api.put("/api/v1/invoices/" + id, map("lines", List.of(map("sku", sku, "quantity", "3"))),
				"\"99\"");
		assertThat(stale.status()).isEqualTo(412);
		Api.Response changed = api.put("/api/v1/invoices/" + id,
				map("lines", List.of(map("sku", sku, "quantity", "3"))), "\"" + draft.get("version") + "\"");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.get("total")).isEqualTo("900.00");
		assertThat(api.get("/api/v1/invoices/" + id + "/missing").json().get("data").size()).isZero();
		// ... issued with the next number ...
		Api.Response issued = api.post("/api/v1/invoices/" + id + "/issue", null);
		assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
		assertThat(issued.get("number")).matches("FA-\\d{4}-\\d{6}");
		assertThat(issued.get("status")).isEqualTo("ISSUED");
		assertThat(issued.get("dueDate")).isNotNull();
		// ... then frozen: no change, no deletion, no second issue
		Api.Response edit = api.put("/api/v1/invoices/" + id, map("lines", List.of(map("sku", sku, "quantity", "1"))),
				null);
		assertThat(edit.status()).as(edit.toString()).isEqualTo(409);
		assertThat(edit.body()).contains("credit note");
		assertThat(api.delete("/api/v1/invoices/" + id).status()).isEqualTo(409);
		assertThat(api.post("/api/v1/invoices/" + id + "/issue", null).status()).isEqualTo(409);
		assertThat(api.get("/api/v1/invoices/" + id).get("total")).isEqualTo("900.00");
		assertThat(this.audit.of("invoice", id)).extracting(io.encaisse.shared.AuditTrail.Entry::action)
			.contains("draft created", "draft changed", "issued");
	}

	@Test
	void aDraftIsDeletedWithoutTakingANumber() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("10.00", "20");
		String id = api
			.post("/api/v1/invoices", map("customerId", customer, "lines", List.of(map("sku", sku, "quantity", "1"))))
			.get("id");
		assertThat(api.delete("/api/v1/invoices/" + id).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/invoices/" + id).status()).isEqualTo(404);
	}

	@Test
	void badDraftsAreRefusedNamingTheField() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String a = fixtures.product("10.00", "20");
		String b = fixtures.product("10.00", "5.5");
		Api.Response r = api.post("/api/v1/invoices",
				map("customerId", customer, "lines",
						List.of(map("sku", "NOPE", "quantity", "1"),
								map("description", "Sans prix", "quantity", "1", "taxRate", "20"),
								map("description", "Taux faux", "quantity", "1", "unitPrice", "5", "taxRate", "19"))));
		assertThat(r.status()).isEqualTo(422);
		assertThat(r.body()).contains("lines[0].sku").contains("lines[1].unitPrice").contains("lines[2].taxRate");
		Api.Response ambiguous = api.post("/api/v1/invoices",
				map("customerId", customer, "lines",
						List.of(map("sku", a, "quantity", "1"), map("sku", b, "quantity", "1")), "allowances",
						List.of(map("reason", "Geste commercial", "amount", "5.00"))));
		assertThat(ambiguous.status()).isEqualTo(422);
		assertThat(ambiguous.body()).contains("allowances[0].taxRate");
		assertThat(api.post("/api/v1/invoices", map("customerId", "cus_nope", "lines", List.of())).body())
			.contains("customerId");
	}

	@Test
	void issuingWithoutMandatoryDataListsWhatIsMissingAndADeliveryWaitsAsADraft() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		Api.Response created = api.post("/api/v1/customers", map("name", Fixtures.unique("Sans Siren"), "email",
				"a@b.example", "billingAddress", map("city", "Lyon", "country", "FR")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String customer = created.get("id");
		String sku = fixtures.product("120.00", "20");
		String draft = api
			.post("/api/v1/invoices", map("customerId", customer, "lines", List.of(map("sku", sku, "quantity", "1"))))
			.get("id");
		Api.Response refused = api.post("/api/v1/invoices/" + draft + "/issue", null);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("customer.legalId")
			.contains("customer.billingAddress.line1")
			.contains("customer.billingAddress.postalCode")
			.doesNotContain("customer.billingAddress.city");
		assertThat(api.get("/api/v1/invoices/" + draft).get("number")).isNull();

		// a delivery to that customer is billed as a draft, nothing lost
		String order = fixtures.acceptedOrder(customer, sku, "2");
		Api.Response delivery = api.post("/api/v1/orders/" + order + "/deliveries",
				map("lines", List.of(map("sku", sku, "quantity", "2"))));
		assertThat(delivery.status()).as(delivery.toString()).isIn(200, 201);
		var drafts = api.get("/api/v1/invoices?customerId=" + customer + "&status=DRAFT").json().get("data");
		assertThat(drafts.size()).isEqualTo(2);
		String fromDelivery = drafts.get(0).get("id").asString().equals(draft) ? drafts.get(1).get("id").asString()
				: drafts.get(0).get("id").asString();
		assertThat(api.get("/api/v1/invoices/" + fromDelivery + "/missing").body()).contains("customer.legalId");

		// the file completed, both issue
		Api.Response customerNow = api.get("/api/v1/customers/" + customer);
		Api.Response fixed = api.put("/api/v1/customers/" + customer,
				map("name", customerNow.get("name"), "legalId", "732829320", "email", "a@b.example", "billingAddress",
						map("line1", "3 quai Saint-Antoine", "postalCode", "69002", "city", "Lyon", "country", "FR")),
				"\"" + customerNow.get("version") + "\"");
		assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
		assertThat(api.post("/api/v1/invoices/" + draft + "/issue", null).status()).isEqualTo(200);
		Api.Response late = api.post("/api/v1/invoices/" + fromDelivery + "/issue", null);
		assertThat(late.status()).as(late.toString()).isEqualTo(200);
		assertThat(late.get("total")).isEqualTo("288.00");
	}

}
