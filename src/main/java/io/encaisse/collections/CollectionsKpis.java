package io.encaisse.collections;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.encaisse.shared.Money;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How collections is doing: promises kept, what each reminder level brought in (the share
 * of the invoices reminded at that level that are paid since), the open disputes by
 * reason and age, and where disputes come from (the step of the chain each reason points
 * at, by month over the last twelve), the CEI of the last 90 days and the customers whose
 * paying habits changed ({@link PayingHabits}).
 */
@Service
@Transactional(readOnly = true)
public class CollectionsKpis {

	/** The step of the chain a dispute's reason points at. */
	static final Map<DisputeReason, String> STEP = Map.of(DisputeReason.PRICE, "PRICES", DisputeReason.MISSING_PO,
			"ORDER_INTAKE", DisputeReason.QUANTITY, "DELIVERY", DisputeReason.QUALITY, "DELIVERY",
			DisputeReason.NOT_DELIVERED, "DELIVERY", DisputeReason.DUPLICATE, "INVOICING", DisputeReason.OTHER,
			"OTHER");

	private final JdbcClient jdbc;

	private final Today today;

	private final PayingHabits habits;

	CollectionsKpis(JdbcClient jdbc, Today today, PayingHabits habits) {
		this.jdbc = jdbc;
		this.today = today;
		this.habits = habits;
	}

	public record Promises(int open, int kept, int broken, String keptRate) {
	}

	public record LevelEffect(int level, int invoices, int paidSince, String paidRate) {
	}

	public record OpenDisputes(String reason, int count, int upTo30Days, int from31To60Days, int over60Days) {
	}

	public record RootCause(String month, String step, String reason, int count, String amount, String currency) {
	}

	/**
	 * Disputes of a reason resolved over the last twelve months, and how long they took.
	 */
	public record ResolutionTime(String reason, int resolved, String averageDays, long longestDays) {
	}

	public record Report(LocalDate asOf, Promises promises, List<LevelEffect> reminders,
			List<OpenDisputes> openDisputes, List<RootCause> rootCauses, List<PayingHabits.Cei> cei,
			List<PayingHabits.Habit> payingHabitsChanged, List<ResolutionTime> resolutionTimes) {
	}

	/** Promises open, kept, broken, and the share kept of those decided. */
	public Promises promises() {
		int[] p = new int[3];
		this.jdbc.sql("select status, count(*) from payment_promise group by status").query((rs, n) -> {
			switch (rs.getString(1)) {
				case "OPEN" -> p[0] = rs.getInt(2);
				case "KEPT" -> p[1] = rs.getInt(2);
				default -> p[2] = rs.getInt(2);
			}
			return null;
		}).list();
		return new Promises(p[0], p[1], p[2], rate(p[1], p[1] + p[2]));
	}

	public Report report() {
		LocalDate day = this.today.date();
		Promises promises = promises();
		List<LevelEffect> levels = this.jdbc.sql("""
				select n.level, count(*), sum(case when r.status in ('PAID', 'CANCELLED') then 1 else 0 end)
				from dunning_notice n join invoicing_receivable r on r.invoice_id = n.invoice_id
				group by n.level order by n.level""")
			.query((rs, n) -> new LevelEffect(rs.getInt(1), rs.getInt(2), rs.getInt(3),
					rate(rs.getInt(3), rs.getInt(2))))
			.list();
		Map<String, int[]> open = new TreeMap<>();
		this.jdbc.sql("select reason, opened_at from invoice_dispute where status = 'OPEN'").query((rs, n) -> {
			long age = ChronoUnit.DAYS
				.between(rs.getTimestamp(2).toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate(), day);
			int[] c = open.computeIfAbsent(rs.getString(1), k -> new int[4]);
			c[0]++;
			c[age <= 30 ? 1 : age <= 60 ? 2 : 3]++;
			return null;
		}).list();
		List<OpenDisputes> openDisputes = new ArrayList<>();
		open.forEach((reason, c) -> openDisputes.add(new OpenDisputes(reason, c[0], c[1], c[2], c[3])));
		Map<String, RootCauseSum> causes = new TreeMap<>();
		this.jdbc.sql("""
				select reason, opened_at, amount, currency from invoice_dispute where opened_at >= :since""")
			.param("since", day.minusMonths(12).withDayOfMonth(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC))
			.query((rs, n) -> {
				String month = rs.getTimestamp(2)
					.toInstant()
					.atZone(java.time.ZoneOffset.UTC)
					.toLocalDate()
					.toString()
					.substring(0, 7);
				DisputeReason reason = DisputeReason.valueOf(rs.getString(1));
				String key = month + "|" + STEP.get(reason) + "|" + reason + "|" + rs.getString(4);
				causes.computeIfAbsent(key, k -> new RootCauseSum()).add(rs.getBigDecimal(3));
				return null;
			})
			.list();
		List<RootCause> rootCauses = new ArrayList<>();
		causes.forEach((key, sum) -> {
			String[] k = key.split("\\|");
			rootCauses
				.add(new RootCause(k[0], k[1], k[2], sum.count, Money.of(sum.amount, k[3]).toPlainString(), k[3]));
		});
		return new Report(day, promises, levels, openDisputes, rootCauses,
				this.habits.cei(day.minusDays(PayingHabits.DSO_DAYS), day, null), this.habits.changed(50),
				resolutionTimes(day));
	}

	private List<ResolutionTime> resolutionTimes(LocalDate day) {
		Map<String, long[]> byReason = new TreeMap<>();
		this.jdbc.sql("""
				select reason, opened_at, resolved_at from invoice_dispute
				where resolved_at is not null and resolved_at >= :since""")
			.param("since", day.minusMonths(12).atStartOfDay().atOffset(java.time.ZoneOffset.UTC))
			.query((rs, n) -> {
				long days = java.time.Duration.between(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant())
					.toDays();
				long[] t = byReason.computeIfAbsent(rs.getString(1), k -> new long[3]);
				t[0]++;
				t[1] += days;
				t[2] = Math.max(t[2], days);
				return null;
			})
			.list();
		List<ResolutionTime> times = new ArrayList<>();
		byReason.forEach((reason, t) -> times.add(new ResolutionTime(reason, (int) t[0],
				BigDecimal.valueOf(t[1]).divide(BigDecimal.valueOf(t[0]), 1, RoundingMode.HALF_UP).toPlainString(),
				t[2])));
		return times;
	}

	private static final class RootCauseSum {

		int count;

		BigDecimal amount = BigDecimal.ZERO;

		void add(BigDecimal a) {
			this.count++;
			this.amount = this.amount.add(a);
		}

	}

	private static String rate(int part, int whole) {
		return whole == 0 ? null
				: BigDecimal.valueOf(part * 100L)
					.divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
					.toPlainString();
	}

}
