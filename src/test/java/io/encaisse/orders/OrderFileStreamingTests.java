package io.encaisse.orders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.encaisse.shared.BusinessClock;
import io.encaisse.shared.mail.MailOutbox;
import io.encaisse.shared.mail.RetryPolicy;
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
 * A file of orders is read as a stream and written in chunks, yet stays all or nothing;
 * the lines of an order follow one another; confirmations go through an outbox: a handful
 * mailed at once, a file's worth by the job, failures tried again and given up after the
 * last attempt, never mailed twice.
 */
@EncaisseTest
class OrderFileStreamingTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MailOutbox outbox;

	@Autowired
	BusinessClock clock;

	@AfterEach
	void reset() {
		this.clock.reset();
	}

	private static String csv(String customer, String prefix, int orders) {
		StringBuilder csv = new StringBuilder("customer,reference,item,quantity\n");
		for (int o = 0; o < orders; o++) {
			csv.append(customer).append(',').append(prefix).append(o).append(",ITEM,1\n");
			csv.append(customer).append(',').append(prefix).append(o).append(",ITEM,2\n");
		}
		return csv.toString();
	}

	private long ordersWithReference(String prefix) {
		return this.jdbc.sql("select count(*) from customer_order where external_reference like :p")
			.param("p", prefix + "%")
			.query(Long.class)
			.single();
	}

	@Test
	void aFileLongerThanAChunkIsRefusedWholeForOneBadLineAtItsEnd() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("1.00", "20");
		String prefix = Fixtures.unique("PO");
		// 600 orders of two lines: more than one chunk of 500 written before the bad line
		String file = csv(customer, prefix + "-", 600).replace("ITEM", sku) + customer + "," + prefix + "-last," + sku
				+ ",deux\n";
		Api.Response refused = api.csv("/api/v1/orders/import", file.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("\"line\":1202").contains("quantity");
		assertThat(ordersWithReference(prefix)).isZero();

		// fixed, the same file is taken in whole, its numbers consecutive
		Api.Response taken = api.csv("/api/v1/orders/import",
				csv(customer, prefix + "-", 600).replace("ITEM", sku).getBytes(StandardCharsets.UTF_8));
		assertThat(taken.status()).as(taken.body()).isEqualTo(200);
		assertThat(ordersWithReference(prefix)).isEqualTo(600);
		List<Long> numbers = this.jdbc.sql("""
				select cast(substring(number, 9) as bigint) from customer_order where external_reference like :p
				order by number""").param("p", prefix + "%").query(Long.class).list();
		assertThat(numbers.get(599) - numbers.get(0)).isEqualTo(599);
		assertThat(this.jdbc.sql("""
				select count(*) from order_line l join customer_order o on o.id = l.order_id
				where o.external_reference like :p""").param("p", prefix + "%").query(Long.class).single())
			.isEqualTo(1200);
		// sent again, each is a duplicate kept on hold, none dropped
		Api.Response again = api.csv("/api/v1/orders/import",
				csv(customer, prefix + "-", 3).replace("ITEM", sku).getBytes(StandardCharsets.UTF_8));
		assertThat(again.body()).contains("ON_HOLD").contains("duplicate: order CO-").doesNotContain("CONFIRMED");
	}

	@Test
	void theLinesOfAnOrderFollowOneAnother() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("1.00", "20");
		String prefix = Fixtures.unique("PO");
		String file = "customer,reference,item,quantity\n" + customer + "," + prefix + "-A," + sku + ",1\n" + customer
				+ "," + prefix + "-B," + sku + ",1\n" + customer + "," + prefix + "-A," + sku + ",1\n";
		Api.Response refused = api.csv("/api/v1/orders/import", file.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("\"line\":4").contains("keep the lines of an order together");
		assertThat(ordersWithReference(prefix)).isZero();
	}

	@Test
	void aFileWorthOfConfirmationsIsMailedByTheJobOnceEach() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("1.00", "20");
		String prefix = Fixtures.unique("PO");
		GreenMail smtp = new GreenMail(new ServerSetup(3025, "localhost", "smtp"));
		smtp.start();
		try {
			Api.Response taken = api.csv("/api/v1/orders/import",
					csv(customer, prefix + "-", 30).replace("ITEM", sku).getBytes(StandardCharsets.UTF_8));
			assertThat(taken.status()).as(taken.body()).isEqualTo(200);
			List<String> numbers = taken.json().get("data").valueStream().map(r -> r.get("number").asString()).toList();
			assertThat(numbers).hasSize(30);
			// more than a handful: nothing mailed during the request
			assertThat(mailsFor(smtp, numbers)).isZero();
			this.outbox.sendDue(1000, List.of("ORDER_CONFIRMATION"));
			assertThat(mailsFor(smtp, numbers)).isEqualTo(30);
			this.outbox.sendDue(1000, List.of("ORDER_CONFIRMATION"));
			assertThat(mailsFor(smtp, numbers)).isEqualTo(30);
			assertThat(this.jdbc.sql("""
					select count(*) from mail_outbox c join customer_order o on o.id = c.subject_id
					where c.kind = 'ORDER_CONFIRMATION' and o.external_reference like :p and c.status = 'SENT'
					and c.attempts = 1""").param("p", prefix + "%").query(Long.class).single()).isEqualTo(30);
		}
		finally {
			smtp.stop();
		}
	}

	private static long mailsFor(GreenMail smtp, List<String> numbers) {
		return numbers.stream().mapToLong(n -> io.encaisse.support.Mails.withSubject(smtp, n + " ").size()).sum();
	}

	@Test
	void aConfirmationThatCannotLeaveIsTriedAgainLaterThenGivenUp() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("1.00", "20");
		// no SMTP server listens: each attempt fails
		String order = api
			.post("/api/v1/orders",
					java.util.Map.of("customer", customer, "lines",
							List.of(java.util.Map.of("sku", sku, "quantity", "1"))))
			.get("id");
		assertThat(status(order)).startsWith("FAILED 1 ");
		this.outbox.sendDue(1000, List.of("ORDER_CONFIRMATION"));
		// not due yet: the delay grows with each attempt (the one outbox's policy)
		assertThat(status(order)).startsWith("FAILED 1 ");
		for (int attempt = 2; attempt <= RetryPolicy.MAX_ATTEMPTS; attempt++) {
			this.clock.travelBy(Duration.ofMinutes(1L << attempt));
			this.outbox.sendDue(1000, List.of("ORDER_CONFIRMATION"));
			assertThat(status(order)).startsWith("FAILED " + attempt + " ");
		}
		// spent: not due any more
		this.clock.travelBy(Duration.ofDays(1));
		this.outbox.sendDue(1000, List.of("ORDER_CONFIRMATION"));
		assertThat(status(order)).startsWith("FAILED " + RetryPolicy.MAX_ATTEMPTS + " ");
		assertThat(status(order)).contains("Mail server connection failed").as("the last error is kept");

		// a customer without an address: nothing to try again
		String silent = fixtures.customer();
		this.jdbc.sql("update customer set email = null where id = :id").param("id", silent).update();
		String quiet = api
			.post("/api/v1/orders",
					java.util.Map.of("customer", silent, "lines",
							List.of(java.util.Map.of("sku", sku, "quantity", "1"))))
			.get("id");
		assertThat(status(quiet)).startsWith("SKIPPED 1 ").contains("no billing email");
	}

	private String status(String orderId) {
		return this.jdbc.sql(
				"select status || ' ' || attempts || ' ' || coalesce(last_error, '') from mail_outbox where dedupe_key = :k")
			.param("k", "ORDER_CONFIRMATION:" + orderId)
			.query(String.class)
			.single();
	}

}
