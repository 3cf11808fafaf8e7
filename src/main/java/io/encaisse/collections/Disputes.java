package io.encaisse.collections;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import io.encaisse.invoicing.InvoiceView;
import io.encaisse.invoicing.Invoicing;
import io.encaisse.shared.Amounts;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disputes on issued invoices: opened with a reason and the amount disputed (the open
 * amount unless said), owned and due, resolved (by a credit note, a corrected invoice) or
 * rejected with a note. While a dispute is open, dunning pauses on its amount.
 */
@Service
@Transactional(readOnly = true)
public class Disputes {

	static final String DOCUMENT = "dispute";

	private final JdbcClient jdbc;

	private final Invoicing invoicing;

	private final AuditTrail audit;

	private final Today today;

	private final io.encaisse.invoicing.CreditNotes creditNotes;

	private final io.encaisse.customers.Customers customers;

	private final org.springframework.context.MessageSource messages;

	Disputes(JdbcClient jdbc, Invoicing invoicing, AuditTrail audit, Today today,
			io.encaisse.invoicing.CreditNotes creditNotes, io.encaisse.customers.Customers customers,
			org.springframework.context.MessageSource messages) {
		this.customers = customers;
		this.messages = messages;
		this.creditNotes = creditNotes;
		this.jdbc = jdbc;
		this.invoicing = invoicing;
		this.audit = audit;
		this.today = today;
	}

	public enum Status {

		OPEN, RESOLVED, REJECTED

	}

	/** How a dispute ends. */
	public enum Resolution {

		CREDIT_NOTE, CORRECTED_INVOICE, REJECTED

	}

	public record Dispute(String id, String invoiceId, String invoiceNumber, String customerId, DisputeReason reason,
			String amount, String currency, Status status, String owner, LocalDate dueOn, String message,
			String openedBy, Instant openedAt, Resolution resolution, String resolutionNote, Instant resolvedAt,
			long version, List<Integer> lines, String creditNoteId) {

		/** Days from opened to resolved (null while open). */
		@com.fasterxml.jackson.annotation.JsonProperty
		public Long resolutionDays() {
			return this.resolvedAt == null ? null : java.time.Duration.between(this.openedAt, this.resolvedAt).toDays();
		}

	}

	/**
	 * A dispute asked for: {@code lines} the invoice's line numbers it is about (none:
	 * all).
	 */
	public record Input(String reason, String amount, String owner, LocalDate dueOn, String message,
			List<Integer> lines) {

		public Input(String reason, String amount, String owner, LocalDate dueOn, String message) {
			this(reason, amount, owner, dueOn, message, null);
		}

	}

	public record Change(String owner, LocalDate dueOn, String message) {
	}

	/**
	 * How a dispute ends. CREDIT_NOTE: the credit note billing issued
	 * ({@code creditNoteId}), or one issued now for {@code creditAmount} net (nothing:
	 * the whole invoice) by someone who may bill.
	 */
	public record ResolutionInput(String resolution, String note, String creditNoteId, String creditAmount) {

		public ResolutionInput(String resolution, String note) {
			this(resolution, note, null, null);
		}

	}

	@Transactional
	public Dispute open(String invoiceId, Input input) {
		InvoiceView invoice = this.invoicing.get(invoiceId);
		Problem.Errors errors = new Problem.Errors();
		if (invoice.number() == null || !"INVOICE".equals(invoice.kind())) {
			throw new Problem.StateConflict("only an issued invoice can be disputed");
		}
		if (!invoice.status().isOpen()) {
			throw new Problem.StateConflict(
					"invoice " + invoice.number() + " is " + invoice.status() + ": nothing is left to dispute");
		}
		DisputeReason reason = reason(errors, input == null ? null : input.reason());
		BigDecimal open = invoice.amountDue().amount();
		BigDecimal amount = input == null || input.amount() == null || input.amount().isBlank() ? open
				: Amounts.positive(errors, "amount", input.amount(), 2);
		if (amount != null && amount.compareTo(open) > 0) {
			errors.add("amount", "must not exceed what is open on the invoice (" + open.toPlainString() + " "
					+ invoice.currency() + ")");
		}
		if (input != null && input.message() != null && input.message().length() > 2000) {
			errors.add("message", "must not exceed 2000 characters");
		}
		List<Integer> lines = input == null || input.lines() == null ? List.of()
				: input.lines().stream().map(l -> l == null ? 0 : l).distinct().sorted().toList();
		if (lines.size() > 40) {
			errors.add("lines", "name at most 40 lines (none: the whole invoice)");
		}
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i) == null || lines.get(i) < 1 || lines.get(i) > invoice.lines().size()) {
				errors.add("lines[" + i + "]", "the invoice has lines 1 to " + invoice.lines().size());
			}
		}
		errors.throwIfAny();
		if (hasOpen(invoiceId)) {
			throw new Problem.StateConflict("invoice " + invoice.number() + " already has an open dispute");
		}
		String id = Ids.next("dsp");
		this.jdbc
			.sql("""
					insert into invoice_dispute (id, invoice_id, customer_id, reason, amount, currency, status, owner, due_on,
					  message, opened_by, opened_at, version, line_numbers)
					values (:id, :inv, :cus, :reason, :amount, :cur, 'OPEN', :owner, :due, :msg, :by, :at, 0, :lines)""")
			.param("id", id)
			.param("inv", invoiceId)
			.param("cus", invoice.customerId())
			.param("reason", reason.name())
			.param("amount", amount)
			.param("cur", invoice.currency())
			.param("owner", blank(input.owner()))
			.param("due", input.dueOn())
			.param("msg", blank(input.message()))
			.param("lines", lines.isEmpty() ? null : String.join(",", lines.stream().map(String::valueOf).toList()))
			.param("by", AuditTrail.currentActor())
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.update();
		this.audit.record(DOCUMENT, id, "opened", AuditTrail.changes("invoice", invoice.number(), "reason", reason,
				"amount", amount.toPlainString() + " " + invoice.currency()));
		this.audit.record(Invoicing.DOCUMENT, invoiceId, "disputed",
				AuditTrail.changes("reason", reason, "amount", amount.toPlainString() + " " + invoice.currency()));
		return get(id);
	}

	/**
	 * Turns a short payment into a dispute: the invoice was paid in part (the customer
	 * held back the rest), so what is left is disputed, with the payment quoted in the
	 * message.
	 */
	@Transactional
	public Dispute fromShortPayment(String invoiceId, String reason, String message) {
		InvoiceView invoice = this.invoicing.get(invoiceId);
		if (invoice.status() != io.encaisse.invoicing.InvoiceStatus.PARTIALLY_PAID) {
			throw new Problem.StateConflict("invoice " + invoice.number() + " is " + invoice.status()
					+ ": only an invoice paid in part has a short payment");
		}
		InvoiceView.Payment last = invoice.payments()
			.stream()
			.max(java.util.Comparator.comparing(InvoiceView.Payment::paidOn))
			.orElseThrow(() -> new Problem.StateConflict("invoice " + invoice.number() + " has no payment"));
		// in the customer's language: the customer reads it on the account page
		java.util.Locale locale = io.encaisse.shared.LocalizedText
			.readerOf(this.customers.get(invoice.customerId()).language());
		String said = this.messages.getMessage("dispute.shortPayment",
				new Object[] { io.encaisse.shared.LocalizedText.money(last.amount(), locale),
						io.encaisse.shared.LocalizedText.date(last.paidOn(), locale),
						io.encaisse.shared.LocalizedText.money(invoice.amountDue(), locale),
						blank(message) == null ? "" : " " + message.strip() },
				locale);
		return open(invoiceId,
				new Input(reason, null, null, null, said.length() > 2000 ? said.substring(0, 2000) : said));
	}

	/** Whether the invoice has a dispute open. */
	public boolean hasOpen(String invoiceId) {
		return this.jdbc.sql("select count(*) from invoice_dispute where invoice_id = :i and status = 'OPEN'")
			.param("i", invoiceId)
			.query(Integer.class)
			.single() > 0;
	}

	public Dispute get(String id) {
		return select("d.id = :v", id).stream().findFirst().orElseThrow(() -> new Problem.NotFound("dispute", id));
	}

	/** The disputes of an invoice, newest first. */
	public List<Dispute> ofInvoice(String invoiceId) {
		return select("d.invoice_id = :v", invoiceId);
	}

	/** The disputes of a customer, newest first. */
	public List<Dispute> ofCustomer(String customerId) {
		return select("d.customer_id = :v", customerId);
	}

	private List<Dispute> select(String where, String value) {
		return this.jdbc.sql("""
				select d.id, d.invoice_id, r.number, d.customer_id, d.reason, d.amount, d.currency, d.status, d.owner,
				       d.due_on, d.message, d.opened_by, d.opened_at, d.resolution, d.resolution_note, d.resolved_at,
				       d.version, d.line_numbers, d.credit_note_id
				from invoice_dispute d join invoicing_receivable r on r.invoice_id = d.invoice_id where %s
				order by d.opened_at desc, d.id desc""".formatted(where))
			.param("v", value)
			.query((rs, n) -> new Dispute(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					DisputeReason.valueOf(rs.getString(5)),
					Money.of(rs.getBigDecimal(6), rs.getString(7)).toPlainString(), rs.getString(7),
					Status.valueOf(rs.getString(8)), rs.getString(9), rs.getObject(10, LocalDate.class),
					rs.getString(11), rs.getString(12), rs.getTimestamp(13).toInstant(),
					rs.getString(14) == null ? null : Resolution.valueOf(rs.getString(14)), rs.getString(15),
					rs.getTimestamp(16) == null ? null : rs.getTimestamp(16).toInstant(), rs.getLong(17),
					rs.getString(18) == null ? List.of()
							: java.util.Arrays.stream(rs.getString(18).split(",")).map(Integer::valueOf).toList(),
					rs.getString(19)))
			.list();
	}

	/** Changes who owns an open dispute, when it is due, its message. */
	@Transactional
	public Dispute change(String id, Change change) {
		Dispute d = get(id);
		if (d.status() != Status.OPEN) {
			throw new Problem.StateConflict("the dispute is " + d.status() + ": it no longer changes");
		}
		if (change == null) {
			return d;
		}
		if (change.message() != null && change.message().length() > 2000) {
			throw new Problem.Invalid("message", "must not exceed 2000 characters");
		}
		this.jdbc.sql("""
				update invoice_dispute set owner = coalesce(:owner, owner), due_on = coalesce(:due, due_on),
				  message = coalesce(:msg, message), version = version + 1 where id = :id""")
			.param("owner", blank(change.owner()))
			.param("due", change.dueOn())
			.param("msg", blank(change.message()))
			.param("id", id)
			.update();
		this.audit.record(DOCUMENT, id, "changed",
				AuditTrail.changes("owner", change.owner(), "dueOn", change.dueOn(), "message", change.message()));
		return get(id);
	}

	/**
	 * Ends an open dispute: resolved by a credit note or a corrected invoice, or rejected
	 * with a note for the customer. Dunning resumes on what is still open.
	 */
	@Transactional
	public Dispute resolve(String id, ResolutionInput input) {
		Dispute d = get(id);
		if (d.status() != Status.OPEN) {
			throw new Problem.StateConflict("the dispute is " + d.status() + " already");
		}
		Resolution resolution;
		try {
			resolution = Resolution
				.valueOf(String.valueOf(input == null ? null : input.resolution()).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new Problem.Invalid("resolution", "must be CREDIT_NOTE, CORRECTED_INVOICE or REJECTED");
		}
		if (resolution == Resolution.REJECTED && (input.note() == null || input.note().isBlank())) {
			throw new Problem.Invalid("note", "say why the dispute is rejected (the customer reads it)");
		}
		String creditNote = resolution == Resolution.CREDIT_NOTE ? creditNote(d, input) : null;
		int resolved = this.jdbc.sql("""
				update invoice_dispute set status = :status, resolution = :res, resolution_note = :note,
				  resolved_by = :by, resolved_at = :at, credit_note_id = :credit, version = version + 1
				where id = :id and status = 'OPEN'""")
			.param("credit", creditNote)
			.param("status", resolution == Resolution.REJECTED ? Status.REJECTED.name() : Status.RESOLVED.name())
			.param("res", resolution.name())
			.param("note", blank(input.note()))
			.param("by", AuditTrail.currentActor())
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.param("id", id)
			.update();
		if (resolved != 1) {
			// resolved at the same moment by someone else
			throw new Problem.StateConflict("the dispute was resolved meanwhile");
		}
		this.audit.record(DOCUMENT, id, "resolved",
				AuditTrail.changes("resolution", resolution, "note", input.note(), "creditNote", creditNote));
		this.audit.record(Invoicing.DOCUMENT, d.invoiceId(), "dispute resolved",
				AuditTrail.changes("resolution", resolution));
		return get(id);
	}

	/**
	 * The credit note that resolves the dispute: the one named (a credit note of this
	 * invoice), else one issued now, which takes someone who may bill.
	 */
	private String creditNote(Dispute d, ResolutionInput input) {
		String named = blank(input.creditNoteId());
		if (named != null) {
			InvoiceView credit = this.invoicing.findById(named)
				.filter(c -> "CREDIT_NOTE".equals(c.kind()) && d.invoiceId().equals(c.creditedInvoiceId()))
				.orElseThrow(() -> new Problem.Invalid("creditNoteId",
						"no credit note " + named + " of invoice " + d.invoiceNumber()));
			return credit.id();
		}
		if (!io.encaisse.shared.Roles.currentHasAny(io.encaisse.shared.Role.ADMIN, io.encaisse.shared.Role.BILLING,
				io.encaisse.shared.Role.FINANCE)) {
			throw new Problem.Forbidden(
					"issuing a credit note is billing's: name the credit note billing issued (creditNoteId)");
		}
		String amount = blank(input.creditAmount());
		InvoiceView invoice = this.invoicing.get(d.invoiceId());
		if (amount == null && new BigDecimal(d.amount()).compareTo(invoice.total().amount()) < 0) {
			// a dispute on part of the invoice never credits all of it by default
			throw new Problem.Invalid("creditAmount", "say the net amount to credit (the dispute is for " + d.amount()
					+ " " + d.currency() + " including VAT)");
		}
		InvoiceView credit = this.creditNotes.issue(d.invoiceId(),
				new io.encaisse.invoicing.CreditNoteRequest(creditReason(d, invoice, input.note()), null, amount));
		return credit.id();
	}

	/** The credit note's reason, printed on it: in the customer's language. */
	private String creditReason(Dispute d, InvoiceView invoice, String note) {
		java.util.Locale locale = io.encaisse.shared.LocalizedText
			.readerOf(this.customers.get(invoice.customerId()).language());
		String reason = this.messages.getMessage("dispute.reason." + d.reason(), null, d.reason().name(), locale);
		String text = this.messages.getMessage("dispute.creditReason",
				new Object[] { invoice.number(), reason, blank(note) == null ? "" : " — " + note.strip() }, locale);
		return text.length() > 500 ? text.substring(0, 500) : text;
	}

	private static DisputeReason reason(Problem.Errors errors, String value) {
		return errors.oneOf(DisputeReason.class, "reason", value, DisputeReason.OTHER);
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
