package io.encaisse.quotes;

import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Comments on a quote: author and time, internal or visible to the customer, audited. */
@EncaisseTest
class QuoteCommentTests {

	@LocalServerPort
	int port;

	@Autowired
	QuoteComments comments;

	@Autowired
	QuotePortal portal;

	@Test
	void aLinkToAReplacedRevisionTakesNoComment() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("60.00", "20");
		String quote = fixtures.sentQuote(fixtures.customer(), sku, "1");
		String first = this.portal.token(quote);
		api.post("/api/v1/quotes/" + quote + "/revisions", map("lines", List.of(map("sku", sku, "quantity", "2"))));
		api.post("/api/v1/quotes/" + quote + "/send", null);
		String second = this.portal.token(quote);

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.portal.comment(first, "Client", "Pour 1 ?"))
			.isInstanceOf(io.encaisse.shared.Problem.StateConflict.class)
			.hasMessageContaining("replaced by revision 2");
		this.portal.comment(second, "Client", "Pour 2, d'accord");
		assertThat(this.comments.of(quote, true)).extracting(QuoteComments.Comment::body)
			.containsExactly("Pour 2, d'accord");
	}

	@Test
	void internalAndCustomerCommentsWithAuthorAndTime() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("60.00", "20");
		String quote = api
			.post("/api/v1/quotes",
					map("customerId", fixtures.customer(), "lines", List.of(map("sku", sku, "quantity", "1"))))
			.get("id");
		Api.Response internal = api.post("/api/v1/quotes/" + quote + "/comments",
				map("body", "Marge faible : ne pas descendre plus bas"));
		assertThat(internal.status()).as(internal.toString()).isEqualTo(201);
		assertThat(internal.get("visibility")).isEqualTo("INTERNAL");
		assertThat(internal.get("author")).isNotBlank();
		api.post("/api/v1/quotes/" + quote + "/comments",
				map("body", "Livraison possible sous 10 jours", "visibility", "CUSTOMER"));
		assertThat(api.get("/api/v1/quotes/" + quote + "/comments").json().get("data").findValuesAsString("visibility"))
			.containsExactly("INTERNAL", "CUSTOMER");
		assertThat(this.comments.of(quote, true)).extracting(QuoteComments.Comment::body)
			.containsExactly("Livraison possible sous 10 jours");
		Api.Response bad = api.post("/api/v1/quotes/" + quote + "/comments", map("body", " ", "visibility", "ALL"));
		assertThat(bad.json().get("errors").findValuesAsString("field")).contains("body", "visibility");
	}

}
