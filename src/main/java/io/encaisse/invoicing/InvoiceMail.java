package io.encaisse.invoicing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends issued invoices by email with their Factur-X attached, in the customer's
 * language. A sending is claimed (SENDING) and committed before the mail leaves, so a
 * mail is never sent twice; an SMTP failure leaves it FAILED with the reason and the next
 * attempt after 1, 2, 4... minutes, up to 8 attempts. Without an SMTP server configured
 * sendings stay QUEUED.
 */
@Service
public class InvoiceMail {

	static final int MAX_ATTEMPTS = 8;

	/** The header each mail carries with its sending's id. */
	static final String BOUNCE_HEADER = "X-Encaisse-Sending";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Invoicing invoicing;

	private final Customers customers;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final Today today;

	private final JavaMailSender mail;

	private final String from;

	private final int reminderDaysBefore;

	InvoiceMail(JdbcClient jdbc, TransactionTemplate transactions, Invoicing invoicing, Customers customers,
			MessageSource messages, AuditTrail audit, Today today, ObjectProvider<JavaMailSender> mail,
			@Value("${encaisse.seller.email:facturation@atelier-numerique.example}") String from,
			@Value("${encaisse.invoicing.reminder-days-before:5}") int reminderDaysBefore) {
		this.reminderDaysBefore = reminderDaysBefore;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.invoicing = invoicing;
		this.customers = customers;
		this.messages = messages;
		this.audit = audit;
		this.today = today;
		this.mail = mail.getIfAvailable();
		this.from = from;
	}

	/** One sending of an invoice. */
	public record Sending(String id, String channel, String recipient, String status, int attempts, String lastError,
			Instant sentAt, Instant nextAttemptAt) {
	}

	/**
	 * Whether the customer's invoices are mailed at issue (yes unless told otherwise).
	 */
	public boolean byEmail(String customerId) {
		return this.jdbc.sql("select by_email from invoice_delivery_setting where customer_id = :c")
			.param("c", customerId)
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	/**
	 * Sets whether the customer's invoices are mailed at issue; audited on the customer.
	 */
	public boolean setByEmail(String customerId, Boolean byEmail) {
		if (byEmail == null) {
			throw new Problem.Invalid("byEmail", "is required: true or false");
		}
		if (this.customers.find(customerId).isEmpty()) {
			throw new Problem.NotFound("customer", customerId);
		}
		this.transactions.executeWithoutResult(tx -> {
			this.jdbc.sql("delete from invoice_delivery_setting where customer_id = :c")
				.param("c", customerId)
				.update();
			this.jdbc.sql("""
					insert into invoice_delivery_setting (customer_id, by_email, updated_at) values (:c, :e, :at)""")
				.param("c", customerId)
				.param("e", byEmail)
				.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
				.update();
			this.audit.record("customer", customerId, "invoice delivery", AuditTrail.changes("byEmail", byEmail));
		});
		return byEmail;
	}

	/**
	 * A mail came back (a delivery status notification): the sending, found by its id or
	 * by the Message-ID it left with, is BOUNCED with the receiving server's reason.
	 * Answers whether a sent mail was found.
	 */
	public boolean bounced(String sendingId, String messageId, String reason) {
		return Boolean.TRUE.equals(this.transactions.execute(tx -> {
			var found = this.jdbc.sql("""
					select id, invoice_id, recipient from invoice_sending
					where status = 'SENT' and (id = :id or message_id = :mid)""")
				.param("id", sendingId == null ? "" : sendingId)
				.param("mid", messageId == null ? "" : messageId)
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
				.list();
			for (String[] f : found) {
				String why = reason == null ? "returned by the receiving server" : reason;
				this.jdbc.sql("update invoice_sending set status = 'BOUNCED', last_error = :why where id = :id")
					.param("why", why.length() <= 500 ? why : why.substring(0, 500))
					.param("id", f[0])
					.update();
				this.audit.record(Invoicing.DOCUMENT, f[1], "mail bounced",
						AuditTrail.changes("to", f[2], "reason", why));
			}
			return !found.isEmpty();
		}));
	}

	public List<Sending> of(String invoiceId) {
		return this.jdbc.sql("""
				select id, channel, recipient, status, attempts, last_error, sent_at, next_attempt_at
				from invoice_sending where invoice_id = :id order by created_at""")
			.param("id", invoiceId)
			.query((rs, i) -> new Sending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
					rs.getTimestamp(8).toInstant()))
			.list();
	}

	/**
	 * Queues the courtesy reminder of every open invoice due within the next
	 * {@code reminder-days-before} days (once per invoice), for customers with a billing
	 * email; answers how many were queued.
	 */
	public int queueReminders() {
		if (this.reminderDaysBefore <= 0) {
			return 0;
		}
		Integer queued = this.transactions.execute(tx -> this.jdbc
			.sql("""
					insert into invoice_sending (id, invoice_id, channel, recipient, status, attempts, next_attempt_at, created_at)
					select concat('snd_r_', i.id), i.id, 'REMINDER', c.email, 'QUEUED', 0, :now, :now
					from invoice i join customers_email c on c.customer_id = i.customer_id
					where i.kind = 'INVOICE' and i.status in ('ISSUED', 'PARTIALLY_PAID') and c.email is not null
					and i.due_date >= :today and i.due_date <= :until
					and not exists (select 1 from invoice_sending s where s.invoice_id = i.id and s.channel = 'REMINDER')""")
			.param("now", this.today.instant().atOffset(ZoneOffset.UTC))
			.param("today", this.today.date())
			.param("until", this.today.date().plusDays(this.reminderDaysBefore))
			.update());
		return queued == null ? 0 : queued;
	}

	/** Sends what is due (queued, or failed and due again), at most {@code max}. */
	public int sendDue(int max) {
		if (this.mail == null) {
			return 0;
		}
		List<String> due = this.jdbc.sql("""
				select id from invoice_sending where status in ('QUEUED', 'FAILED') and next_attempt_at <= :now
				and attempts < :max order by next_attempt_at limit :limit""")
			.param("now", this.today.instant().atOffset(ZoneOffset.UTC))
			.param("max", MAX_ATTEMPTS)
			.param("limit", max)
			.query(String.class)
			.list();
		due.forEach(this::send);
		return due.size();
	}

	/**
	 * A person (or a test) sends an invoice's mail now, whatever the backoff; a mail sent
	 * already is not sent again.
	 */
	public Sending sendNow(String invoiceId) {
		return sendNow(invoiceId, "EMAIL");
	}

	/**
	 * The same for one channel: EMAIL (the invoice) or REMINDER (the courtesy reminder).
	 */
	public Sending sendNow(String invoiceId, String channel) {
		Sending sending = of(invoiceId).stream()
			.filter(s -> s.channel().equals(channel))
			.findFirst()
			.orElseThrow(() -> new Problem.StateConflict(
					"this invoice has no mail to send: the customer has no billing email, or it is not issued"));
		if (this.mail == null) {
			throw new Problem.StateConflict("no SMTP server is configured (SPRING_MAIL_HOST)");
		}
		if (!sending.status().equals("SENT") && !sending.status().equals("SENDING")) {
			send(sending.id());
		}
		return of(invoiceId).stream().filter(s -> s.id().equals(sending.id())).findFirst().orElseThrow();
	}

	private void send(String sendingId) {
		// claim: only one node, one thread, one attempt at a time
		Integer claimed = this.transactions.execute(tx -> this.jdbc.sql("""
				update invoice_sending set status = 'SENDING', attempts = attempts + 1
				where id = :id and status in ('QUEUED', 'FAILED')""").param("id", sendingId).update());
		if (claimed == null || claimed == 0) {
			return;
		}
		var row = this.jdbc.sql("select invoice_id, recipient, attempts, channel from invoice_sending where id = :id")
			.param("id", sendingId)
			.query((rs, i) -> new Object[] { rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4) })
			.single();
		String invoiceId = (String) row[0];
		String recipient = (String) row[1];
		int attempts = (Integer) row[2];
		boolean reminder = "REMINDER".equals(row[3]);
		try {
			InvoiceView invoice = this.invoicing.get(invoiceId);
			Optional<CustomerDetails> customer = this.customers.find(invoice.customerId());
			Locale locale = Locale.forLanguageTag(customer.map(CustomerDetails::language).orElse("fr"));
			MimeMessage message = this.mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(recipient);
			String kind = reminder ? "mail.reminder"
					: invoice.kind().equals("CREDIT_NOTE") ? "mail.creditNote" : "mail.invoice";
			Object[] args = { invoice.number(),
					(reminder ? invoice.amountDue() : invoice.total()).toPlainString() + " " + invoice.currency(),
					String.valueOf(invoice.dueDate()),
					invoice.paymentReference() == null ? "" : invoice.paymentReference() };
			helper.setSubject(this.messages.getMessage(kind + ".subject", args, locale));
			helper.setText(this.messages.getMessage(kind + ".body", args, locale));
			helper.addAttachment(invoice.number() + ".pdf",
					new ByteArrayResource(this.invoicing.document(invoiceId, "pdf")), "application/pdf");
			// a bounce quotes the original headers: this one names the sending directly
			message.setHeader(BOUNCE_HEADER, sendingId);
			this.mail.send(message);
			String messageId = message.getMessageID();
			this.transactions.executeWithoutResult(tx -> {
				this.jdbc.sql("""
						update invoice_sending set status = 'SENT', sent_at = :at, last_error = null, message_id = :mid
						where id = :id""")
					.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
					.param("mid", messageId)
					.param("id", sendingId)
					.update();
				this.audit.record(Invoicing.DOCUMENT, invoiceId, reminder ? "reminder sent" : "sent",
						AuditTrail.changes("to", recipient));
			});
		}
		catch (jakarta.mail.MessagingException | RuntimeException ex) {
			String reason = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
			Instant next = this.today.instant().plus(Duration.ofMinutes(1L << Math.min(attempts - 1, 10)));
			this.transactions.executeWithoutResult(tx -> {
				this.jdbc.sql("""
						update invoice_sending set status = 'FAILED', last_error = :reason, next_attempt_at = :next
						where id = :id""")
					.param("reason", reason.length() <= 500 ? reason : reason.substring(0, 500))
					.param("next", next.atOffset(ZoneOffset.UTC))
					.param("id", sendingId)
					.update();
				this.audit.record(Invoicing.DOCUMENT, invoiceId, "sending failed",
						AuditTrail.changes("to", recipient, "attempt", attempts, "reason", reason));
			});
		}
	}

}
