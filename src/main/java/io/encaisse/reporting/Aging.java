package io.encaisse.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.encaisse.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open receivables by days past due (current, 1-30, 31-60, 61-90, over 90) as they stood
 * on any date: invoices issued by then, less what payments and credit notes settled by
 * then.
 * <p>
 * Computed in the database in one pass (ADR 0018): an invoice's open amount at a date is
 * what is open now plus what was settled after that date, so the report reads the
 * invoices open now (an index of them by due date) and the settlements dated after the
 * date (indexed by date), never every invoice's history. Buckets are date comparisons
 * against the due date, sums are per customer and currency.
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

	/** Customers by amount owed (largest first), then the totals per currency. */
	public record Report(LocalDate asOf, List<Row> customers, List<Row> totals) {
	}

	/**
	 * Every receivable open at the date, one row each (ADR 0018). The candidates are the
	 * invoices open now issued by then, and those closed now that were open over the date
	 * (issued by then, last settled after it); {@code %s} is that interval condition, in
	 * the form the database's index answers. A candidate's open amount at the date is its
	 * total when nothing had settled it yet, what is open now when everything that
	 * settled it was dated by then, and otherwise its total less what settled it by then,
	 * looked up by invoice for those few only. {@code :asOf} and the bucket bounds are
	 * bound by the callers.
	 */
	private static final String OPEN_AT = """
			with candidates as (
			  select r.invoice_id, r.number, r.customer_id, r.customer_name, r.currency, r.due_date, r.total,
			         r.open_amount, r.first_settled_on, r.last_settled_on
			  from invoicing_receivable r
			  where r.status in ('ISSUED', 'PARTIALLY_PAID') and r.issue_date <= :asOf
			  union all
			  select r.invoice_id, r.number, r.customer_id, r.customer_name, r.currency, r.due_date, r.total,
			         r.open_amount, r.first_settled_on, r.last_settled_on
			  from invoicing_receivable r
			  where r.status not in ('ISSUED', 'PARTIALLY_PAID') and r.last_settled_on is not null and %s
			), open_at as (
			  select c.invoice_id, c.number, c.customer_id, c.customer_name, c.currency, c.due_date,
			         case when c.first_settled_on is null or c.first_settled_on > :asOf then c.total
			              when c.last_settled_on <= :asOf then c.open_amount
			              else c.total - coalesce((select sum(s.amount) from invoicing_settlement s
			                                       where s.invoice_id = c.invoice_id and s.settled_on <= :asOf), 0)
			         end as open_amount
			  from candidates c
			  offset 0
			)
			""";

	/**
	 * The interval condition on PostgreSQL: what its GiST index of closed invoices
	 * answers.
	 */
	private static final String OPEN_OVER_POSTGRES = "daterange(r.issue_date, greatest(r.issue_date, r.last_settled_on), '[)') @> cast(:asOf as date)";

	/** The same elsewhere (H2). */
	private static final String OPEN_OVER = "r.issue_date <= :asOf and r.last_settled_on > :asOf";

	private static final String BUCKETS = """
			sum(case when due_date >= :asOf then open_amount else 0 end) as b0,
			sum(case when due_date < :asOf and due_date >= :d30 then open_amount else 0 end) as b1,
			sum(case when due_date < :d30 and due_date >= :d60 then open_amount else 0 end) as b2,
			sum(case when due_date < :d60 and due_date >= :d90 then open_amount else 0 end) as b3,
			sum(case when due_date < :d90 then open_amount else 0 end) as b4,
			sum(open_amount) as total, count(*) as invoices""";

	private final JdbcClient jdbc;

	private final String openAt;

	private final boolean postgres;

	Aging(JdbcClient jdbc, io.encaisse.shared.Bulk database) {
		this.jdbc = jdbc;
		this.postgres = database.postgres();
		this.openAt = OPEN_AT.formatted(this.postgres ? OPEN_OVER_POSTGRES : OPEN_OVER);
	}

	/**
	 * The statement of the report's customer rows, as this database runs it (the read
	 * benchmark prints its plan).
	 */
	public static String customerRows(boolean postgres) {
		return OPEN_AT.formatted(postgres ? OPEN_OVER_POSTGRES : OPEN_OVER)
				+ "select customer_id, max(customer_name) as customer_name, currency, " + BUCKETS
				+ " from open_at where open_amount > 0 group by customer_id, currency";
	}

	/** The report at the date: a row per customer and currency, and the totals. */
	public Report asOf(LocalDate asOf) {
		List<Row> customers = bounded(customerRows(this.postgres), asOf)
			.query((rs, i) -> row(rs, rs.getString("customer_id"), rs.getString("customer_name")))
			.list();
		List<Row> sorted = new ArrayList<>(customers);
		sorted.sort(Comparator.comparing((Row r) -> r.total().amount()).reversed().thenComparing(Row::customerId));
		return new Report(asOf, sorted, totals(customers));
	}

	/** The totals per currency at the date. */
	public List<Row> totals(LocalDate asOf) {
		return bounded(this.openAt + "select currency, " + BUCKETS
				+ " from open_at where open_amount > 0 group by currency order by currency", asOf)
			.query((rs, i) -> row(rs, null, null))
			.list();
	}

	/**
	 * The open items furthest past due at the date (the dashboard's "late" list), at most
	 * {@code limit}.
	 */
	public List<OpenItem> latest(LocalDate asOf, int limit) {
		return bounded(this.openAt
				+ "select invoice_id, number, customer_id, customer_name, currency, due_date, open_amount"
				+ " from open_at where open_amount > 0 and due_date < :asOf order by due_date, invoice_id limit "
				+ Math.max(1, Math.min(limit, 1000)), asOf)
			.query((rs, i) -> {
				LocalDate due = rs.getObject("due_date", LocalDate.class);
				long late = ChronoUnit.DAYS.between(due, asOf);
				return new OpenItem(rs.getString("invoice_id"), rs.getString("number"), rs.getString("customer_id"),
						rs.getString("customer_name"), due,
						Money.of(rs.getBigDecimal("open_amount"), rs.getString("currency")), late, Bucket.of(late));
			})
			.list();
	}

	private JdbcClient.StatementSpec bounded(String sql, LocalDate asOf) {
		if (this.postgres) {
			// for this transaction only: no JIT (the plan is cheap to run but estimated
			// dear
			// enough for PostgreSQL to compile it: 0.6 s of 0.9 s at 1,000,000 invoices);
			// the GiST index read on its own (index-only), not through a bitmap of the
			// table
			// (the planner underestimates the intervals containing a date tenfold and
			// prefers
			// the bitmap: 130 ms against 57 ms); sums per customer in a hash table, not
			// by
			// sorting every open item (0.45 s of 1.6 s at 10,000,000), with the memory
			// for it
			this.jdbc.sql("""
					select set_config('jit', 'off', true), set_config('enable_bitmapscan', 'off', true),
					       set_config('enable_sort', 'off', true), set_config('work_mem', '128MB', true)""")
				.query((rs, n) -> 1)
				.list();
		}
		return this.jdbc.sql(sql)
			.param("asOf", asOf)
			.param("d30", asOf.minusDays(30))
			.param("d60", asOf.minusDays(60))
			.param("d90", asOf.minusDays(90));
	}

	private static Row row(ResultSet rs, String customerId, String customerName) throws SQLException {
		String currency = rs.getString("currency");
		Map<Bucket, Money> buckets = new EnumMap<>(Bucket.class);
		Bucket[] all = Bucket.values();
		for (int b = 0; b < all.length; b++) {
			buckets.put(all[b], Money.of(rs.getBigDecimal("b" + b), currency));
		}
		return new Row(customerId, customerName, currency, buckets, Money.of(rs.getBigDecimal("total"), currency),
				rs.getInt("invoices"));
	}

	/** The per-currency totals of customer rows already read (no second query). */
	private static List<Row> totals(List<Row> customers) {
		Map<String, Row> byCurrency = new LinkedHashMap<>();
		for (Row r : customers.stream().sorted(Comparator.comparing(Row::currency)).toList()) {
			byCurrency.merge(r.currency(), new Row(null, null, r.currency(), r.buckets(), r.total(), r.invoices()),
					(a, b) -> {
						Map<Bucket, Money> sum = new EnumMap<>(Bucket.class);
						for (Bucket k : Bucket.values()) {
							sum.put(k, a.bucket(k).plus(b.bucket(k)));
						}
						return new Row(null, null, a.currency(), sum, a.total().plus(b.total()),
								a.invoices() + b.invoices());
					});
		}
		return List.copyOf(byCurrency.values());
	}

	/**
	 * Days sales outstanding over the last {@code days} days: receivables at the date
	 * divided by the credit sales of the period, times the days of the period. Empty when
	 * nothing was sold in the period.
	 */
	public Optional<BigDecimal> dso(LocalDate asOf, String currency, int days) {
		Money receivables = totals(asOf).stream()
			.filter(r -> r.currency().equals(currency))
			.findFirst()
			.map(Row::total)
			.orElse(Money.zero(currency));
		return dso(asOf, receivables, days);
	}

	/**
	 * The same, for receivables already summed (the dashboard has them from its aging
	 * totals).
	 */
	public Optional<BigDecimal> dso(LocalDate asOf, Money receivables, int days) {
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
			return Optional.empty();
		}
		return Optional
			.of(receivables.amount().multiply(BigDecimal.valueOf(days)).divide(sales, 1, RoundingMode.HALF_UP));
	}

}
