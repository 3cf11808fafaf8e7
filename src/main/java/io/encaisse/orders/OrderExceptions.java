package io.encaisse.orders;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exceptions queue: orders the intake controls held, with why, for the order desk to
 * release or cancel.
 */
@Service
@Transactional(readOnly = true)
public class OrderExceptions {

	private final JdbcClient jdbc;

	OrderExceptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An order waiting in the exceptions queue. */
	public record Held(String id, String number, String customerName, String channel, String externalReference,
			java.time.LocalDate orderedOn, List<String> reasons) {
	}

	/** Orders on hold, oldest first. */
	public List<Held> onHold() {
		List<Held> held = this.jdbc.sql("""
				select o.id, o.number, c.name, o.channel, o.external_reference, o.ordered_on
				from customer_order o join customers_name c on c.customer_id = o.customer_id
				where o.status = 'ON_HOLD' order by o.created_at, o.id limit 500""")
			.query((rs, n) -> new Held(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, java.time.LocalDate.class), List.of()))
			.list();
		if (held.isEmpty()) {
			return held;
		}
		// every order's reasons in one statement (issue 28: the queue is a worklist)
		java.util.Map<String, List<String>> reasons = new java.util.HashMap<>();
		this.jdbc.sql("""
				select order_id, reason from order_hold_reason where order_id in (:ids) order by order_id, position""")
			.param("ids", held.stream().map(Held::id).toList())
			.query((java.sql.ResultSet rs) -> {
				reasons.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
			});
		return held.stream()
			.map(h -> new Held(h.id(), h.number(), h.customerName(), h.channel(), h.externalReference(), h.orderedOn(),
					reasons.getOrDefault(h.id(), List.of())))
			.toList();
	}

	/** Why the order was (or is) on hold. */
	public List<String> reasons(String orderId) {
		return this.jdbc.sql("select reason from order_hold_reason where order_id = :o order by position")
			.param("o", orderId)
			.query(String.class)
			.list();
	}

}
