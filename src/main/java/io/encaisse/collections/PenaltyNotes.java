package io.encaisse.collections;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Counters;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;
import io.encaisse.shared.mail.MailOutbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Late-payment penalties invoiced: for an invoice paid late (or still late), a note
 * numbered in its own gapless series ({@code PEN-2026-000001}), outside the scope of VAT,
 * with the interest and the 40 EUR indemnity computed at its date ({@link LateCharges},
 * waivers applied); its PDF is made once at issue and kept, served as issued; mailed to
 * the customer through the outbox. One note per invoice. Paid, or cancelled with a reason
 * (the number stays used). Issued by hand, or by the run for the invoices paid late of
 * the customers whose policy says so.
 */
@Service
@Transactional(readOnly = true)
public class PenaltyNotes {

	static final String DOCUMENT = "penalty-note";

	static final String MAIL_KIND = "PENALTY_NOTE";

	private final JdbcClient jdbc;

	private final LateChargesOfInvoices charges;

	private final PenaltyNotePdf pdf;

	private final Counters counters;

	private final MailOutbox outbox;

	private final AuditTrail audit;

	private final Today today;

	private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

	PenaltyNotes(JdbcClient jdbc, LateChargesOfInvoices charges, PenaltyNotePdf pdf, Counters counters,
			MailOutbox outbox, AuditTrail audit, Today today,
			org.springframework.transaction.PlatformTransactionManager transactions) {
		this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
		this.ownTransaction
			.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		this.charges = charges;
		this.pdf = pdf;
		this.counters = counters;
		this.outbox = outbox;
		this.audit = audit;
		this.today = today;
	}

	public enum Status {

		ISSUED, PAID, CANCELLED

	}

	public record Note(String id, String number, String invoiceId, String invoiceNumber, String customerId,
			LocalDate asOf, int daysLate, String rate, String interest, String currency, String indemnity,
			Status status, String issuedBy, Instant issuedAt, String closeReason) {
	}

	/** Issues the invoice's penalty note at today's date, and queues its mail. */
	@Transactional
	public Note issue(String invoiceId) {
		try {
			return issueAt(invoiceId, this.today.date());
		}
		catch (org.springframework.dao.DuplicateKeyException raced) {
			// issued at the same moment by someone else: the unique key kept it to one
			throw new Problem.StateConflict("the invoice has its penalty note already");
		}
	}

	private Note issueAt(String invoiceId, LocalDate day) {
		LateChargesOfInvoices.Charges c = this.charges.of(invoiceId, day);
		if (c.daysLate() <= 0) {
			throw new Problem.StateConflict("invoice " + c.number() + " is not late: no penalty");
		}
		BigDecimal interest = new BigDecimal(c.interest());
		BigDecimal indemnity = new BigDecimal(c.indemnity());
		if (interest.signum() == 0 && indemnity.signum() == 0) {
			throw new Problem.StateConflict("the penalties of invoice " + c.number() + " are waived or nil");
		}
		if (this.jdbc.sql("select count(*) from penalty_note where invoice_id = :i")
			.param("i", invoiceId)
			.query(Integer.class)
			.single() > 0) {
			throw new Problem.StateConflict("invoice " + c.number() + " has its penalty note already");
		}
		String customerId = this.jdbc.sql("select customer_id from invoicing_receivable where invoice_id = :i")
			.param("i", invoiceId)
			.query(String.class)
			.single();
		String number = "PEN-" + day.getYear() + "-"
				+ String.format("%06d", this.counters.next("penalty-" + day.getYear()));
		String id = Ids.next("pen");
		Note note = new Note(id, number, invoiceId, c.number(), customerId, day, c.daysLate(), c.rate(), c.interest(),
				c.currency(), c.indemnity(), Status.ISSUED, AuditTrail.currentActor(), this.today.instant(), null);
		byte[] document = this.pdf.render(note, c.dueDate());
		this.jdbc
			.sql("""
					insert into penalty_note (id, number, invoice_id, customer_id, as_of, days_late, rate, interest, currency,
					  indemnity, status, pdf, issued_by, issued_at)
					values (:id, :number, :inv, :c, :asOf, :days, :rate, :interest, :cur, :indemnity, 'ISSUED', :pdf, :by, :at)""")
			.param("id", id)
			.param("number", number)
			.param("inv", invoiceId)
			.param("c", customerId)
			.param("asOf", day)
			.param("days", c.daysLate())
			.param("rate", new BigDecimal(c.rate()))
			.param("interest", interest)
			.param("cur", c.currency())
			.param("indemnity", indemnity)
			.param("pdf", document)
			.param("by", note.issuedBy())
			.param("at", note.issuedAt().atOffset(ZoneOffset.UTC))
			.update();
		this.outbox.queue(List.of(new MailOutbox.ToQueue(MAIL_KIND, id, MAIL_KIND + ":" + id, number, null)));
		this.audit.record(DOCUMENT, id, "issued", AuditTrail.changes("number", number, "invoice", c.number(),
				"interest", c.interest() + " " + c.currency(), "indemnity", c.indemnity() + " EUR"));
		this.audit.record(io.encaisse.invoicing.Invoicing.DOCUMENT, invoiceId, "penalty note issued",
				AuditTrail.changes("number", number));
		return get(id);
	}

	/**
	 * The run's part: a note for each of these invoices (paid late, none yet), each in a
	 * transaction of its own: one that cannot have a note (not late after all, nothing
	 * left after waivers, no ECB rate entered for its half-year) is passed over and
	 * logged, and the run goes on.
	 */
	int issueAll(List<String> invoiceIds, LocalDate asOf) {
		int issued = 0;
		for (String invoiceId : invoiceIds) {
			try {
				this.ownTransaction.executeWithoutResult(tx -> issueAt(invoiceId, asOf));
				issued++;
			}
			catch (Problem.Refused | org.springframework.dao.DataAccessException passedOver) {
				org.slf4j.LoggerFactory.getLogger(PenaltyNotes.class)
					.warn("no penalty note for invoice {}: {}", invoiceId, passedOver.getMessage());
			}
		}
		return issued;
	}

	/** Marks a note paid (the customer paid the penalties). */
	@Transactional
	public Note paid(String id) {
		return close(id, Status.PAID, null);
	}

	/**
	 * Cancels a note, saying why (a waiver granted after it was issued); its number stays
	 * used.
	 */
	@Transactional
	public Note cancel(String id, String reason) {
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw new Problem.Invalid("reason", "say why the note is cancelled (at most 500 characters)");
		}
		return close(id, Status.CANCELLED, reason.strip());
	}

	private Note close(String id, Status status, String reason) {
		Note note = get(id);
		if (note.status() != Status.ISSUED) {
			throw new Problem.StateConflict("penalty note " + note.number() + " is " + note.status() + " already");
		}
		this.jdbc.sql("""
				update penalty_note set status = :s, closed_by = :by, closed_at = :at, close_reason = :r
				where id = :id and status = 'ISSUED'""")
			.param("s", status.name())
			.param("by", AuditTrail.currentActor())
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.param("r", reason)
			.param("id", id)
			.update();
		this.audit.record(DOCUMENT, id, status == Status.PAID ? "paid" : "cancelled",
				AuditTrail.changes("reason", reason));
		return get(id);
	}

	public Note get(String id) {
		return select("p.id = :v", id).stream().findFirst().orElseThrow(() -> new Problem.NotFound("penalty note", id));
	}

	public List<Note> ofCustomer(String customerId) {
		return select("p.customer_id = :v", customerId);
	}

	/** The note's PDF, byte for byte as issued. */
	public byte[] pdf(String id) {
		return this.jdbc.sql("select pdf from penalty_note where id = :id")
			.param("id", id)
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.orElseThrow(() -> new Problem.NotFound("penalty note", id));
	}

	private List<Note> select(String where, String value) {
		return this.jdbc.sql("""
				select p.id, p.number, p.invoice_id, r.number, p.customer_id, p.as_of, p.days_late, p.rate, p.interest,
				       p.currency, p.indemnity, p.status, p.issued_by, p.issued_at, p.close_reason
				from penalty_note p join invoicing_receivable r on r.invoice_id = p.invoice_id
				where %s order by p.issued_at desc, p.id desc""".formatted(where))
			.param("v", value)
			.query((rs, n) -> new Note(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, LocalDate.class), rs.getInt(7),
					rs.getBigDecimal(8).stripTrailingZeros().toPlainString(),
					Money.of(rs.getBigDecimal(9), rs.getString(10)).toPlainString(), rs.getString(10),
					rs.getBigDecimal(11).setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString(),
					Status.valueOf(rs.getString(12)), rs.getString(13), rs.getTimestamp(14).toInstant(),
					rs.getString(15)))
			.list();
	}

}
