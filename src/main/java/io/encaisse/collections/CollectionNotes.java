package io.encaisse.collections;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.encaisse.customers.Customers;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes and call logs of the collectors: on a customer, or on one of its invoices; a call
 * says how it went. Kept as written (a note is not edited: a new one corrects it).
 */
@Service
@Transactional(readOnly = true)
public class CollectionNotes {

	private final JdbcClient jdbc;

	private final Customers customers;

	private final AuditTrail audit;

	private final Today today;

	CollectionNotes(JdbcClient jdbc, Customers customers, AuditTrail audit, Today today) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.audit = audit;
		this.today = today;
	}

	/** A note, or a call to or from the customer. */
	public enum Kind {

		NOTE, CALL

	}

	/** How a call went. */
	public enum Outcome {

		REACHED, NO_ANSWER, LEFT_MESSAGE, WRONG_NUMBER

	}

	public record Note(String id, String customerId, String invoiceId, String invoiceNumber, Kind kind, Outcome outcome,
			String body, String createdBy, Instant createdAt) {
	}

	public record Input(String kind, String invoiceId, String outcome, String body) {
	}

	@Transactional
	public Note add(String customerId, Input input) {
		this.customers.get(customerId);
		Problem.Errors errors = new Problem.Errors();
		if (input == null) {
			throw new Problem.Invalid("body", "is required");
		}
		Kind kind = errors.oneOf(Kind.class, "kind", input.kind() == null ? "NOTE" : input.kind(), Kind.NOTE);
		Outcome outcome = input.outcome() == null || input.outcome().isBlank() ? null
				: errors.oneOf(Outcome.class, "outcome", input.outcome(), null);
		if (outcome != null && kind != Kind.CALL) {
			errors.add("outcome", "only a call has an outcome");
		}
		String body = input.body() == null ? "" : input.body().strip();
		if (body.isEmpty()) {
			errors.add("body", "is required");
		}
		else if (body.length() > 4000) {
			errors.add("body", "must not exceed 4000 characters");
		}
		String invoiceId = input.invoiceId() == null || input.invoiceId().isBlank() ? null : input.invoiceId().strip();
		InvoiceOfCustomer.check(this.jdbc, errors, invoiceId, customerId);
		errors.throwIfAny();
		String id = Ids.next("cno");
		this.jdbc.sql("""
				insert into collection_note (id, customer_id, invoice_id, kind, outcome, body, created_by, created_at)
				values (:id, :c, :i, :k, :o, :b, :by, :at)""")
			.param("id", id)
			.param("c", customerId)
			.param("i", invoiceId)
			.param("k", kind.name())
			.param("o", outcome == null ? null : outcome.name())
			.param("b", body)
			.param("by", AuditTrail.currentActor())
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.update();
		this.audit.record("customer", customerId, kind == Kind.CALL ? "call logged" : "note added",
				AuditTrail.changes("note", id, "invoice", invoiceId, "outcome", outcome));
		return ofCustomer(customerId, 500).stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
	}

	/** A customer's notes and calls, newest first. */
	public List<Note> ofCustomer(String customerId, int limit) {
		return this.jdbc
			.sql("""
					select n.id, n.customer_id, n.invoice_id, r.number, n.kind, n.outcome, n.body, n.created_by, n.created_at
					from collection_note n left join invoicing_receivable r on r.invoice_id = n.invoice_id
					where n.customer_id = :c order by n.created_at desc, n.id desc fetch first %d rows only"""
				.formatted(Math.max(1, Math.min(limit, 500))))
			.param("c", customerId)
			.query((rs, n) -> new Note(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					Kind.valueOf(rs.getString(5)), rs.getString(6) == null ? null : Outcome.valueOf(rs.getString(6)),
					rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
			.list();
	}

}
