package io.encaisse.collections;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.encaisse.customers.Customers;
import io.encaisse.shared.Money;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How customers pay: a customer's DSO at each of the last twelve month-ends (receivables
 * at the date over the credit sales of the 90 days before, times 90), the collection
 * effectiveness index (CEI) of a period, and the customers whose paying habits changed
 * (the average days late of the invoices they paid in the last 90 days against the 365
 * days before moved by more than {@value #HABIT_CHANGE_DAYS} days). Everything from what
 * invoicing publishes, at any past date.
 */
@Service
@Transactional(readOnly = true)
public class PayingHabits {

	/** The days over which DSO relates receivables to sales. */
	public static final int DSO_DAYS = 90;

	/** A change in average days late worth telling. */
	static final int HABIT_CHANGE_DAYS = 10;

	private static final String DAYS_LATE = "(extract(epoch from r.last_settled_on) - extract(epoch from r.due_date)) / 86400";

	private final JdbcClient jdbc;

	private final Customers customers;

	private final Today today;

	PayingHabits(JdbcClient jdbc, Customers customers, Today today) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.today = today;
	}

	/** DSO at a month-end: receivables then, the credit sales of the 90 days before. */
	public record Point(String month, LocalDate asOf, String receivables, String sales, String dso) {
	}

	/**
	 * CEI of a period in a currency: what was collected of what could be, in percent
	 * (100: everything due was collected).
	 */
	public record Cei(String currency, LocalDate from, LocalDate to, String beginning, String sales, String endTotal,
			String endCurrent, String cei) {
	}

	/** A customer's average days late (negative: early) now and before, in days. */
	public record Habit(String customerId, String customerName, String recentDaysLate, int recentInvoices,
			String earlierDaysLate, int earlierInvoices, String change) {
	}

	public record CustomerHabits(String customerId, String currency, List<Point> dsoTrend, Cei cei, Habit habit) {
	}

	/**
	 * A customer's DSO over the last twelve month-ends, its CEI over 90 days, its habit.
	 */
	public CustomerHabits of(String customerId) {
		String currency = this.customers.get(customerId).currency();
		LocalDate day = this.today.date();
		List<Point> trend = new ArrayList<>();
		for (int i = 11; i >= 0; i--) {
			YearMonth month = YearMonth.from(day).minusMonths(i);
			LocalDate asOf = i == 0 ? day : month.atEndOfMonth();
			BigDecimal receivables = openAt(asOf, false, customerId).getOrDefault(currency, BigDecimal.ZERO);
			BigDecimal sales = sales(asOf.minusDays(DSO_DAYS), asOf, customerId).getOrDefault(currency,
					BigDecimal.ZERO);
			trend.add(new Point(month.toString(), asOf, plain(receivables, currency), plain(sales, currency),
					sales.signum() == 0 ? null
							: receivables.multiply(BigDecimal.valueOf(DSO_DAYS))
								.divide(sales, 1, RoundingMode.HALF_UP)
								.toPlainString()));
		}
		Cei cei = cei(day.minusDays(DSO_DAYS), day, customerId).stream()
			.filter(c -> c.currency().equals(currency))
			.findFirst()
			.orElse(null);
		Habit habit = habits(customerId).stream().findFirst().orElse(null);
		return new CustomerHabits(customerId, currency, trend, cei, habit);
	}

	/**
	 * The CEI of the period {@code (from, to]} per currency, of one customer or of all
	 * ({@code customerId} null).
	 */
	public List<Cei> cei(LocalDate from, LocalDate to, String customerId) {
		Map<String, BigDecimal> beginning = openAt(from, false, customerId);
		Map<String, BigDecimal> sales = sales(from, to, customerId);
		Map<String, BigDecimal> endTotal = openAt(to, false, customerId);
		Map<String, BigDecimal> endCurrent = openAt(to, true, customerId);
		java.util.TreeSet<String> currencies = new java.util.TreeSet<>(beginning.keySet());
		currencies.addAll(sales.keySet());
		List<Cei> all = new ArrayList<>();
		for (String currency : currencies) {
			BigDecimal b = beginning.getOrDefault(currency, BigDecimal.ZERO);
			BigDecimal s = sales.getOrDefault(currency, BigDecimal.ZERO);
			BigDecimal t = endTotal.getOrDefault(currency, BigDecimal.ZERO);
			BigDecimal c = endCurrent.getOrDefault(currency, BigDecimal.ZERO);
			BigDecimal collectible = b.add(s).subtract(c);
			all.add(new Cei(currency, from, to, plain(b, currency), plain(s, currency), plain(t, currency),
					plain(c, currency),
					collectible.signum() <= 0 ? null
							: b.add(s)
								.subtract(t)
								.multiply(BigDecimal.valueOf(100))
								.divide(collectible, 1, RoundingMode.HALF_UP)
								.toPlainString()));
		}
		return all;
	}

	/**
	 * The customers whose average days late moved by more than ten days (the largest
	 * changes first), from the invoices paid in the last 90 days against the 365 before.
	 */
	public List<Habit> changed(int limit) {
		return habits(null).stream()
			.filter(h -> h.change() != null
					&& new BigDecimal(h.change()).abs().compareTo(BigDecimal.valueOf(HABIT_CHANGE_DAYS)) > 0)
			.sorted((a, b) -> new BigDecimal(b.change()).abs().compareTo(new BigDecimal(a.change()).abs()))
			.limit(Math.max(1, Math.min(limit, 500)))
			.toList();
	}

	private List<Habit> habits(String customerId) {
		LocalDate day = this.today.date();
		LocalDate recent = day.minusDays(DSO_DAYS);
		return this.jdbc
			.sql("""
					select r.customer_id, n.name,
					  sum(case when r.last_settled_on > :recent then 1 else 0 end),
					  sum(case when r.last_settled_on > :recent then %1$s else 0 end),
					  sum(case when r.last_settled_on <= :recent then 1 else 0 end),
					  sum(case when r.last_settled_on <= :recent then %1$s else 0 end)
					from invoicing_receivable r join customers_name n on n.customer_id = r.customer_id
					where r.status = 'PAID' and r.last_settled_on > :since and r.last_settled_on <= :today %2$s
					group by r.customer_id, n.name""".formatted(DAYS_LATE,
					customerId == null ? "" : "and r.customer_id = :c"))
			.params(customerId == null ? Map.of("recent", recent, "since", recent.minusDays(365), "today", day)
					: Map.of("recent", recent, "since", recent.minusDays(365), "today", day, "c", customerId))
			.query((rs, n) -> {
				int recentCount = rs.getInt(3);
				int earlierCount = rs.getInt(5);
				BigDecimal recentAvg = average(rs.getBigDecimal(4), recentCount);
				BigDecimal earlierAvg = average(rs.getBigDecimal(6), earlierCount);
				return new Habit(rs.getString(1), rs.getString(2), text(recentAvg), recentCount, text(earlierAvg),
						earlierCount, recentAvg == null || earlierAvg == null ? null
								: recentAvg.subtract(earlierAvg).toPlainString());
			})
			.list();
	}

	/**
	 * What was open at the end of {@code asOf} per currency (issued by then, less what
	 * settled by then); only what was not yet due with {@code currentOnly}.
	 */
	private Map<String, BigDecimal> openAt(LocalDate asOf, boolean currentOnly, String customerId) {
		Map<String, BigDecimal> open = new HashMap<>();
		Map<String, Object> params = new HashMap<>();
		params.put("d", asOf);
		if (customerId != null) {
			params.put("c", customerId);
		}
		this.jdbc
			.sql("""
					select r.currency, sum(r.total - coalesce((select sum(s.amount) from invoicing_settlement s
					                                           where s.invoice_id = r.invoice_id and s.settled_on <= :d), 0))
					from invoicing_receivable r
					where r.issue_date <= :d and (r.status in ('ISSUED', 'PARTIALLY_PAID') or r.last_settled_on > :d)
					  %s %s
					group by r.currency"""
				.formatted(currentOnly ? "and r.due_date >= :d" : "",
						customerId == null ? "" : "and r.customer_id = :c"))
			.params(params)
			.query((rs, n) -> open.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		return open;
	}

	/**
	 * The credit sales of {@code (from, to]} per currency: invoices issued in the period
	 * less the credit notes issued in it (a sale credited is no sale, and its credit is
	 * no cash collected).
	 */
	private Map<String, BigDecimal> sales(LocalDate from, LocalDate to, String customerId) {
		Map<String, BigDecimal> sales = new HashMap<>();
		Map<String, Object> params = new HashMap<>();
		params.put("from", from);
		params.put("to", to);
		if (customerId != null) {
			params.put("c", customerId);
		}
		String ofCustomer = customerId == null ? "" : "and r.customer_id = :c";
		this.jdbc.sql("""
				select r.currency, sum(r.total) from invoicing_receivable r
				where r.issue_date > :from and r.issue_date <= :to %s group by r.currency""".formatted(ofCustomer))
			.params(params)
			.query((rs, n) -> sales.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		this.jdbc.sql("""
				select r.currency, sum(s.amount) from invoicing_settlement s
				join invoicing_receivable r on r.invoice_id = s.invoice_id
				where s.kind = 'CREDIT_NOTE' and s.settled_on > :from and s.settled_on <= :to %s
				group by r.currency""".formatted(ofCustomer))
			.params(params)
			.query((rs, n) -> sales.merge(rs.getString(1), rs.getBigDecimal(2).negate(), BigDecimal::add))
			.list();
		return sales;
	}

	private static BigDecimal average(BigDecimal sum, int count) {
		return count == 0 || sum == null ? null : sum.divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
	}

	private static String text(BigDecimal value) {
		return value == null ? null : value.toPlainString();
	}

	private static String plain(BigDecimal amount, String currency) {
		return Money.of(amount, currency).toPlainString();
	}

}
