package io.encaisse.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's statement of account at a date: every invoice issued by then and still
 * open then (its total less what settled it by then: payments, write-offs, credit notes),
 * with its days late, and the totals by currency in aging buckets (not due, 1-30, 31-60,
 * 61-90, over 90 days late).
 */
@Service
@Transactional(readOnly = true)
public class CustomerStatements {

	private final JdbcClient jdbc;

	private final Customers customers;

	private final Today today;

	CustomerStatements(JdbcClient jdbc, Customers customers, Today today) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.today = today;
	}

	public record Line(String invoiceId, String number, LocalDate issueDate, LocalDate dueDate, int daysLate,
			String currency, String total, String open) {
	}

	/** A currency's open amount, and the same by how late. */
	public record Total(String currency, String open, String notDue, String late1to30, String late31to60,
			String late61to90, String lateOver90) {
	}

	public record Statement(String customerId, String customerName, LocalDate asOf, List<Line> lines,
			List<Total> totals) {
	}

	public Statement of(String customerId, LocalDate asOf) {
		CustomerDetails customer = this.customers.get(customerId);
		LocalDate day = asOf == null ? this.today.date() : asOf;
		if (day.isAfter(this.today.date())) {
			throw new Problem.Invalid("asOf", "must not be after today (" + this.today.date() + ")");
		}
		record Head(String id, String number, LocalDate issued, LocalDate due, String currency, BigDecimal total) {
		}
		List<Head> heads = this.jdbc.sql("""
				select invoice_id, number, issue_date, due_date, currency, total from invoicing_receivable
				where customer_id = :c and issue_date <= :asOf and status <> 'DRAFT'
				  and (status in ('ISSUED', 'PARTIALLY_PAID') or last_settled_on > :asOf or last_settled_on is null)
				order by due_date, number""")
			.param("c", customerId)
			.param("asOf", day)
			.query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class), rs.getString(5), rs.getBigDecimal(6)))
			.list();
		Map<String, BigDecimal> settled = new HashMap<>();
		if (!heads.isEmpty()) {
			this.jdbc.sql("""
					select s.invoice_id, sum(s.amount) from invoicing_settlement s
					join invoicing_receivable r on r.invoice_id = s.invoice_id
					where r.customer_id = :c and s.settled_on <= :asOf group by s.invoice_id""")
				.param("c", customerId)
				.param("asOf", day)
				.query((rs, n) -> settled.put(rs.getString(1), rs.getBigDecimal(2)))
				.list();
		}
		List<Line> lines = new ArrayList<>();
		Map<String, BigDecimal[]> totals = new LinkedHashMap<>();
		for (Head h : heads) {
			BigDecimal open = h.total().subtract(settled.getOrDefault(h.id(), BigDecimal.ZERO));
			if (open.signum() <= 0) {
				continue;
			}
			int late = h.due() == null ? 0 : (int) Math.max(0, ChronoUnit.DAYS.between(h.due(), day));
			lines.add(new Line(h.id(), h.number(), h.issued(), h.due(), late, h.currency(),
					Money.of(h.total(), h.currency()).toPlainString(), Money.of(open, h.currency()).toPlainString()));
			BigDecimal[] t = totals.computeIfAbsent(h.currency(), k -> new BigDecimal[] { BigDecimal.ZERO,
					BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
			t[0] = t[0].add(open);
			int bucket = late == 0 ? 1 : late <= 30 ? 2 : late <= 60 ? 3 : late <= 90 ? 4 : 5;
			t[bucket] = t[bucket].add(open);
		}
		List<Total> sums = totals.entrySet()
			.stream()
			.map(e -> new Total(e.getKey(), Money.of(e.getValue()[0], e.getKey()).toPlainString(),
					Money.of(e.getValue()[1], e.getKey()).toPlainString(),
					Money.of(e.getValue()[2], e.getKey()).toPlainString(),
					Money.of(e.getValue()[3], e.getKey()).toPlainString(),
					Money.of(e.getValue()[4], e.getKey()).toPlainString(),
					Money.of(e.getValue()[5], e.getKey()).toPlainString()))
			.toList();
		return new Statement(customerId, customer.name(), day, lines, sums);
	}

}
