package io.encaisse.e2e;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 4's journey: a quote in two revisions, each mailed with its link (SMTP through
 * GreenMail); the customer, without an account, comments on the first, cannot sign it
 * once it is replaced, and accepts the second online (typed name, terms; IP and a hash of
 * the revision recorded); the order is delivered in two parts and invoiced twice.
 */
@EncaisseTest
@AutoConfigureMockMvc
class QuoteToCashOnlineTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private static final Pattern LINK = Pattern.compile("/portal/quotes/([A-Za-z0-9_.-]+)");

	private static String token(MimeMessage mail) {
		Matcher m = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", ""));
		assertThat(m.find()).as("the mail carries the link").isTrue();
		return m.group(1);
	}

	@Test
	void fromAQuoteInTwoRevisionsAcceptedOnlineToAnOrderInvoicedTwice() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String chair = fixtures.product("240.00", "20");
		String desk = fixtures.product("560.00", "20");
		GreenMail smtp = new GreenMail(new ServerSetup(3025, "localhost", "smtp"));
		smtp.start();
		try {
			String quote = fixtures.sentQuote(customer, chair, "8", desk, "4");
			smtp.waitForIncomingEmail(5000, 1);
			String first = token(smtp.getReceivedMessages()[0]);
			assertThat(smtp.getReceivedMessages()[0].getSubject()).startsWith("Devis DV-");

			// the customer opens the link, without an account, and asks a question
			String page = this.mvc.perform(get("/portal/quotes/" + first))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("id=\"accept-form\"").contains("4,992.00");
			this.mvc.perform(post("/portal/quotes/" + first + "/comments").with(csrf())
				.param("name", "Léa Martin")
				.param("body", "Pouvez-vous passer à 10 chaises ?"));
			assertThat(api.get("/api/v1/quotes/" + quote + "/comments").body()).contains("customer:Léa Martin")
				.contains("10 chaises");

			// a second revision answers; it is sent with a new link
			Api.Response revised = api.post("/api/v1/quotes/" + quote + "/revisions",
					map("lines", List.of(map("sku", chair, "quantity", "10"), map("sku", desk, "quantity", "4"))));
			assertThat(revised.get("revision")).isEqualTo("2");
			// while it is prepared, the first link shows none of it
			assertThat(this.mvc.perform(get("/portal/quotes/" + first)).andReturn().getResponse().getContentAsString())
				.doesNotContain("5,568.00")
				.doesNotContain("4,992.00");
			assertThat(api.post("/api/v1/quotes/" + quote + "/send", null).status()).isEqualTo(200);
			smtp.waitForIncomingEmail(5000, 2);
			String second = token(smtp.getReceivedMessages()[1]);
			assertThat(second).isNotEqualTo(first);

			// the first link shows the replaced revision and cannot sign it
			this.mvc.perform(post("/portal/quotes/" + first + "/accept").with(csrf())
				.param("name", "Léa Martin")
				.param("terms", "true"));
			assertThat(api.get("/api/v1/quotes/" + quote).get("status")).isEqualTo("SENT");
			// a tampered link is refused
			String forged = second.substring(0, second.length() - 3) + "AAA";
			assertThat(this.mvc.perform(get("/portal/quotes/" + forged)).andReturn().getResponse().getContentAsString())
				.contains("cannot be opened");
			// signing needs the name and the terms
			this.mvc.perform(post("/portal/quotes/" + second + "/accept").with(csrf()).param("name", "Léa Martin"));
			assertThat(api.get("/api/v1/quotes/" + quote).get("status")).isEqualTo("SENT");
			this.mvc.perform(post("/portal/quotes/" + second + "/accept").with(csrf())
				.param("name", "Léa Martin")
				.param("terms", "true")
				.header("User-Agent", "Firefox"));
			JsonNode accepted = api.get("/api/v1/quotes/" + quote).json();
			assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
			var decision = this.jdbc
				.sql("select name, ip, revision, revision_hash, user_agent from quote_decision where quote_id = :q")
				.param("q", quote)
				.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5)))
				.single();
			assertThat(decision.get(0)).isEqualTo("Léa Martin");
			assertThat(decision.get(1)).isNotBlank();
			assertThat(decision.get(2)).isEqualTo("2");
			assertThat(decision.get(3)).matches("[0-9a-f]{64}");
			assertThat(decision.get(4)).isEqualTo("Firefox");
			assertThat(this.mvc.perform(get("/portal/quotes/" + second)).andReturn().getResponse().getContentAsString())
				.contains("id=\"decided\"")
				.doesNotContain("id=\"accept-form\"");

			// the order: delivered in two parts, invoiced twice, linked both ways
			String order = accepted.get("orderId").asString();
			assertThat(api.get("/api/v1/orders/" + order).json().get("lines").get(0).get("quantity").asString())
				.isEqualTo("10");
			String invoice1 = fixtures.deliver(order, chair, "10");
			String invoice2 = fixtures.deliver(order, desk, "4");
			assertThat(api.get("/api/v1/invoices/" + invoice1).get("total")).isEqualTo("2880.00");
			assertThat(api.get("/api/v1/invoices/" + invoice2).get("total")).isEqualTo("2688.00");
			JsonNode o = api.get("/api/v1/orders/" + order).json();
			assertThat(o.get("invoiceIds").size()).isEqualTo(2);
			// the order's confirmation reached the customer with a link to follow it
			smtp.waitForIncomingEmail(5000, 3);
			MimeMessage confirmation = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
				try {
					return m.getSubject().startsWith("Commande CO-");
				}
				catch (jakarta.mail.MessagingException ex) {
					return false;
				}
			}).findFirst().orElseThrow();
			Matcher follow = Pattern.compile("/portal/orders/([A-Za-z0-9_.-]+)")
				.matcher(String.valueOf(confirmation.getContent()));
			assertThat(follow.find()).as(String.valueOf(confirmation.getContent())).isTrue();
			String status = this.mvc.perform(get("/portal/orders/" + follow.group(1)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(status).contains(o.get("number").asString()).contains("id=\"lines\"");
			// a quote's link does not open an order
			assertThat(this.mvc.perform(get("/portal/orders/" + second)).andReturn().getResponse().getContentAsString())
				.contains("cannot be opened");
			assertThat(o.get("status").asString()).isEqualTo("INVOICED");
			assertThat(api.get("/api/v1/quotes/" + quote + "/sendings").json().get("data").size()).isEqualTo(2);
		}
		finally {
			smtp.stop();
		}
	}

	@Test
	void aCustomerDeclinesOnlineSayingWhy() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("99.00", "20");
		String quote = fixtures.sentQuote(fixtures.customer(), sku, "1");
		String link = api.get("/api/v1/quotes/" + quote + "/link").get("url");
		String token = link.substring(link.lastIndexOf('/') + 1);
		// no reason, no decision
		this.mvc.perform(post("/portal/quotes/" + token + "/decline").with(csrf()).param("name", "Paul Durand"));
		assertThat(api.get("/api/v1/quotes/" + quote).get("status")).isEqualTo("SENT");
		this.mvc.perform(post("/portal/quotes/" + token + "/decline").with(csrf())
			.param("name", "Paul Durand")
			.param("reason", "Budget reporté à l'an prochain"));
		assertThat(api.get("/api/v1/quotes/" + quote).get("status")).isEqualTo("DECLINED");
		assertThat(api.get("/api/v1/quotes/" + quote + "/comments").body()).contains("Budget reporté");
		// decided: the link no longer offers to sign
		this.mvc.perform(post("/portal/quotes/" + token + "/accept").with(csrf())
			.param("name", "Paul Durand")
			.param("terms", "true"));
		assertThat(api.get("/api/v1/quotes/" + quote).get("status")).isEqualTo("DECLINED");
	}

}
