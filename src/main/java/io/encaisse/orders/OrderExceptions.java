package io.encaisse.orders;

import java.time.ZoneOffset;
import java.util.List;

import io.encaisse.orders.domain.Order;
import io.encaisse.orders.domain.OrderRepository;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.context.annotation.Lazy;
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

	private final OrderRepository orders;

	private final OrderSteps steps;

	private final Orders facade;

	private final AuditTrail audit;

	private final Today today;

	OrderExceptions(JdbcClient jdbc, OrderRepository orders, OrderSteps steps, @Lazy Orders facade, AuditTrail audit,
			Today today) {
		this.jdbc = jdbc;
		this.orders = orders;
		this.steps = steps;
		this.facade = facade;
		this.audit = audit;
		this.today = today;
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

	/** Sales administration releases an order on hold, saying why; it is confirmed. */
	@Transactional
	public OrderReception.Received release(String orderId, String note) {
		Order order = this.orders.findById(orderId).orElseThrow(() -> new Problem.NotFound("order", orderId));
		if (note == null || note.isBlank()) {
			throw new Problem.Invalid("note", "say why the order may go on (it is kept with the reasons)");
		}
		order.release();
		this.orders.save(order);
		this.steps.record(orderId, OrderStatus.VALIDATED, OrderStatus.CONFIRMED);
		this.jdbc.sql("""
				update order_hold_reason set released_by = :by, released_at = :at where order_id = :o
				and released_at is null""")
			.param("by", AuditTrail.currentActor())
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.param("o", orderId)
			.update();
		this.audit.record(Orders.DOCUMENT, orderId, "released", AuditTrail.changes("note", note.strip()));
		this.facade.confirmed(order);
		return new OrderReception.Received(orderId, order.number(), order.status().name(), reasons(orderId),
				order.externalReference());
	}

	/** Cancels an order not yet delivered (an order on hold that should not go on). */
	@Transactional
	public OrderReception.Received cancel(String orderId, String reason) {
		Order order = this.orders.findById(orderId).orElseThrow(() -> new Problem.NotFound("order", orderId));
		if (reason == null || reason.isBlank()) {
			throw new Problem.Invalid("reason", "is required");
		}
		order.cancel();
		this.orders.save(order);
		this.steps.record(orderId, OrderStatus.CANCELLED);
		this.audit.record(Orders.DOCUMENT, orderId, "cancelled", AuditTrail.changes("reason", reason.strip()));
		return new OrderReception.Received(orderId, order.number(), order.status().name(), reasons(orderId),
				order.externalReference());
	}

}
