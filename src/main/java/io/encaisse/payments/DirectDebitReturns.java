package io.encaisse.payments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.encaisse.payments.statements.Camt053;
import io.encaisse.shared.AuditTrail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Direct debits coming back: a debit on our statement whose end-to-end ids are ones we
 * sent, with a return reason, reopens each invoice it had paid (the money counted as gone
 * back) and says why.
 */
@Service
public class DirectDebitReturns {

	private static final Map<String, String> RETURN_REASONS = Map.ofEntries(Map.entry("AC01", "incorrect account"),
			Map.entry("AC04", "account closed"), Map.entry("AC06", "account blocked"),
			Map.entry("AG01", "transaction forbidden on this account"), Map.entry("AM04", "insufficient funds"),
			Map.entry("MD01", "no valid mandate"), Map.entry("MD06", "refund requested by the debtor"),
			Map.entry("MD07", "debtor deceased"), Map.entry("MS02", "refused by the debtor"),
			Map.entry("MS03", "reason not specified"), Map.entry("SL01", "specific service of the debtor's bank"));

	private final JdbcClient jdbc;

	private final Payments payments;

	private final AuditTrail audit;

	DirectDebitReturns(JdbcClient jdbc, Payments payments, AuditTrail audit) {
		this.jdbc = jdbc;
		this.payments = payments;
		this.audit = audit;
	}

	/** A collected invoice still pending at the bank. */
	private record Pending(String invoiceId, String invoiceNumber, String endToEndId, BigDecimal amount) {
	}

	/**
	 * A debit on our statement that returns a direct debit (its end-to-end id is one we
	 * sent, with a return reason): the invoice is due again, the money it had received
	 * counted as gone back. Answers what was done, or nothing when the entry is no return
	 * of ours.
	 */
	@Transactional
	public Optional<String> returned(Camt053.Entry entry) {
		// a return carries its reason code; a transfer of ours quoting an invoice number
		// does not
		if (entry.returnReason() == null || entry.endToEndIds().isEmpty()) {
			return Optional.empty();
		}
		Map<String, Pending> byEndToEnd = new java.util.HashMap<>();
		this.jdbc.sql("""
				select invoice_id, invoice_number, end_to_end_id, amount from direct_debit_item
				where end_to_end_id in (:e2e) and status = 'PENDING'""")
			.param("e2e", entry.endToEndIds())
			.query((rs, i) -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)))
			.list()
			.forEach(p -> byEndToEnd.putIfAbsent(p.endToEndId(), p));
		List<Pending> items = entry.endToEndIds()
			.stream()
			.distinct()
			.map(byEndToEnd::get)
			.filter(java.util.Objects::nonNull)
			.toList();
		BigDecimal total = items.stream().map(Pending::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		// what goes back is what we collected for those invoices, to the cent
		if (items.isEmpty() || total.compareTo(entry.amount()) != 0) {
			return Optional.empty();
		}
		String code = entry.returnReason();
		String why = code + ": " + RETURN_REASONS.getOrDefault(code, "returned by the debtor's bank");
		List<String> done = new ArrayList<>();
		for (Pending item : items) {
			this.jdbc.sql("""
					update direct_debit_item set status = 'RETURNED', return_reason = :code
					where end_to_end_id = :e2e and status = 'PENDING'""")
				.param("code", code.length() > 10 ? code.substring(0, 10) : code)
				.param("e2e", item.endToEndId())
				.update();
			String reopened = this.payments.returnCollected(item.invoiceId(), item.invoiceNumber(), item.endToEndId(),
					why);
			this.audit.record("direct-debit", item.endToEndId(), "returned",
					AuditTrail.changes("invoice", item.invoiceNumber(), "reason", why));
			done.add(item.invoiceNumber() + ": " + reopened);
		}
		return Optional.of("direct debit returned (" + why + "); " + String.join("; ", done));
	}

}
