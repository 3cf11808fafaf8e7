package io.encaisse.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.encaisse.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open receivables by days past due (current, 1-30, 31-60, 61-90, over 90) as they stood
 * on any date: invoices issued by then, less what payments and credit notes settled by
 * then.
 */
@Service
@Transactional(readOnly = true)
public class Aging {

	public enum Bucket {

		CURRENT, DAYS_1_30, DAYS_31_60, DAYS_61_90, OVER_90;

		static Bucket of(long daysPastDue) {
			if (daysPastDue <= 0) {
				return CURRENT;
			}
			if (daysPastDue <= 30) {
				return DAYS_1_30;
			}
			if (daysPastDue <= 60) {
				return DAYS_31_60;
			}
			return daysPastDue <= 90 ? DAYS_61_90 : OVER_90;
		}

	}

	/** One open invoice as of the date. */
	public record OpenItem(String invoiceId, String number, String customerId, String customerName, LocalDate dueDate,
			Money open, long daysPastDue, Bucket bucket) {
	}

	/** Amounts per bucket for one customer (or the total) in one currency. */
	public record Row(String customerId, String customerName, String currency, Map<Bucket, Money> buckets, Money total,
			int invoices) {

		public Money bucket(Bucket b) {
			return this.buckets.get(b);
		}

		public Money overdue() {
			return this.total.minus(this.buckets.get(Bucket.CURRENT));
		}

	}

	public record Report(LocalDate asOf, List<Row> customers, List<Row> totals, List<OpenItem> items) {
	}

	private final JdbcClient jdbc;

	Aging(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<OpenItem> openItems(LocalDate asOf) {
		return this.jdbc
			.sql("""
					select r.invoice_id, r.number, r.customer_id, r.customer_name, r.currency, r.due_date,
					       r.total - coalesce((select sum(s.amount) from invoicing_settlement s
					                           where s.invoice_id = r.invoice_id and s.settled_on <= :asOf), 0) as open_amount
					from invoicing_receivable r
					where r.issue_date <= :asOf""")
			.param("asOf", asOf)
			.query((rs, i) -> {
				LocalDate due = rs.getObject("due_date", LocalDate.class);
				long late = ChronoUnit.DAYS.between(due, asOf);
				return new OpenItem(rs.getString("invoice_id"), rs.getString("number"), rs.getString("customer_id"),
						rs.getString("customer_name"), due,
						Money.of(rs.getBigDecimal("open_amount"), rs.getString("currency")), late, Bucket.of(late));
			})
			.list()
			.stream()
			.filter(item -> item.open().isPositive())
			.sorted(Comparator.comparing(OpenItem::daysPastDue).reversed())
			.toList();
	}

	public Report asOf(LocalDate asOf) {
		List<OpenItem> items = openItems(asOf);
		Map<String, List<OpenItem>> byCustomer = new LinkedHashMap<>();
		Map<String, List<OpenItem>> byCurrency = new LinkedHashMap<>();
		for (OpenItem item : items) {
			byCustomer.computeIfAbsent(item.customerId() + "|" + item.open().currencyCode(), k -> new ArrayList<>())
				.add(item);
			byCurrency.computeIfAbsent(item.open().currencyCode(), k -> new ArrayList<>()).add(item);
		}
		List<Row> customers = byCustomer.values()
			.stream()
			.map(list -> row(list.get(0).customerId(), list.get(0).customerName(), list))
			.sorted(Comparator.comparing((Row r) -> r.total().amount()).reversed())
			.toList();
		List<Row> totals = byCurrency.values().stream().map(list -> row(null, null, list)).toList();
		return new Report(asOf, customers, totals, items);
	}

	private static Row row(String customerId, String name, List<OpenItem> items) {
		String currency = items.get(0).open().currencyCode();
		Map<Bucket, Money> buckets = new LinkedHashMap<>();
		for (Bucket b : Bucket.values()) {
			buckets.put(b, Money.zero(currency));
		}
		Money total = Money.zero(currency);
		for (OpenItem item : items) {
			buckets.merge(item.bucket(), item.open(), Money::plus);
			total = total.plus(item.open());
		}
		return new Row(customerId, name, currency, buckets, total, items.size());
	}

	/**
	 * Days sales outstanding over the last {@code days} days: receivables at the date
	 * divided by the credit sales of the period, times the days of the period. Empty when
	 * nothing was sold in the period.
	 */
	public java.util.Optional<BigDecimal> dso(LocalDate asOf, String currency, int days) {
		BigDecimal receivables = openItems(asOf).stream()
			.filter(i -> i.open().currencyCode().equals(currency))
			.map(i -> i.open().amount())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return dso(asOf, Money.of(receivables, currency), days);
	}

	/**
	 * The same, for receivables already summed (the dashboard has them from its aging
	 * report).
	 */
	public java.util.Optional<BigDecimal> dso(LocalDate asOf, Money receivables, int days) {
		String currency = receivables.currencyCode();
		BigDecimal sales = this.jdbc.sql("""
				select coalesce(sum(total), 0) from invoicing_receivable
				where currency = :currency and issue_date > :from and issue_date <= :asOf""")
			.param("currency", currency)
			.param("from", asOf.minusDays(days))
			.param("asOf", asOf)
			.query(BigDecimal.class)
			.single();
		if (sales.signum() == 0) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(receivables.amount()
			.multiply(BigDecimal.valueOf(days))
			.divide(sales, 1, java.math.RoundingMode.HALF_UP));
	}

}
