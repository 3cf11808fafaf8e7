package io.encaisse.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.encaisse.shared.Money;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collector's worklist: customers with something overdue, ranked by what is overdue
 * times how late the oldest invoice is times the risk (LOW 1, MEDIUM 2, HIGH 3), with the
 * next thing to do: a broken promise to chase, a dispute past its due date, a promise
 * coming due, the last reminder level sent.
 */
@Service
@Transactional(readOnly = true)
public class CollectionsWorklist {

	private final JdbcClient jdbc;

	private final Today today;

	CollectionsWorklist(JdbcClient jdbc, Today today) {
		this.jdbc = jdbc;
		this.today = today;
	}

	/** One customer of the worklist, in one currency. */
	public record Row(String customerId, String customerName, String riskClass, String currency, String overdue,
			int invoicesOverdue, LocalDate oldestDueDate, int daysLate, int lastLevel, LocalDate promisedOn,
			int brokenPromises, int openDisputes, int disputesPastDue, int tasksDue, String collector,
			String nextAction, String score) {
	}

	/**
	 * The worklist at today's date, the most urgent first, at most {@code limit} rows.
	 */
	public List<Row> rows(int limit) {
		return rows(limit, null);
	}

	/**
	 * The worklist of one collector's customers (all customers when {@code collector} is
	 * null), the most urgent first.
	 */
	public List<Row> rows(int limit, String collector) {
		LocalDate day = this.today.date();
		Map<String, String> collectors = new HashMap<>();
		this.jdbc.sql("select customer_id, collector from collection_setting where collector is not null")
			.query((rs, n) -> collectors.put(rs.getString(1), rs.getString(2)))
			.list();
		Map<String, Integer> tasksDue = new HashMap<>();
		this.jdbc.sql("""
				select customer_id, count(*) from collection_task where status = 'OPEN' and due_on <= :today
				group by customer_id""")
			.param("today", day)
			.query((rs, n) -> tasksDue.put(rs.getString(1), rs.getInt(2)))
			.list();
		record Overdue(String customerId, String name, String risk, String currency, BigDecimal amount, int count,
				LocalDate oldest) {
		}
		List<Overdue> overdue = this.jdbc.sql("""
				select r.customer_id, n.name, k.risk_class, r.currency, sum(r.open_amount), count(*), min(r.due_date)
				from invoicing_receivable r
				join customers_name n on n.customer_id = r.customer_id
				join customers_risk k on k.customer_id = r.customer_id
				where r.status in ('ISSUED', 'PARTIALLY_PAID') and r.due_date < :today
				group by r.customer_id, n.name, k.risk_class, r.currency""")
			.param("today", day)
			.query((rs, n) -> new Overdue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBigDecimal(5), rs.getInt(6), rs.getObject(7, LocalDate.class)))
			.list();
		Map<String, Integer> levels = new HashMap<>();
		this.jdbc.sql("""
				select n.customer_id, max(n.level) from dunning_notice n
				join invoicing_receivable r on r.invoice_id = n.invoice_id
				where r.status in ('ISSUED', 'PARTIALLY_PAID') group by n.customer_id""")
			.query((rs, n) -> levels.put(rs.getString(1), rs.getInt(2)))
			.list();
		Map<String, LocalDate> promised = new HashMap<>();
		Map<String, Integer> broken = new HashMap<>();
		this.jdbc.sql("""
				select customer_id, min(case when status = 'OPEN' then promised_on end),
				       sum(case when status = 'BROKEN' or (status = 'OPEN' and promised_on < :today) then 1 else 0 end)
				from payment_promise where status in ('OPEN', 'BROKEN') group by customer_id""")
			.param("today", day)
			.query((rs, n) -> {
				promised.put(rs.getString(1), rs.getObject(2, LocalDate.class));
				return broken.put(rs.getString(1), rs.getInt(3));
			})
			.list();
		Map<String, int[]> disputes = new HashMap<>();
		this.jdbc.sql("""
				select customer_id, count(*), sum(case when due_on < :today then 1 else 0 end)
				from invoice_dispute where status = 'OPEN' group by customer_id""")
			.param("today", day)
			.query((rs, n) -> disputes.put(rs.getString(1), new int[] { rs.getInt(2), rs.getInt(3) }))
			.list();
		List<Row> rows = new ArrayList<>(overdue.size());
		for (Overdue o : overdue) {
			if (collector != null && !collector.equals(collectors.get(o.customerId()))) {
				continue;
			}
			int tasks = tasksDue.getOrDefault(o.customerId(), 0);
			int daysLate = (int) ChronoUnit.DAYS.between(o.oldest(), day);
			int level = levels.getOrDefault(o.customerId(), 0);
			int[] d = disputes.getOrDefault(o.customerId(), new int[2]);
			int brokenCount = broken.getOrDefault(o.customerId(), 0);
			LocalDate promise = promised.get(o.customerId());
			String next = brokenCount > 0 ? "CHASE_BROKEN_PROMISE"
					: tasks > 0 ? "TASK_DUE"
							: d[1] > 0 ? "SETTLE_DISPUTE_PAST_DUE" : promise != null && !promise.isBefore(day)
									? "AWAIT_PROMISE" : level == 0 ? "FIRST_REMINDER" : "FOLLOW_UP_LEVEL_" + level;
			BigDecimal weight = BigDecimal.valueOf(
					io.encaisse.shared.RiskClass.parse(o.risk()).orElse(io.encaisse.shared.RiskClass.LOW).weight());
			BigDecimal score = o.amount().multiply(BigDecimal.valueOf(daysLate)).multiply(weight);
			rows.add(new Row(o.customerId(), o.name(), o.risk(), o.currency(),
					Money.of(o.amount(), o.currency()).toPlainString(), o.count(), o.oldest(), daysLate, level, promise,
					brokenCount, d[0], d[1], tasks, collectors.get(o.customerId()), next,
					score.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString()));
		}
		rows.sort(Comparator.comparing((Row r) -> new BigDecimal(r.score())).reversed());
		return rows.subList(0, Math.min(rows.size(), Math.max(1, Math.min(limit, 500))));
	}

}
