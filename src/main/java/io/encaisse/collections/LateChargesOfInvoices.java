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
			String interest, String currency, String indemnity, String indemnityCurrency) {

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
		BigDecimal contractual = this.jdbc
			.sql("select late_interest_rate from collection_setting where customer_id = :c")
			.param("c", head.customerId())
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
		try {
			LateCharges.Charges c = LateCharges.of(Money.of(head.total(), head.currency()), head.due(), settled, day,
					rates, contractual);
			return new Charges(invoiceId, head.number(), day, head.due(), c.daysLate(),
					c.rate().stripTrailingZeros().toPlainString(), c.interest().amount().toPlainString(),
					head.currency(), c.indemnity().amount().setScale(2).toPlainString(), "EUR");
		}
		catch (IllegalStateException noRate) {
			throw new Problem.StateConflict(noRate.getMessage());
		}
	}

}
