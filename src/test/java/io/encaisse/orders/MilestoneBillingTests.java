package io.encaisse.orders;

import java.nio.file.Path;
import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.FacturXValidation;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A services order billed by milestones: the plan (shares or amounts, never more than the
 * order), each milestone marked ready by the project manager and invoiced once at once,
 * split by VAT rate at the order's prices; deliveries then bill nothing; a milestone
 * ready but not invoiced shows in the leakage report.
 */
@EncaisseTest
class MilestoneBillingTests {

	@LocalServerPort
	int port;

	@TempDir
	Path dir;

	@Test
	void anOrderBilledByMilestonesIsInvoicedStageByStage() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String build = fixtures.product("1000.00", "20");
		String training = fixtures.product("500.00", "10");
		String order = fixtures.acceptedOrder(customer, build, "3", training, "2");
		// 3,000 at 20 % and 1,000 at 10 %: 4,000 net
		Api.Response tooMuch = api.post("/api/v1/orders/" + order + "/milestones", map("milestones",
				List.of(map("label", "Cadrage", "percent", "60"), map("label", "Recette", "percent", "50"))));
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.body()).contains("more than the order");
		Api.Response both = api.post("/api/v1/orders/" + order + "/milestones",
				map("milestones", List.of(map("label", "Cadrage", "percent", "30", "amount", "100"))));
		assertThat(both.body()).contains("milestones[0]");
		Api.Response plan = api.post("/api/v1/orders/" + order + "/milestones",
				map("milestones", List.of(map("label", "Cadrage", "percent", "30"),
						map("label", "Réalisation", "amount", "2000.00"), map("label", "Recette", "percent", "20"))));
		assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
		assertThat(plan.json().get("data").get(0).get("value").asString()).isEqualTo("1200.00");

		// a delivery of a milestone-billed order bills nothing
		Api.Response delivered = api.post("/api/v1/orders/" + order + "/deliveries",
				map("lines", List.of(map("sku", build, "quantity", "1"))));
		assertThat(delivered.status()).as(delivered.toString()).isEqualTo(201);
		assertThat(api.get("/api/v1/orders/" + order).json().get("invoiceIds").size()).isZero();

		Api.Response ready = api.post("/api/v1/orders/" + order + "/milestones/1/ready", null);
		assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
		JsonNode milestones = api.get("/api/v1/orders/" + order + "/milestones").json().get("data");
		assertThat(milestones.get(0).get("status").asString()).isEqualTo("BILLED");
		String invoiceId = milestones.get(0).get("invoiceId").asString();
		JsonNode invoice = api.get("/api/v1/invoices/" + invoiceId).json();
		assertThat(invoice.get("status").asString()).isEqualTo("ISSUED");
		// 30 %: 900 at 20 % and 300 at 10 % -> 1,200 net, 180 + 30 VAT
		assertThat(invoice.get("totalNet").asString()).isEqualTo("1200.00");
		assertThat(invoice.get("totalTax").asString()).isEqualTo("210.00");
		assertThat(invoice.get("lines").size()).isEqualTo(2);
		assertThat(invoice.get("lines").get(0).get("description").asString()).contains("Jalon 1").contains("Cadrage");
		FacturXValidation.assertValid(api.bytes("/api/v1/invoices/" + invoiceId + "/pdf"), this.dir, "milestone.pdf");
		// billed once: ready again is refused, the plan is frozen
		assertThat(api.post("/api/v1/orders/" + order + "/milestones/1/ready", null).status()).isEqualTo(409);
		assertThat(api
			.post("/api/v1/orders/" + order + "/milestones",
					map("milestones", List.of(map("label", "Tout", "percent", "100"))))
			.status()).isEqualTo(409);

		// an amount milestone is split by rate and adds up exactly
		api.post("/api/v1/orders/" + order + "/milestones/2/ready", null);
		String second = api.get("/api/v1/orders/" + order + "/milestones")
			.json()
			.get("data")
			.get(1)
			.get("invoiceId")
			.asString();
		assertThat(api.get("/api/v1/invoices/" + second).get("totalNet")).isEqualTo("2000.00");
		assertThat(api.get("/api/v1/orders/" + order).json().get("invoiceIds").size()).isEqualTo(2);
	}

	@Test
	void aMilestoneReadyButNotInvoicedShowsInTheLeakageReport() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		// a milestone whose billing was lost (its listener failed for good) stays READY
		String customer = fixtures.customer();
		String sku = fixtures.product("800.00", "20");
		String order = fixtures.acceptedOrder(customer, sku, "1");
		api.post("/api/v1/orders/" + order + "/milestones",
				map("milestones", List.of(map("label", "Acompte de lancement", "percent", "40"))));
		String number = api.get("/api/v1/orders/" + order).get("number");
		// the listener is made to fail: the invoice exists already under the milestone's
		// source
		this.jdbcLoseBilling(api, order);
		var report = api.get("/api/v1/reports/leakage").json().get("milestones");
		assertThat(report.findValuesAsString("orderNumber")).contains(number);
	}

	private void jdbcLoseBilling(Api api, String order) {
		// mark ready through the API, then take the invoice's link away as if billing had
		// been lost: the milestone is READY without invoice
		api.post("/api/v1/orders/" + order + "/milestones/1/ready", null);
		this.jdbc.sql("update order_milestone set status = 'READY', invoice_id = null where order_id = :o")
			.param("o", order)
			.update();
	}

	@Test
	void goodsAndServicesToAnEuBusinessKeepTheirOwnVatCategoriesInAMilestone() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		Api.Response buyer = api.post("/api/v1/customers",
				map("name", Fixtures.unique("Hamburg GmbH"), "vatNumber", "DE123456789", "email", "ap@hh.example",
						"billingAddress",
						map("line1", "Jungfernstieg 1", "postalCode", "20354", "city", "Hamburg", "country", "DE")));
		String goods = fixtures.product("500.00", "20");
		String days = Fixtures.unique("SKU");
		api.post("/api/v1/products", map("sku", days, "name", "Installation", "unit", "day", "taxRate", "20", "price",
				"800.00", "currency", "EUR"));
		String order = fixtures.acceptedOrder(buyer.get("id"), goods, "2", days, "1");
		api.post("/api/v1/orders/" + order + "/milestones",
				map("milestones", List.of(map("label", "Commande", "percent", "50"))));
		api.post("/api/v1/orders/" + order + "/milestones/1/ready", null);
		String invoice = api.get("/api/v1/orders/" + order + "/milestones")
			.json()
			.get("data")
			.get(0)
			.get("invoiceId")
			.asString();
		JsonNode lines = api.get("/api/v1/invoices/" + invoice).json().get("lines");
		List<String> categories = new java.util.ArrayList<>();
		lines.forEach(l -> categories.add(l.get("taxCategory").asString()));
		assertThat(categories).containsExactlyInAnyOrder("K", "AE");
		assertThat(api.get("/api/v1/invoices/" + invoice).get("totalNet")).isEqualTo("900.00");
		FacturXValidation.assertValid(api.bytes("/api/v1/invoices/" + invoice + "/pdf"), this.dir, "k-ae.pdf");
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

}
