package io.encaisse.quotes;

import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revisions: a sent revision is frozen; changing it makes the next revision, a draft to
 * send again; every revision stays readable and any two compare line by line; accepting a
 * superseded revision is a 409; an accepted quote is final.
 */
@EncaisseTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class QuoteRevisionTests {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Test
	void aSentQuoteIsRevisedComparedAndOnlyItsCurrentRevisionAccepted() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String laptop = fixtures.product("1000.00", "20");
		String dock = fixtures.product("150.00", "20");
		String cable = fixtures.product("15.00", "20");
		String id = fixtures.sentQuote(customer, laptop, "10", dock, "10");
		assertThat(api.get("/api/v1/quotes/" + id).get("revision")).isEqualTo("1");

		// the customer wants 12 laptops, no docks, and cables
		Api.Response revised = api.post("/api/v1/quotes/" + id + "/revisions",
				map("lines", List.of(map("sku", laptop, "quantity", "12"), map("sku", cable, "quantity", "12")),
						"notes", "Révision après l'appel du 20/11"));
		assertThat(revised.status()).as(revised.toString()).isEqualTo(201);
		assertThat(revised.get("revision")).isEqualTo("2");
		assertThat(revised.get("status")).isEqualTo("DRAFT");
		assertThat(revised.get("total")).isEqualTo("14616.00");
		JsonNode revisions = revised.json().get("revisions");
		assertThat(revisions.size()).isEqualTo(1);
		assertThat(revisions.get(0).get("revision").asInt()).isEqualTo(1);
		assertThat(revisions.get(0).get("total").asString()).isEqualTo("13800.00");

		// revision 1 stays readable as it was sent
		JsonNode first = api.get("/api/v1/quotes/" + id + "/revisions/1").json();
		assertThat(first.get("status").asString()).isEqualTo("SENT");
		assertThat(first.get("lines").size()).isEqualTo(2);
		assertThat(first.get("lines").get(1).get("sku").asString()).isEqualTo(dock);

		// side by side: laptops changed, docks removed, cables added
		JsonNode diff = api.get("/api/v1/quotes/" + id + "/diff?from=1&to=2").json();
		List<String> kinds = new java.util.ArrayList<>();
		diff.get("lines")
			.forEach(c -> kinds.add(c.get("kind").asString() + ":" + (c.get("after").isNull()
					? c.get("before").get("sku").asString() : c.get("after").get("sku").asString())));
		assertThat(kinds).containsExactlyInAnyOrder("CHANGED:" + laptop, "ADDED:" + cable, "REMOVED:" + dock);
		assertThat(diff.get("totalFrom").asString()).isEqualTo("13800.00");
		assertThat(diff.get("totalTo").asString()).isEqualTo("14616.00");

		// sent again; accepting revision 1 is a 409, revision 2 is accepted
		assertThat(api.post("/api/v1/quotes/" + id + "/send", null).status()).isEqualTo(200);
		Api.Response old = api.post("/api/v1/quotes/" + id + "/accept", map("revision", 1));
		assertThat(old.status()).isEqualTo(409);
		assertThat(old.body()).contains("current revision (2)");
		Api.Response accepted = api.post("/api/v1/quotes/" + id + "/accept", map("revision", 2));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		String order = accepted.get("orderId");
		assertThat(api.get("/api/v1/orders/" + order).json().get("lines").size()).isEqualTo(2);
		// final once accepted
		assertThat(api
			.post("/api/v1/quotes/" + id + "/revisions", map("lines", List.of(map("sku", laptop, "quantity", "1"))))
			.status()).isEqualTo(409);
		assertThat(api.get("/api/v1/quotes/" + id + "/revisions/9").status()).isEqualTo(404);
	}

	@Test
	@org.springframework.security.test.context.support.WithMockUser(username = "sam", roles = "SALES")
	void aRepRevisesFromThePageAndSeesTheTwoRevisionsSideBySide() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String laptop = fixtures.product("1000.00", "20");
		String id = fixtures.sentQuote(fixtures.customer(), laptop, "3");
		String form = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/quotes/" + id + "/revise"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("/quotes/" + id + "/revisions").contains("value=\"3\"");
		String location = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/quotes/" + id + "/revisions")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("lines[0].sku", laptop)
				.param("lines[0].quantity", "4"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).isEqualTo("/quotes/" + id);
		assertThat(api.get("/api/v1/quotes/" + id).get("revision")).isEqualTo("2");
		String page = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/quotes/" + id))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"revisions\"").contains("/quotes/" + id + "/diff?from=1");
		String diff = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/quotes/" + id + "/diff")
				.param("from", "1"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(diff).contains("diff-changed").contains("3600.00").contains("4800.00");
	}

}
