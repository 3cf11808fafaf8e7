package io.encaisse.collections;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.encaisse.shared.BusinessClock;
import io.encaisse.shared.Today;
import io.encaisse.shared.mail.MailOutbox;
import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four customers, each with one invoice of 1,200.00 EUR, walked through the default
 * policy on the business clock (levels at 7, 21 and 45 days, the last a formal notice):
 * one disputed (paused until the dispute is rejected, then straight to the level due),
 * one promised (paused until the promise breaks), one paid (stopped), one plain (every
 * level). GreenMail receives exactly the expected messages, once each, with two runs
 * started at once and a run repeated the same day.
 */
@EncaisseTest
class DunningJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	BusinessClock clock;

	@Autowired
	Today today;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DunningRuns runs;

	@Autowired
	MailOutbox outbox;

	@AfterEach
	void reset() {
		this.clock.reset();
	}

	@Test
	void fromTheFirstReminderToTheFormalNotice() throws Exception {
		Api api = new Api(this.port, io.encaisse.support.EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("1000.00", "20");
		Map<String, String> customers = new LinkedHashMap<>();
		Map<String, String> invoices = new LinkedHashMap<>();
		String tag = Fixtures.unique("dun").toLowerCase();
		for (String who : List.of("disputed", "promised", "paid", "plain")) {
			String customer = fixtures.customer();
			this.jdbc.sql("update customer set email = :e where id = :id")
				.param("e", email(tag, who))
				.param("id", customer)
				.update();
			customers.put(who, customer);
			invoices.put(who, fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1"));
		}
		Api.Response plain = api.get("/api/v1/invoices/" + invoices.get("plain"));
		assertThat(plain.get("total")).isEqualTo("1200.00");
		LocalDate due = LocalDate.parse(plain.get("dueDate"));
		GreenMail smtp = new GreenMail(new ServerSetup(3025, "localhost", "smtp"));
		smtp.start();
		try {
			// the policy's courtesy reminder, five days before the due date, once
			travelTo(due.minusDays(3));
			run(api);
			run(api);
			for (String invoice : invoices.values()) {
				this.outbox.byKey("INVOICE_REMINDER:" + invoice).ifPresent(s -> this.outbox.sendNow(s.id()));
			}
			for (String who : customers.keySet()) {
				assertThat(subjects(smtp, email(tag, who))).singleElement()
					.satisfies(s -> assertThat(s).startsWith("Rappel : la facture"));
			}

			travelTo(due.plusDays(3));
			Api.Response dispute = api.post("/api/v1/invoices/" + invoices.get("disputed") + "/disputes",
					map("reason", "PRICE", "message", "Not the price of our agreement"));
			assertThat(dispute.status()).as(dispute.toString()).isEqualTo(201);
			assertThat(dispute.get("amount")).isEqualTo("1200.00");
			Api.Response promise = api.post("/api/v1/customers/" + customers.get("promised") + "/promises",
					map("promisedOn", due.plusDays(15).toString(), "invoiceIds", List.of(invoices.get("promised"))));
			assertThat(promise.status()).as(promise.toString()).isEqualTo(201);

			// first level; two runs started at once send it once
			travelTo(due.plusDays(7));
			ExecutorService two = Executors.newFixedThreadPool(2);
			try {
				List<Future<Api.Response>> started = two.invokeAll(List
					.of(() -> api.post("/api/v1/dunning-runs", map()), () -> api.post("/api/v1/dunning-runs", map())));
				for (Future<Api.Response> f : started) {
					assertThat(f.get().status()).as(f.get().toString()).isEqualTo(201);
				}
			}
			finally {
				two.shutdown();
			}
			deliver(customers);
			assertThat(received(smtp, tag)).containsExactly(entry("paid", 1), entry("plain", 1));

			// paid in full: no more reminders
			travelTo(due.plusDays(8));
			Api.Response payment = api.post("/api/v1/payments",
					map("amount", "1200.00", "currency", "EUR", "reference",
							api.get("/api/v1/invoices/" + invoices.get("paid")).get("number"), "customerId",
							customers.get("paid"), "receivedOn", due.plusDays(8).toString()));
			assertThat(payment.status()).as(payment.toString()).isEqualTo(201);

			// the promise broke: dunning resumes at the level due
			travelTo(due.plusDays(16));
			run(api);
			deliver(customers);
			assertThat(api.get("/api/v1/promises/" + promise.get("id")).get("status")).isEqualTo("BROKEN");
			assertThat(received(smtp, tag)).containsExactly(entry("promised", 1), entry("paid", 1), entry("plain", 1));

			travelTo(due.plusDays(21));
			run(api);
			deliver(customers);
			assertThat(received(smtp, tag)).containsExactly(entry("promised", 2), entry("paid", 1), entry("plain", 2));

			// the dispute rejected: the invoice is dunned again, at the level due then
			Api.Response rejected = api.post("/api/v1/disputes/" + dispute.get("id") + "/resolve",
					map("resolution", "REJECTED", "note", "The price is the one of quote and order"));
			assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
			assertThat(rejected.get("status")).isEqualTo("REJECTED");

			travelTo(due.plusDays(45));
			run(api);
			run(api);
			deliver(customers);
			assertThat(received(smtp, tag)).containsExactly(entry("disputed", 1), entry("promised", 3),
					entry("paid", 1), entry("plain", 3));
			assertThat(subjects(smtp, email(tag, "disputed"))).filteredOn(s -> !s.startsWith("Rappel"))
				.singleElement()
				.satisfies(s -> assertThat(s).startsWith("Mise en demeure de payer 1 200,00 €"));
			assertThat(subjects(smtp, email(tag, "plain"))).filteredOn(s -> !s.startsWith("Rappel"))
				.hasSize(3)
				.filteredOn(s -> s.startsWith("Relance : 1 facture(s) échue(s)"))
				.hasSize(2);

			// each reminder carries the statement of account at the day it left
			MimeMessage notice = Arrays.stream(smtp.getReceivedMessages())
				.filter(m -> to(m).contains(email(tag, "disputed")) && !subject(m).startsWith("Rappel"))
				.findFirst()
				.orElseThrow();
			jakarta.mail.Multipart parts = (jakarta.mail.Multipart) notice.getContent();
			assertThat(parts.getCount()).as("the text, the statement, the invoice").isEqualTo(3);
			assertThat(parts.getBodyPart(1).getFileName()).startsWith("releve-de-compte-");
			assertThat(parts.getBodyPart(2).getFileName()).startsWith("FA-").endsWith(".pdf");
			assertThat(text(parts.getBodyPart(0))).contains("mettons en demeure")
				.contains("45 jours de retard")
				.contains("IBAN")
				.contains("/portal/account/");

			// what the customer's history and the late charges say
			Api.Response reminders = api.get("/api/v1/customers/" + customers.get("plain") + "/reminders");
			assertThat(reminders.json().get("data").valueStream().map(m -> m.get("level").asInt()).toList())
				.containsExactlyInAnyOrder(1, 2, 3);
			Api.Response charges = api
				.get("/api/v1/invoices/" + invoices.get("plain") + "/late-charges?asOf=" + due.plusDays(45));
			assertThat(charges.status()).as(charges.toString()).isEqualTo(200);
			assertThat(charges.json().get("daysLate").asInt()).isEqualTo(45);
			// 1200 x (ECB 2.15 + 10) x 45 / 36500 = 17.975... (the last published
			// half-year
			// rate carries on until the next is entered)
			assertThat(charges.get("interest")).isEqualTo("17.98");
			assertThat(charges.get("indemnity")).isEqualTo("40.00");
		}
		finally {
			smtp.stop();
		}
	}

	/** The first plain-text part, however deep. */
	private static String text(jakarta.mail.Part part) throws Exception {
		if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = text(multipart.getBodyPart(i));
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		return part.isMimeType("text/plain") ? String.valueOf(part.getContent()) : null;
	}

	private static Map.Entry<String, Integer> entry(String who, int mails) {
		return Map.entry(who, mails);
	}

	private static String email(String tag, String who) {
		return who + "-" + tag + "@collections.example";
	}

	private void run(Api api) {
		Api.Response run = api.post("/api/v1/dunning-runs", map());
		assertThat(run.status()).as(run.toString()).isEqualTo(201);
	}

	/**
	 * Sends the reminders of these customers waiting in the outbox (the job is off in
	 * tests).
	 */
	private void deliver(Map<String, String> customers) {
		for (String customer : customers.values()) {
			for (DunningRuns.Message m : this.runs.ofCustomer(customer)) {
				this.outbox.byKey("DUNNING:" + m.id()).ifPresent(s -> this.outbox.sendNow(s.id()));
			}
		}
	}

	/** How many mails each of the four received, the ones with none left out. */
	private static Map<String, Integer> received(GreenMail smtp, String tag) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String who : List.of("disputed", "promised", "paid", "plain")) {
			// the courtesy reminder before the due date apart
			int n = (int) subjects(smtp, email(tag, who)).stream().filter(x -> !x.startsWith("Rappel")).count();
			if (n > 0) {
				counts.put(who, n);
			}
		}
		return counts;
	}

	private static List<String> subjects(GreenMail smtp, String to) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).contains(to)).map(m -> {
			try {
				return m.getSubject();
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String to(MimeMessage message) {
		try {
			Address[] to = message.getRecipients(Message.RecipientType.TO);
			return to == null ? "" : Arrays.toString(to);
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void travelTo(LocalDate day) {
		long days = ChronoUnit.DAYS.between(this.today.date(), day);
		if (days > 0) {
			this.clock.travelBy(Duration.ofDays(days));
		}
	}

}
