package io.encaisse.orders;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of an order's life, in the transaction of each change: RECEIVED when a
 * channel brings it, VALIDATED once its controls pass (or sales administration releases
 * it), then CONFIRMED, ON_HOLD, IN_PROGRESS, PARTIALLY_DELIVERED, DELIVERED, INVOICED,
 * CLOSED or CANCELLED, each with its time and who did it.
 */
@Component
public class OrderSteps {

	private final JdbcTemplate jdbc;

	private final Today today;

	OrderSteps(JdbcTemplate jdbc, Today today) {
		this.jdbc = jdbc;
		this.today = today;
	}

	/** A step, when, and who. */
	public record Step(OrderStatus status, Instant at, String actor) {
	}

	/** Records the new status, if it is one. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void changed(String orderId, OrderStatus before, OrderStatus after) {
		if (before != after) {
			record(orderId, after);
		}
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String orderId, OrderStatus... steps) {
		List<Object[]> rows = new ArrayList<>();
		add(rows, orderId, Timestamp.from(this.today.instant()), steps);
		recordAll(rows);
	}

	/** Rows for {@link #recordAll}: one per step, all at the same time. */
	static void add(List<Object[]> rows, String orderId, Timestamp at, OrderStatus... steps) {
		String actor = AuditTrail.currentActor();
		for (OrderStatus s : steps) {
			rows.add(new Object[] { Ids.next("stp"), orderId, s.name(), at, actor });
		}
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void recordAll(List<Object[]> rows) {
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate("insert into order_step (id, order_id, status, at, actor) values (?, ?, ?, ?, ?)",
					rows);
		}
	}

	/** The steps of an order, oldest first. */
	/** The steps of these orders, each order's in order. */
	public java.util.Map<String, List<Step>> of(List<String> orderIds) {
		java.util.Map<String, List<Step>> steps = new java.util.HashMap<>();
		if (orderIds.isEmpty()) {
			return steps;
		}
		new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(this.jdbc).query(
				"select order_id, status, at, actor from order_step where order_id in (:ids) order by order_id, at, id",
				java.util.Map.of("ids", orderIds), (java.sql.ResultSet rs) -> {
					steps.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
						.add(new Step(OrderStatus.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(),
								rs.getString(4)));
				});
		return steps;
	}

	public List<Step> of(String orderId) {
		return this.jdbc.query("select status, at, actor from order_step where order_id = ? order by at, id", (rs,
				n) -> new Step(OrderStatus.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(), rs.getString(3)),
				orderId);
	}

}
