package io.encaisse.invoicing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.encaisse.customers.Customers;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;
import io.encaisse.shared.mail.MailOutbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The invoices' mails through the one outbox ({@link MailOutbox}, ADR 0020): the invoice
 * or credit note mailed at issue (queued by {@link InvoiceSendingQueue}), the courtesy
 * reminder before the due date; whether a customer receives them; where they stand. The
 * mails themselves are written by {@link InvoiceMailComposer}.
 */
@Service
public class InvoiceMail {

	static final String INVOICE = "INVOICE";

	static final String REMINDER = "INVOICE_REMINDER";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Customers customers;

	private final AuditTrail audit;

	private final Today today;

	private final MailOutbox outbox;

	private final int reminderDaysBefore;

	InvoiceMail(JdbcClient jdbc, TransactionTemplate transactions, Customers customers, AuditTrail audit, Today today,
			MailOutbox outbox, @Value("${encaisse.invoicing.reminder-days-before:5}") int reminderDaysBefore) {
		this.reminderDaysBefore = reminderDaysBefore;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.customers = customers;
		this.audit = audit;
		this.today = today;
		this.outbox = outbox;
	}

	/** One sending of an invoice: channel EMAIL (the invoice) or REMINDER. */
	public record Sending(String id, String channel, String recipient, String status, int attempts, String lastError,
			Instant sentAt, Instant nextAttemptAt) {

		static Sending of(MailOutbox.Sending s) {
			return new Sending(s.id(), REMINDER.equals(s.kind()) ? "REMINDER" : "EMAIL", s.recipient(), s.status(),
					s.attempts(), s.lastError(), s.sentAt(), s.nextAttemptAt());
		}

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

	public List<Sending> of(String invoiceId) {
		return this.outbox.of(invoiceId, List.of(INVOICE, REMINDER)).stream().map(Sending::of).toList();
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
		Integer queued = this.transactions.execute(tx -> this.jdbc.sql("""
				insert into mail_outbox (id, kind, subject_id, dedupe_key, recipient, status, attempts, next_attempt_at,
				  created_at)
				select concat('mob_r_', i.id), 'INVOICE_REMINDER', i.id, concat('INVOICE_REMINDER:', i.id), c.email,
				  'QUEUED', 0, :now, :now
				from invoice i join customers_email c on c.customer_id = i.customer_id
				where i.kind = 'INVOICE' and i.status in ('ISSUED', 'PARTIALLY_PAID') and c.email is not null
				and i.due_date >= :today and i.due_date <= :until
				on conflict do nothing""")
			.param("now", this.today.instant().atOffset(ZoneOffset.UTC))
			.param("today", this.today.date())
			.param("until", this.today.date().plusDays(this.reminderDaysBefore))
			.update());
		return queued == null ? 0 : queued;
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
		if (!this.outbox.canSend()) {
			throw new Problem.StateConflict("no SMTP server is configured (SPRING_MAIL_HOST)");
		}
		Sending sending = of(invoiceId).stream()
			.filter(s -> s.channel().equals(channel))
			.findFirst()
			.orElseThrow(() -> new Problem.StateConflict("REMINDER".equals(channel)
					? "no reminder is queued for this invoice: it is not open, not due within the reminder days, or the customer has no billing email"
					: "this invoice has no mail to send: it is not issued, the customer has no billing email, or is set not to receive invoices by email"));
		return Sending.of(this.outbox.sendNow(sending.id()));
	}

}
