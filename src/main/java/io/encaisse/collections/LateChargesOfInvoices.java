package io.encaisse.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The late-payment charges of an invoice at a date ({@link LateCharges}), from what
 * invoicing publishes (its total, due date and settlements), the ECB rates in the
 * database and the customer's contractual rate if any.
 */
@Service
@Transactional(readOnly = true)
public class LateChargesOfInvoices {

	private final JdbcClient jdbc;

	private final Today today;

	LateChargesOfInvoices(JdbcClient jdbc, Today today) {
		this.jdbc = jdbc;
		this.today = today;
	}

	/**
	 * An invoice's charges: days late, annual rate (percent), interest in the invoice's
	 * currency, the fixed indemnity (in EUR, the law's amount).
	 */
	public record Charges(String invoiceId, String number, LocalDate asOf, LocalDate dueDate, int daysLate, String rate,
			String interest, String currency, String indemnity, String indemnityCurrency, boolean interestWaived,
			boolean indemnityWaived, String waiverReason) {

		public Money interestDue() {
			return Money.of(this.interest, this.currency);
		}

	}

	public List<LateCharges.ReferenceRate> rates() {
		return this.jdbc.sql("select valid_from, ecb_rate from late_payment_rate order by valid_from")
			.query((rs, n) -> new LateCharges.ReferenceRate(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2)))
			.list();
	}

	public Charges of(String invoiceId, LocalDate asOf) {
		return of(invoiceId, asOf, rates());
	}

	Charges of(String invoiceId, LocalDate asOf, List<LateCharges.ReferenceRate> rates) {
		LocalDate day = asOf == null ? this.today.date() : asOf;
		record Head(String number, String customerId, String currency, BigDecimal total, LocalDate due) {
		}
		Head head = this.jdbc
			.sql("""
					select number, customer_id, currency, total, due_date from invoicing_receivable where invoice_id = :id""")
			.param("id", invoiceId)
			.query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
					rs.getObject(5, LocalDate.class)))
			.optional()
			.orElseThrow(() -> new Problem.NotFound("invoice", invoiceId));
		List<LateCharges.Settlement> settled = this.jdbc.sql("""
				select settled_on, amount from invoicing_settlement where invoice_id = :id and settled_on <= :asOf""")
			.param("id", invoiceId)
			.param("asOf", day)
			.query((rs, n) -> new LateCharges.Settlement(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2)))
			.list();
		BigDecimal contractual = contractualRate(head.customerId());
		LateChargeWaivers.Waiver waiver = this.jdbc
			.sql("select interest, indemnity, reason from late_charge_waiver where invoice_id = :id")
			.param("id", invoiceId)
			.query((rs, n) -> new LateChargeWaivers.Waiver(rs.getBoolean(1), rs.getBoolean(2), rs.getString(3)))
			.optional()
			.orElse(null);
		return charges(invoiceId, head.number(), head.currency(), head.total(), head.due(), settled, day, rates,
				contractual, waiver);
	}

	/**
	 * The charges today of each invoice of the customer open now, in four reads whatever
	 * their number.
	 */
	public List<Charges> ofCustomer(String customerId) {
		LocalDate day = this.today.date();
		List<LateCharges.ReferenceRate> rates = rates();
		record Head(String id, String number, String currency, BigDecimal total, LocalDate due) {
		}
		List<Head> heads = this.jdbc.sql("""
				select invoice_id, number, currency, total, due_date from invoicing_receivable
				where customer_id = :c and status in ('ISSUED', 'PARTIALLY_PAID')
				order by due_date, number""")
			.param("c", customerId)
			.query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
					rs.getObject(5, LocalDate.class)))
			.list();
		if (heads.isEmpty()) {
			return List.of();
		}
		java.util.Map<String, List<LateCharges.Settlement>> settled = new java.util.HashMap<>();
		this.jdbc.sql("""
				select s.invoice_id, s.settled_on, s.amount from invoicing_settlement s
				join invoicing_receivable r on r.invoice_id = s.invoice_id
				where r.customer_id = :c and r.status in ('ISSUED', 'PARTIALLY_PAID') and s.settled_on <= :asOf""")
			.param("c", customerId)
			.param("asOf", day)
			.query((rs, n) -> settled.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
				.add(new LateCharges.Settlement(rs.getObject(2, LocalDate.class), rs.getBigDecimal(3))))
			.list();
		java.util.Map<String, LateChargeWaivers.Waiver> waivers = new java.util.HashMap<>();
		this.jdbc.sql("""
				select w.invoice_id, w.interest, w.indemnity, w.reason from late_charge_waiver w
				join invoicing_receivable r on r.invoice_id = w.invoice_id where r.customer_id = :c""")
			.param("c", customerId)
			.query((rs, n) -> waivers.put(rs.getString(1),
					new LateChargeWaivers.Waiver(rs.getBoolean(2), rs.getBoolean(3), rs.getString(4))))
			.list();
		BigDecimal contractual = contractualRate(customerId);
		return heads.stream()
			.filter(h -> h.due() != null)
			.map(h -> charges(h.id(), h.number(), h.currency(), h.total(), h.due(),
					settled.getOrDefault(h.id(), List.of()), day, rates, contractual, waivers.get(h.id())))
			.toList();
	}

	private BigDecimal contractualRate(String customerId) {
		return this.jdbc.sql("select late_interest_rate from collection_setting where customer_id = :c")
			.param("c", customerId)
			.query(BigDecimal.class)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private static Charges charges(String invoiceId, String number, String currency, BigDecimal total, LocalDate due,
			List<LateCharges.Settlement> settled, LocalDate day, List<LateCharges.ReferenceRate> rates,
			BigDecimal contractual, LateChargeWaivers.Waiver waiver) {
		try {
			LateCharges.Charges c = LateCharges.of(Money.of(total, currency), due, settled, day, rates, contractual);
			boolean noInterest = waiver != null && waiver.interest();
			boolean noIndemnity = waiver != null && waiver.indemnity();
			return new Charges(invoiceId, number, day, due, c.daysLate(), c.rate().stripTrailingZeros().toPlainString(),
					noInterest ? java.math.BigDecimal.ZERO.setScale(c.interest().amount().scale()).toPlainString()
							: c.interest().amount().toPlainString(),
					currency, noIndemnity ? "0.00" : c.indemnity().amount().setScale(2).toPlainString(), "EUR",
					noInterest, noIndemnity, waiver == null ? null : waiver.reason());
		}
		catch (IllegalStateException noRate) {
			throw new Problem.StateConflict(noRate.getMessage());
		}
	}

}
