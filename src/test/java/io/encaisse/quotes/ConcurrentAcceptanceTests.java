package io.encaisse.quotes;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.AtOnce;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Six browsers accept one quote from its link at the same moment (issue 21, D7): one
 * order, one signature, and every browser is shown where the quote stands, none a 500.
 */
@EncaisseTest
class ConcurrentAcceptanceTests {

	@LocalServerPort
	int port;

	@Autowired
	QuotePortal portal;

	@Autowired
	JdbcClient jdbc;

	@Test
	void sixBrowsersAcceptingAtOnceMakeOneOrderAndNoError() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("80.00", "20");
		String quote = fixtures.sentQuote(fixtures.customer(), sku, "2");
		String link = "http://localhost:" + this.port + "/portal/quotes/" + this.portal.token(quote);
		List<HttpClient> browsers = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			String page = browser
				.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString())
				.body();
			tokens.add(Jsoup.parse(page).select("#accept-form input[name=_csrf]").attr("value"));
			browsers.add(browser);
		}
		List<Integer> answers = AtOnce.run(6,
				n -> () -> browsers.get(n)
					.send(HttpRequest.newBuilder(URI.create(link + "/accept"))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers
							.ofString("name=Marie+Client+" + n + "&terms=true&_csrf=" + tokens.get(n)))
						.build(), HttpResponse.BodyHandlers.ofString())
					.statusCode());
		assertThat(answers).containsOnly(302);
		assertThat(this.jdbc.sql("select count(*) from customer_order where quote_id = :q")
			.param("q", quote)
			.query(Integer.class)
			.single()).isOne();
		assertThat(this.jdbc.sql("select count(*) from quote_decision where quote_id = :q")
			.param("q", quote)
			.query(Integer.class)
			.single()).isOne();
		assertThat(api.get("/api/v1/quotes/" + quote).get("status")).isEqualTo("ACCEPTED");
	}

}
