package io.encaisse.collections;

import java.time.ZoneOffset;

import io.encaisse.invoicing.Invoicing;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Late-payment charges waived on an invoice by someone allowed to (finance): the
 * interest, the 40 EUR indemnity, or both, with the reason. A waiver replaces the
 * invoice's earlier one; waiving nothing lifts it. Reminders, statements and the API then
 * show the charges waived as zero. Every change is in the invoice's audit trail.
 */
@Service
@Transactional(readOnly = true)
public class LateChargeWaivers {

	private final JdbcClient jdbc;

	private final LateChargesOfInvoices charges;

	private final AuditTrail audit;

	private final Today today;

	LateChargeWaivers(JdbcClient jdbc, LateChargesOfInvoices charges, AuditTrail audit, Today today) {
		this.jdbc = jdbc;
		this.charges = charges;
		this.audit = audit;
		this.today = today;
	}

	/** What is waived on an invoice, and why. */
	public record Waiver(boolean interest, boolean indemnity, String reason) {
	}

	public record Input(Boolean interest, Boolean indemnity, String reason) {
	}

	/** Waives (or, waiving nothing, lifts the waiver); answers the charges now. */
	@Transactional
	public LateChargesOfInvoices.Charges waive(String invoiceId, Input input) {
		LateChargesOfInvoices.Charges before = this.charges.of(invoiceId, null);
		boolean interest = input != null && Boolean.TRUE.equals(input.interest());
		boolean indemnity = input != null && Boolean.TRUE.equals(input.indemnity());
		String reason = input == null || input.reason() == null ? "" : input.reason().strip();
		if ((interest || indemnity) && reason.isEmpty()) {
			throw new Problem.Invalid("reason", "say why the charges are waived");
		}
		if (reason.length() > 500) {
			throw new Problem.Invalid("reason", "must not exceed 500 characters");
		}
		this.jdbc.sql("delete from late_charge_waiver where invoice_id = :i").param("i", invoiceId).update();
		if (interest || indemnity) {
			this.jdbc.sql("""
					insert into late_charge_waiver (invoice_id, interest, indemnity, reason, waived_by, waived_at)
					values (:i, :interest, :indemnity, :reason, :by, :at)""")
				.param("i", invoiceId)
				.param("interest", interest)
				.param("indemnity", indemnity)
				.param("reason", reason)
				.param("by", AuditTrail.currentActor())
				.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
		this.audit.record(Invoicing.DOCUMENT, invoiceId,
				interest || indemnity ? "late charges waived" : "late charges waiver lifted",
				AuditTrail.changes("interest", interest ? before.interest() + " " + before.currency() : null,
						"indemnity", indemnity ? before.indemnity() + " EUR" : null, "reason", reason));
		return this.charges.of(invoiceId, null);
	}

}
