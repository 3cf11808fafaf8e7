package io.encaisse.collections;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's side, from the link every reminder carries, without an account: the open
 * invoices with their payment references and how to pay, each invoice's document, the
 * statement; a promise and a dispute with a file recorded as made by the customer; a
 * refused file opens no dispute; a tampered link or another customer's invoice opens
 * nothing.
 */
@EncaisseTest
class AccountPortalTests {

	/** The smallest PNG: one transparent pixel. */
	private static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCustomerSeesPaysDisputesAndPromisesFromTheLink() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("500.00", "20");
		String customer = fixtures.customer();
		String name = api.get("/api/v1/customers/" + customer).get("name");
		String first = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		String second = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "2"), sku, "2");
		String third = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		String stranger = fixtures.customer();
		String theirs = fixtures.deliver(fixtures.acceptedOrder(stranger, sku, "1"), sku, "1");
		this.jdbc.sql("update invoice set due_date = :d where id = :i")
			.param("d", Fixtures.today().minusDays(20))
			.param("i", first)
			.update();

		Api.Response link = api.post("/api/v1/customers/" + customer + "/account-link", map());
		assertThat(link.status()).as(link.toString()).isEqualTo(200);
		String url = link.get("url").replace("http://localhost:8080", "http://localhost:" + this.port);
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		Document html = Jsoup.parse(page.body());
		String reference = api.get("/api/v1/invoices/" + first).get("paymentReference");
		assertThat(html.select("#open-invoices").text()).contains(api.get("/api/v1/invoices/" + first).get("number"))
			.contains(reference)
			.contains("20")
			.doesNotContain(api.get("/api/v1/invoices/" + theirs).get("number"));
		assertThat(html.select("#how-to-pay").text()).contains("IBAN");

		// each invoice's document, as the API serves it (the legal archive of issue 24
		// will make it the issued bytes); another customer's is not there
		HttpResponse<byte[]> mine = browser.send(
				HttpRequest.newBuilder(URI.create(url + "/invoices/" + first + "/pdf")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(new String(mine.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(browser
			.send(HttpRequest.newBuilder(URI.create(url + "/invoices/" + theirs + "/pdf")).build(),
					HttpResponse.BodyHandlers.ofByteArray())
			.statusCode()).isEqualTo(404);
		HttpResponse<byte[]> statement = browser.send(HttpRequest.newBuilder(URI.create(url + "/statement")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(new String(statement.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		String tampered = url.substring(0, url.length() - 3) + (url.endsWith("AAA") ? "BBB" : "AAA");
		assertThat(
				browser.send(HttpRequest.newBuilder(URI.create(tampered)).build(), HttpResponse.BodyHandlers.ofString())
					.statusCode())
			.isEqualTo(404);

		// a promise to pay the late one in a week
		String csrf = html.select("#promise input[name=_csrf]").attr("value");
		HttpResponse<String> promised = browser.send(HttpRequest.newBuilder(URI.create(url + "/promises"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("promisedOn=" + Fixtures.today().plusDays(7) + "&invoiceId="
					+ first + "&note=Paid+with+the+next+run&_csrf=" + csrf))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(promised.statusCode()).isEqualTo(302);
		assertThat(Jsoup
			.parse(browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
				.body())
			.select(".alert.ok")
			.text()).contains("Thank you");
		assertThat(api.get("/api/v1/customers/" + customer + "/promises").body())
			.contains("\"createdBy\":\"customer: " + name + "\"")
			.contains(first);

		// a dispute whose file is not a document: refused, and no dispute opened
		HttpResponse<String> refused = multipart(browser, url + "/disputes", csrf, second, "notes.txt",
				"just text".getBytes(StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(api.get("/api/v1/invoices/" + second + "/disputes").json().get("data").size()).isZero();
		HttpResponse<String> after = browser.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(Jsoup.parse(after.body()).select(".alert.bad").text()).contains("PDF, PNG");

		// a dispute with a photo
		HttpResponse<String> disputed = multipart(browser, url + "/disputes", csrf, second, "pallet.png", PNG);
		assertThat(disputed.statusCode()).isEqualTo(302);
		Api.Response disputes = api.get("/api/v1/invoices/" + second + "/disputes");
		assertThat(disputes.json().get("data").get(0).get("openedBy").asString()).isEqualTo("customer: " + name);
		assertThat(disputes.json().get("data").get(0).get("reason").asString()).isEqualTo("QUANTITY");
		String dispute = disputes.json().get("data").get(0).get("id").asString();
		Api.Response files = api.get("/api/v1/disputes/" + dispute + "/attachments");
		assertThat(files.json().get(0).get("filename").asString()).isEqualTo("pallet.png");
		assertThat(files.json().get(0).get("contentType").asString()).isEqualTo("image/png");
		assertThat(
				api.bytes("/api/v1/disputes/" + dispute + "/attachments/" + files.json().get(0).get("id").asString()))
			.isEqualTo(PNG);
		assertThat(this.jdbc.sql("select actor from audit_event where document_id = :d and action = 'opened'")
			.param("d", dispute)
			.query(String.class)
			.single()).isEqualTo("customer: " + name);
		// the customer answers in the dispute's conversation from the link
		String page2 = browser
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(Jsoup.parse(page2).select("#your-disputes").text()).contains("Two pallets ordered");
		HttpResponse<String> replied = browser
			.send(HttpRequest.newBuilder(URI.create(url + "/disputes/" + dispute + "/comments"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("body=Delivery+note+attached&_csrf=" + csrf))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(replied.statusCode()).isEqualTo(302);
		assertThat(api.get("/api/v1/disputes/" + dispute + "/comments").json().get(0).get("writtenBy").asString())
			.isEqualTo("customer: " + name);
		assertThat(third).isNotBlank();
	}

	private static HttpResponse<String> multipart(HttpClient browser, String url, String csrf, String invoice,
			String filename, byte[] file) throws Exception {
		String boundary = "----encaisse" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (String[] field : new String[][] { { "_csrf", csrf }, { "invoiceId", invoice }, { "reason", "QUANTITY" },
				{ "message", "Two pallets ordered, one delivered" } }) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
					+ field[1] + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return browser.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
