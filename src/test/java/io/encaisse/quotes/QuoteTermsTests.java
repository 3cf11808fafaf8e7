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
				"conditions", "Livraison franco à partir de 1 000 € HT.", "lines",
				List.of(map("sku", chair, "quantity", "10"), map("sku", cushion, "quantity", "10", "optional", true),
						map("sku", setup, "quantity", "1", "billing", "ON_ORDER"),
						map("sku", support, "quantity", "1", "billing", "RECURRING", "period", "MONTHLY"),
						map("sku", cushion, "quantity", "5", "optional", true),
						map("sku", install, "quantity", "1", "billing", "ON_MILESTONE"))));
		assertThat(quote.status()).as(quote.body()).isEqualTo(201);
		// options are not in the total until taken: 1000 + 250 + 40 + 300
		assertThat(quote.get("totalNet")).isEqualTo("1590.00");
		assertThat(quote.get("optionalTotalNet")).isEqualTo("300.00");
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
		assertThat(accepted.get("totalNet")).isEqualTo("1790.00");
		assertThat(accepted.json().get("lines").get(1).get("chosen").asBoolean()).isTrue();
		assertThat(accepted.json().get("lines").get(4).get("chosen").asBoolean()).isFalse();

		// the order: firm lines and the option taken, not the recurring line nor the
		// option
		// left
		JsonNode order = api.get("/api/v1/orders/" + accepted.get("orderId")).json();
		List<String> skus = order.get("lines").valueStream().map(l -> l.get("sku").asString()).toList();
		assertThat(skus).containsExactly(chair, cushion, setup, install);
		// the set-up fee was billed on order, at once, at the quote's 45 days
		assertThat(order.get("invoiceIds").size()).isEqualTo(1);
		JsonNode onOrder = api.get("/api/v1/invoices/" + order.get("invoiceIds").get(0).asString()).json();
		assertThat(onOrder.get("lines").size()).isEqualTo(1);
		assertThat(onOrder.get("lines").get(0).get("sku").asString()).isEqualTo(setup);
		LocalDate issued = LocalDate.parse(onOrder.get("issueDate").asString());
		assertThat(LocalDate.parse(onOrder.get("dueDate").asString())).isEqualTo(issued.plusDays(45));

		// delivering the installation (billed by milestones) bills nothing; the chairs
		// are
		// billed on delivery, at 45 days too
		String orderId = accepted.get("orderId");
		Api.Response installed = api.post("/api/v1/orders/" + orderId + "/deliveries",
				map("lines", List.of(map("sku", install, "quantity", "1"))));
		assertThat(installed.status()).as(installed.body()).isEqualTo(201);
		assertThat(api.get("/api/v1/orders/" + orderId).json().get("invoiceIds").size()).isEqualTo(1);
		String chairs = fixtures.deliver(orderId, chair, "10", cushion, "10");
		JsonNode chairInvoice = api.get("/api/v1/invoices/" + chairs).json();
		assertThat(chairInvoice.get("lines").size()).isEqualTo(2);
		assertThat(LocalDate.parse(chairInvoice.get("dueDate").asString()))
			.isEqualTo(LocalDate.parse(chairInvoice.get("issueDate").asString()).plusDays(45));
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
