package io.encaisse.quotes;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.shared.AfterCommit;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Today;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * A sent quote is mailed to the customer's billing address, in their language, with the
 * link where they read, comment, accept or decline it. Each mailing is recorded (SENT or
 * FAILED with the reason); it can be sent again from the quote.
 */
@Component
public class QuoteMail {

	private final JdbcClient jdbc;

	private final Quotes quotes;

	private final QuotePortal portal;

	private final Customers customers;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final Today today;

	private final JavaMailSender mail;

	private final String from;

	private final io.encaisse.shared.SignedLinks links;

	private final QuotePdf pdf;

	QuoteMail(JdbcClient jdbc, Quotes quotes, QuotePortal portal, Customers customers, MessageSource messages,
			AuditTrail audit, Today today, ObjectProvider<JavaMailSender> mail,
			@Value("${encaisse.seller.email:facturation@atelier-numerique.example}") String from,
			io.encaisse.shared.SignedLinks links, QuotePdf pdf) {
		this.pdf = pdf;
		this.jdbc = jdbc;
		this.quotes = quotes;
		this.portal = portal;
		this.customers = customers;
		this.messages = messages;
		this.audit = audit;
		this.today = today;
		this.mail = mail.getIfAvailable();
		this.from = from;
		this.links = links;
	}

	public record Sending(String id, int revision, String recipient, String status, String lastError,
			java.time.Instant sentAt) {
	}

	@AfterCommit
	void on(QuoteSent sent) {
		send(sent.quoteId());
	}

	/** The customer's link to the quote's current revision. */
	public String link(String quoteId) {
		return this.links.url("/portal/quotes/" + this.portal.token(quoteId));
	}

	/** Mails the quote's current revision with its link; answers the sending. */
	public Sending send(String quoteId) {
		QuoteView quote = this.quotes.get(quoteId);
		CustomerDetails customer = this.customers.get(quote.customerId());
		String id = Ids.next("qsn");
		String to = customer.email();
		String status;
		String error = null;
		if (to == null || to.isBlank()) {
			status = "FAILED";
			error = NO_ADDRESS;
		}
		else if (this.mail == null) {
			status = "FAILED";
			error = "no SMTP server is configured (SPRING_MAIL_HOST)";
		}
		else {
			try {
				Locale locale = Locale.forLanguageTag(customer.language() == null ? "fr" : customer.language());
				Object[] args = { quote.number(), quote.totals().total().toPlainString() + " " + quote.currency(),
						String.valueOf(quote.validUntil()), link(quoteId) };
				MimeMessage message = this.mail.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
				helper.setFrom(this.from);
				helper.setTo(to);
				helper.setSubject(this.messages.getMessage("mail.quote.subject", args, locale));
				helper.setText(this.messages.getMessage("mail.quote.body", args, locale));
				// the quote itself, printed, beside the link where it is signed
				helper.addAttachment(quote.number() + "-r" + quote.revision() + ".pdf",
						new org.springframework.core.io.ByteArrayResource(this.pdf.render(quote)), "application/pdf");
				this.mail.send(message);
				status = "SENT";
			}
			catch (jakarta.mail.MessagingException | RuntimeException ex) {
				status = "FAILED";
				error = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
			}
		}
		this.jdbc.sql("""
				insert into quote_sending (id, quote_id, revision, recipient, status, last_error, sent_at, attempted_at)
				values (:id, :q, :r, :to, :s, :e, :at, :tried)""")
			.param("tried", this.today.instant().atOffset(ZoneOffset.UTC))
			.param("id", id)
			.param("q", quoteId)
			.param("r", quote.revision())
			.param("to", to == null ? "" : to)
			.param("s", status)
			.param("e", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
			.param("at", "SENT".equals(status) ? this.today.instant().atOffset(ZoneOffset.UTC) : null)
			.update();
		this.audit.record(Quotes.DOCUMENT, quoteId, "SENT".equals(status) ? "mailed" : "mailing failed",
				AuditTrail.changes("to", to, "revision", quote.revision(), "reason", error));
		return of(quoteId).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
	}

	static final int MAX_ATTEMPTS = 5;

	/**
	 * Mails again the quotes whose mailing failed (the server was down, say): the current
	 * revision of a quote still on offer, never mailed, after 2, 4, 8, 16 minutes, five
	 * tries in all. A customer without an address is not tried again: someone must add
	 * one. Answers how many left.
	 */
	public int retryFailed() {
		java.time.Instant now = this.today.instant();
		List<Object[]> failed = this.jdbc.sql("""
				select q.id, count(*), max(s.attempted_at) from quote q
				join quote_sending s on s.quote_id = q.id and s.revision = q.revision
				where q.status = 'SENT' and q.valid_until >= :today
				group by q.id
				having sum(case when s.status = 'SENT' then 1 else 0 end) = 0
				and sum(case when s.last_error = :noAddress then 1 else 0 end) = 0
				and sum(case when s.attempted_at is null then 1 else 0 end) = 0
				and count(*) < :max""")
			.param("today", this.today.date())
			.param("noAddress", NO_ADDRESS)
			.param("max", MAX_ATTEMPTS)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getInt(2), rs.getTimestamp(3) })
			.list();
		int left = 0;
		for (Object[] f : failed) {
			java.sql.Timestamp last = (java.sql.Timestamp) f[2];
			java.time.Duration wait = java.time.Duration.ofMinutes(1L << Math.min((Integer) f[1], 10));
			if (last == null || !last.toInstant().plus(wait).isAfter(now)) {
				if ("SENT".equals(send((String) f[0]).status())) {
					left++;
				}
			}
		}
		return left;
	}

	private static final String NO_ADDRESS = "the customer has no billing email";

	public List<Sending> of(String quoteId) {
		return this.jdbc.sql("""
				select id, revision, recipient, status, last_error, sent_at from quote_sending where quote_id = :q
				order by id""")
			.param("q", quoteId)
			.query((rs, n) -> new Sending(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
			.list();
	}

}
