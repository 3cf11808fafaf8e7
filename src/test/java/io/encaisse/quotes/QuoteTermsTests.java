package io.encaisse.quotes;

import java.time.LocalDate;
import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quote's terms reach the order and its invoices with nothing re-typed: optional lines
 * the customer takes or not, billing terms per line (on order: invoiced at once; on
 * milestone: not billed by delivery; recurring: a subscription's, not the order's), and
 * the quote's payment terms on every invoice of its order.
 */
@EncaisseTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class QuoteTermsTests {

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@LocalServerPort
	int port;

	@Autowired
	io.encaisse.shared.Today today;

	@Test
	void optionalLinesBillingTermsAndPaymentTermsGoFromTheQuoteToTheOrderAndItsInvoices() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer(30);
		String chair = fixtures.product("100.00", "20");
		String setup = fixtures.product("250.00", "20");
		String cushion = fixtures.product("20.00", "20");
		String support = fixtures.product("40.00", "20");
		String install = fixtures.product("300.00", "20");
		Api.Response quote = api.post("/api/v1/quotes", map("customerId", customer, "paymentTermsDays", 45,
				"depositPercent", "30", "conditions", "Livraison franco à partir de 1 000 € HT.", "lines",
				List.of(map("sku", chair, "quantity", "10"), map("sku", cushion, "quantity", "10", "optional", true),
						map("sku", setup, "quantity", "1", "billing", "ON_ORDER"),
						map("sku", support, "quantity", "1", "billing", "RECURRING", "period", "MONTHLY"),
						map("sku", cushion, "quantity", "5", "optional", true),
						map("sku", install, "quantity", "1", "billing", "ON_MILESTONE"))));
		assertThat(quote.status()).as(quote.body()).isEqualTo(201);
		// the order's total: 1000 + 250 + 300; options not until taken; the recurring
		// line
		// per period, beside
		assertThat(quote.get("totalNet")).isEqualTo("1550.00");
		assertThat(quote.get("optionalTotalNet")).isEqualTo("300.00");
		assertThat(quote.get("recurringTotalNet")).isEqualTo("40.00");
		assertThat(quote.get("paymentTermsDays")).isEqualTo("45");
		JsonNode lines = quote.json().get("lines");
		assertThat(lines.get(1).get("optional").asBoolean()).isTrue();
		assertThat(lines.get(3).get("billing").asString()).isEqualTo("RECURRING");
		assertThat(lines.get(3).get("period").asString()).isEqualTo("MONTHLY");
		String id = quote.get("id");
		assertThat(api.post("/api/v1/quotes/" + id + "/send", null).status()).isEqualTo(200);

		// a line that is not an option cannot be "taken"
		Api.Response wrong = api.post("/api/v1/quotes/" + id + "/accept", map("optionalLines", List.of(1)));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.body()).contains("optionalLines").contains("line 1 is not an optional line");

		Api.Response accepted = api.post("/api/v1/quotes/" + id + "/accept", map("optionalLines", List.of(2)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.get("totalNet")).isEqualTo("1750.00");
		assertThat(accepted.json().get("lines").get(1).get("chosen").asBoolean()).isTrue();
		assertThat(accepted.json().get("lines").get(4).get("chosen").asBoolean()).isFalse();

		// the order: firm lines and the option taken, not the recurring line nor the
		// option
		// left; confirmed (the set-up fee supplied on order does not start the work)
		String orderId = accepted.get("orderId");
		JsonNode order = api.get("/api/v1/orders/" + orderId).json();
		List<String> skus = order.get("lines").valueStream().map(l -> l.get("sku").asString()).toList();
		assertThat(skus).containsExactly(chair, cushion, setup, install);
		assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(order.get("paymentTermsDays").asInt()).isEqualTo(45);
		// two invoices at once: the deposit, 30 % of what is not billed on order (1000 +
		// 200
		// + 300), and the set-up fee, whole (a deposit is not taken off it), at 45 days
		assertThat(order.get("invoiceIds").size()).isEqualTo(2);
		List<JsonNode> invoices = order.get("invoiceIds")
			.valueStream()
			.map(i -> api.get("/api/v1/invoices/" + i.asString()).json())
			.toList();
		JsonNode deposit = invoices.stream()
			.filter(i -> i.get("lines").get(0).get("sku").asString().equals("DEPOSIT"))
			.findFirst()
			.orElseThrow();
		assertThat(deposit.get("totalNet").asString()).isEqualTo("450.00");
		JsonNode onOrder = invoices.stream()
			.filter(i -> i.get("lines").get(0).get("sku").asString().equals(setup))
			.findFirst()
			.orElseThrow();
		assertThat(onOrder.get("totalNet").asString()).isEqualTo("250.00");
		LocalDate issued = LocalDate.parse(onOrder.get("issueDate").asString());
		assertThat(LocalDate.parse(onOrder.get("dueDate").asString())).isEqualTo(issued.plusDays(45));
		assertThat(api.post("/api/v1/orders/" + orderId + "/start", null).status()).isEqualTo(200);

		// the installation is billed by milestones: a plan can be laid although invoices
		// exist, and its shares are of the installation alone
		Api.Response plan = api.post("/api/v1/orders/" + orderId + "/milestones",
				map("milestones", List.of(map("label", "Pose", "percent", "100"))));
		assertThat(plan.status()).as(plan.body()).isEqualTo(200);
		assertThat(plan.json().get("data").get(0).get("value").asString()).isEqualTo("300.00");
		// delivering it bills nothing; the chairs are billed on delivery, less the
		// deposit,
		// at 45 days too
		Api.Response installed = api.post("/api/v1/orders/" + orderId + "/deliveries",
				map("lines", List.of(map("sku", install, "quantity", "1"))));
		assertThat(installed.status()).as(installed.body()).isEqualTo(201);
		assertThat(api.get("/api/v1/orders/" + orderId).json().get("invoiceIds").size()).isEqualTo(2);
		String chairs = fixtures.deliver(orderId, chair, "10", cushion, "10");
		JsonNode chairInvoice = api.get("/api/v1/invoices/" + chairs).json();
		assertThat(chairInvoice.get("lines").size()).isEqualTo(2);
		assertThat(chairInvoice.get("totalNet").asString()).isEqualTo("750.00");
		assertThat(LocalDate.parse(chairInvoice.get("dueDate").asString()))
			.isEqualTo(LocalDate.parse(chairInvoice.get("issueDate").asString()).plusDays(45));
		Api.Response ready = api.post("/api/v1/orders/" + orderId + "/milestones/1/ready", null);
		assertThat(ready.status()).as(ready.body()).isEqualTo(200);
		String milestoneInvoice = api.get("/api/v1/orders/" + orderId + "/milestones")
			.json()
			.get("data")
			.get(0)
			.get("invoiceId")
			.asString();
		assertThat(api.get("/api/v1/invoices/" + milestoneInvoice).get("totalNet")).isEqualTo("300.00");
		// everything billed now
		assertThat(api.get("/api/v1/orders/" + orderId).get("status")).isEqualTo("INVOICED");

		// the recurring line waits for a subscription: the leakage report says so
		assertThat(api.get("/api/v1/reports/leakage").body()).contains(quote.get("number")).contains("MONTHLY");
	}

	@Test
	void anOrderDeliveredBeforeItsMilestonePlanWaitsForItAndIsInvoicedWhenTheLastMilestoneIs() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String screen = fixtures.product("200.00", "20");
		String install = fixtures.product("500.00", "20");
		String quote = api
			.post("/api/v1/quotes", map("customerId", customer, "lines", List.of(map("sku", screen, "quantity", "2"),
					map("sku", install, "quantity", "1", "billing", "ON_MILESTONE"))))
			.get("id");
		api.post("/api/v1/quotes/" + quote + "/send", null);
		String order = api.post("/api/v1/quotes/" + quote + "/accept", null).get("orderId");
		// everything delivered at once, before anyone laid the plan: the screens are
		// billed, the installation waits for its milestones
		String screens = fixtures.deliver(order, screen, "2", install, "1");
		assertThat(api.get("/api/v1/invoices/" + screens).get("totalNet")).isEqualTo("400.00");
		assertThat(api.get("/api/v1/orders/" + order).get("status")).isEqualTo("DELIVERED");
		Api.Response plan = api.post("/api/v1/orders/" + order + "/milestones", map("milestones",
				List.of(map("label", "Pose", "percent", "60"), map("label", "Recette", "percent", "40"))));
		assertThat(plan.status()).as(plan.body()).isEqualTo(200);
		api.post("/api/v1/orders/" + order + "/milestones/1/ready", null);
		assertThat(api.get("/api/v1/orders/" + order).get("status")).isEqualTo("DELIVERED");
		api.post("/api/v1/orders/" + order + "/milestones/2/ready", null);
		JsonNode billed = api.get("/api/v1/orders/" + order).json();
		assertThat(billed.get("status").asString()).isEqualTo("INVOICED");
		assertThat(billed.get("invoiceIds").size()).isEqualTo(3);

		// a deposit needs lines billed later
		String licence = fixtures.product("480.00", "20");
		Api.Response deposit = api.post("/api/v1/quotes", map("customerId", customer, "depositPercent", "30", "lines",
				List.of(map("sku", licence, "quantity", "1", "billing", "ON_ORDER"))));
		assertThat(deposit.status()).isEqualTo(422);
		assertThat(deposit.body()).contains("depositPercent");
	}

	@Test
	void badTermsAreRefusedNamingTheField() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("10.00", "20");
		Api.Response weekly = api.post("/api/v1/quotes",
				map("customerId", customer, "lines", List.of(map("sku", sku, "quantity", "1", "billing", "WEEKLY"))));
		assertThat(weekly.status()).isEqualTo(422);
		assertThat(weekly.body()).contains("lines[0].billing");
		Api.Response noPeriod = api.post("/api/v1/quotes", map("customerId", customer, "lines",
				List.of(map("sku", sku, "quantity", "1", "billing", "RECURRING"))));
		assertThat(noPeriod.body()).contains("lines[0].period");
		Api.Response periodAlone = api.post("/api/v1/quotes",
				map("customerId", customer, "lines", List.of(map("sku", sku, "quantity", "1", "period", "MONTHLY"))));
		assertThat(periodAlone.body()).contains("only a recurring line has a period");
		Api.Response allOptional = api.post("/api/v1/quotes",
				map("customerId", customer, "lines", List.of(map("sku", sku, "quantity", "1", "optional", true))));
		assertThat(allOptional.body()).contains("at least one line that is not optional");
		Api.Response terms = api.post("/api/v1/quotes", map("customerId", customer, "paymentTermsDays", 90, "lines",
				List.of(map("sku", sku, "quantity", "1"))));
		assertThat(terms.status()).isEqualTo(422);
		assertThat(terms.body()).contains("paymentTermsDays").contains("60 days");
	}

	@Test
	void aRevisionKeepsTheTermsItDoesNotChangeAndTheDiffShowsAnOptionMadeFirm() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("10.00", "20");
		String extra = fixtures.product("5.00", "20");
		String id = api
			.post("/api/v1/quotes",
					map("customerId", customer, "paymentTermsDays", 15, "conditions", "Sous réserve.", "lines", List
						.of(map("sku", sku, "quantity", "1"), map("sku", extra, "quantity", "1", "optional", true))))
			.get("id");
		Api.Response revised = api.post("/api/v1/quotes/" + id + "/revisions",
				map("lines", List.of(map("sku", sku, "quantity", "1"), map("sku", extra, "quantity", "1"))));
		assertThat(revised.status()).as(revised.body()).isEqualTo(201);
		assertThat(revised.get("paymentTermsDays")).isEqualTo("15");
		assertThat(revised.get("conditions")).isEqualTo("Sous réserve.");
		assertThat(revised.get("totalNet")).isEqualTo("15.00");
		JsonNode diff = api.get("/api/v1/quotes/" + id + "/diff?from=1&to=2").json();
		assertThat(diff.get("lines").get(1).get("kind").asString()).isEqualTo("CHANGED");
		// the form's revision replaces the terms: emptied, they are cleared
		Api.Response cleared = api.post("/api/v1/quotes/" + id + "/revisions", map("replaceTerms", true, "lines",
				List.of(map("sku", sku, "quantity", "1"), map("sku", extra, "quantity", "1"))));
		assertThat(cleared.status()).as(cleared.body()).isEqualTo(201);
		assertThat(cleared.get("paymentTermsDays")).isNull();
		assertThat(cleared.get("conditions")).isNull();
	}

	@Test
	void theCustomerTakesAnOptionOnlineAndSeesTheTermsButNotOurPriceSources() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("100.00", "20");
		String option = fixtures.product("30.00", "20");
		String id = api.post("/api/v1/quotes",
				map("customerId", customer, "paymentTermsDays", 30, "conditions", "Garantie deux ans.", "lines", List
					.of(map("sku", sku, "quantity", "1"), map("sku", option, "quantity", "1", "optional", true))))
			.get("id");
		api.post("/api/v1/quotes/" + id + "/send", null);
		String url = api.get("/api/v1/quotes/" + id + "/link").get("url");
		String token = url.substring(url.lastIndexOf('/') + 1);
		String page = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/portal/quotes/" + token)
				.locale(java.util.Locale.ENGLISH))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"options\"")
			.contains("id=\"option-2\"")
			.contains("Garantie deux ans.")
			.contains("id=\"payment-terms\"")
			.doesNotContain("Price from");
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/portal/quotes/" + token + "/accept")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("name", "Léa Martin")
			.param("terms", "true")
			.param("optional", "2"));
		Api.Response accepted = api.get("/api/v1/quotes/" + id);
		assertThat(accepted.get("status")).isEqualTo("ACCEPTED");
		assertThat(accepted.get("totalNet")).isEqualTo("130.00");
		JsonNode order = api.get("/api/v1/orders/" + accepted.get("orderId")).json();
		assertThat(order.get("lines").size()).isEqualTo(2);
	}

}
