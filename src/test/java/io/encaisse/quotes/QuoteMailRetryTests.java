package io.encaisse.quotes;

import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.encaisse.shared.BusinessClock;
import io.encaisse.shared.mail.MailOutbox;
import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quote whose mailing failed (the mail server was down) is mailed again by the one
 * outbox's job once its delay has passed, and once only; a customer without an address is
 * not retried; a quote revised since is not mailed at its old revision.
 */
@EncaisseTest
class QuoteMailRetryTests {

	@LocalServerPort
	int port;

	@Autowired
	QuoteMail mail;

	@Autowired
	BusinessClock clock;

	@Autowired
	MailOutbox outbox;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void reset() {
		this.clock.reset();
	}

	private List<String> statuses(String quoteId) {
		return this.mail.of(quoteId).stream().map(QuoteMail.Sending::status).toList();
	}

	@Test
	void aQuoteThatCouldNotBeMailedIsMailedLaterOnce() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("10.00", "20");
		// no mail server listens yet
		String quote = fixtures.sentQuote(customer, sku, "1");
		assertThat(statuses(quote)).containsExactly("FAILED");
		this.outbox.sendDue(1000, List.of("QUOTE"));
		// too early: the first delay has not passed
		assertThat(statuses(quote)).containsExactly("FAILED");
		GreenMail smtp = new GreenMail(new ServerSetup(3025, "localhost", "smtp"));
		smtp.start();
		try {
			this.clock.travelBy(Duration.ofMinutes(3));
			this.outbox.sendDue(1000, List.of("QUOTE"));
			assertThat(statuses(quote)).containsExactly("SENT");
			String number = api.get("/api/v1/quotes/" + quote).get("number");
			this.clock.travelBy(Duration.ofMinutes(30));
			this.outbox.sendDue(1000, List.of("QUOTE"));
			assertThat(statuses(quote)).containsExactly("SENT");
			assertThat(this.mail.of(quote).get(0).revision()).isEqualTo(1);
			assertThat(io.encaisse.support.Mails.withSubject(smtp, number)).hasSize(1);

			// without an address, nothing to try again
			String silent = fixtures.customer();
			this.jdbc.sql("update customer set email = null where id = :id").param("id", silent).update();
			String unsent = fixtures.sentQuote(silent, sku, "1");
			this.clock.travelBy(Duration.ofMinutes(30));
			this.outbox.sendDue(1000, List.of("QUOTE"));
			assertThat(statuses(unsent)).containsExactly("SKIPPED");
			assertThat(this.mail.of(unsent).get(0).lastError()).contains("no billing email");
		}
		finally {
			smtp.stop();
		}
	}

}
