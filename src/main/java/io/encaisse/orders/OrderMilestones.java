package io.encaisse.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.encaisse.shared.Amounts;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Billing an order by stages: a plan of milestones (each a share of the order or an
 * amount), marked ready to bill one by one by the project manager, each then billed once
 * by invoicing ({@link MilestoneReady}). An order with a plan is not billed on delivery.
 */
@Service
@Transactional(readOnly = true)
public class OrderMilestones {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final JdbcClient jdbc;

	private final Orders orders;

	private final AuditTrail audit;

	private final Today today;

	private final ApplicationEventPublisher events;

	OrderMilestones(JdbcClient jdbc, Orders orders, AuditTrail audit, Today today, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.orders = orders;
		this.audit = audit;
		this.today = today;
		this.events = events;
	}

	public record MilestoneInput(String label, String percent, String amount) {
	}

	/** A milestone as the order shows it; {@code value} is what it bills, without VAT. */
	public record Milestone(int number, String label, BigDecimal percent, BigDecimal amount, Money value, String status,
			LocalDate readyOn, String readyBy, String invoiceId) {
	}

	public List<Milestone> of(String orderId) {
		OrderView order = this.orders.get(orderId);
		return of(order);
	}

	List<Milestone> of(OrderView order) {
		Money net = milestoneNet(order);
		return this.jdbc.sql("""
				select position, label, percent, amount, status, ready_on, ready_by, invoice_id
				from order_milestone where order_id = :id order by position""")
			.param("id", order.id())
			.query((rs, n) -> {
				BigDecimal percent = rs.getBigDecimal(3);
				BigDecimal amount = rs.getBigDecimal(4);
				Money value = amount != null ? Money.of(amount, order.currency())
						: net.times(percent).times(BigDecimal.ONE.movePointLeft(2)).rounded();
				return new Milestone(rs.getInt(1), rs.getString(2), percent, amount, value, rs.getString(5),
						rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8));
			})
			.list();
	}

	/** Whether the order is billed by milestones (then not on delivery). */
	public boolean billedByMilestones(String orderId) {
		return this.jdbc.sql("select count(*) from order_milestone where order_id = :id")
			.param("id", orderId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Sets the plan: 1 to 20 milestones, each a percent or an amount; the shares may not
	 * exceed the order. Refused once a milestone is ready or billed, or once a delivery
	 * was billed.
	 */
	@Transactional
	public List<Milestone> plan(String orderId, List<MilestoneInput> input) {
		OrderView order = this.orders.get(orderId);
		billable(order);
		if (of(order).stream().anyMatch(m -> !"PLANNED".equals(m.status()))) {
			throw new Problem.StateConflict("a milestone of order " + order.number()
					+ " is already ready or billed; the plan can no longer change");
		}
		boolean marked = order.lines()
			.stream()
			.anyMatch(l -> io.encaisse.shared.BillingTerm.ON_MILESTONE.is(l.billing()));
		// with lines marked ON_MILESTONE, other invoices (on order, on delivery, a
		// deposit)
		// bill other lines; without, the plan bills the whole order, so nothing may have
		// been invoiced yet
		if (!marked && !order.invoiceIds().isEmpty()) {
			throw new Problem.StateConflict(
					"order " + order.number() + " is already invoiced on delivery; it cannot be billed by milestones");
		}
		Problem.Errors errors = new Problem.Errors();
		if (input == null || input.isEmpty() || input.size() > 20) {
			throw new Problem.Invalid("milestones", "give 1 to 20 milestones");
		}
		Money net = milestoneNet(order);
		BigDecimal share = BigDecimal.ZERO;
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < input.size(); i++) {
			MilestoneInput m = input.get(i);
			String field = "milestones[" + i + "]";
			if (m == null || m.label() == null || m.label().isBlank()) {
				errors.add(field + ".label", "is required (it is printed on the invoice)");
				continue;
			}
			if (m.label().length() > 200) {
				errors.add(field + ".label", "must not exceed 200 characters");
			}
			boolean hasPercent = m.percent() != null && !m.percent().isBlank();
			boolean hasAmount = m.amount() != null && !m.amount().isBlank();
			if (hasPercent == hasAmount) {
				errors.add(field, "give either a percent or an amount");
				continue;
			}
			BigDecimal percent = hasPercent ? Amounts.positive(errors, field + ".percent", m.percent(), 4) : null;
			BigDecimal amount = hasAmount
					? Amounts.positive(errors, field + ".amount", m.amount(), net.currency().getDefaultFractionDigits())
					: null;
			if (percent != null && percent.compareTo(HUNDRED) > 0) {
				errors.add(field + ".percent", "must not exceed 100");
			}
			if (net.amount().signum() > 0) {
				BigDecimal fraction = percent != null ? percent.divide(HUNDRED) : amount == null ? BigDecimal.ZERO
						: amount.divide(net.amount(), 10, java.math.RoundingMode.HALF_UP);
				share = share.add(fraction);
			}
			rows.add(new Object[] { i + 1, m.label().trim(), percent, amount });
		}
		if (share.compareTo(BigDecimal.ONE.add(new BigDecimal("0.0000001"))) > 0) {
			errors.add("milestones", "the milestones add up to more than the order (" + net + ")");
		}
		errors.throwIfAny();
		this.jdbc.sql("delete from order_milestone where order_id = :id").param("id", orderId).update();
		for (Object[] r : rows) {
			this.jdbc.sql("""
					insert into order_milestone (order_id, position, label, percent, amount, status)
					values (:o, :p, :l, :pct, :amt, 'PLANNED')""")
				.param("o", orderId)
				.param("p", r[0])
				.param("l", r[1])
				.param("pct", r[2])
				.param("amt", r[3])
				.update();
		}
		this.audit.record(Orders.DOCUMENT, orderId, "milestones planned",
				AuditTrail.changes("milestones",
						rows.stream()
							.map(r -> r[1] + " "
									+ (r[2] != null ? ((BigDecimal) r[2]).stripTrailingZeros().toPlainString() + " %"
											: r[3] + " " + order.currency()))
							.toList()));
		return of(order);
	}

	/** The project manager marks a milestone ready to bill; invoicing bills it. */
	@Transactional
	public Milestone ready(String orderId, int number) {
		OrderView order = this.orders.get(orderId);
		Milestone m = of(order).stream()
			.filter(x -> x.number() == number)
			.findFirst()
			.orElseThrow(() -> new Problem.NotFound("milestone", orderId + "/" + number));
		if (!"PLANNED".equals(m.status())) {
			throw new Problem.StateConflict("milestone " + number + " of order " + order.number() + " is already "
					+ m.status().toLowerCase(java.util.Locale.ROOT));
		}
		billable(order);
		LocalDate on = this.today.date();
		int marked = this.jdbc.sql("""
				update order_milestone set status = 'READY', ready_on = :on, ready_by = :by
				where order_id = :o and position = :p and status = 'PLANNED'""")
			.param("on", on)
			.param("by", AuditTrail.currentActor())
			.param("o", orderId)
			.param("p", number)
			.update();
		if (marked != 1) {
			// someone marked it at the same moment: it is billed once, by them
			throw new Problem.StateConflict(
					"milestone " + number + " of order " + order.number() + " is already ready");
		}
		this.audit.record(Orders.DOCUMENT, orderId, "milestone ready to bill",
				AuditTrail.changes("milestone", number + " " + m.label(), "value", m.value()));
		this.events.publishEvent(new MilestoneReady(orderId, order.number(), order.customerId(), order.currency(),
				number, m.label(), m.percent(), m.amount(), on,
				milestoneLines(order).stream()
					.map(l -> new DeliveryRecorded.DeliveredLine(l.lineNumber(), l.sku(), l.description(), l.unit(),
							l.quantity(), l.unitPrice().amount(), l.discountPercent(), l.taxRate(), l.priceSource(),
							l.billing()))
					.toList()));
		return of(order).stream().filter(x -> x.number() == number).findFirst().orElseThrow();
	}

	/**
	 * What milestones bill: the lines the quote marked ON_MILESTONE, or, when none is,
	 * the whole order (a plan laid on an order taken without billing terms).
	 */
	/** What the milestones share out: the net of the lines they bill. */
	static Money milestoneNet(OrderView order) {
		Money net = Money.zero(java.util.Currency.getInstance(order.currency()));
		for (OrderView.Line l : milestoneLines(order)) {
			net = net.plus(l.net());
		}
		return net;
	}

	static List<OrderView.Line> milestoneLines(OrderView order) {
		List<OrderView.Line> marked = order.lines()
			.stream()
			.filter(l -> io.encaisse.shared.BillingTerm.ON_MILESTONE.is(l.billing()))
			.toList();
		return marked.isEmpty() ? order.lines() : marked;
	}

	private static void billable(OrderView order) {
		switch (order.status()) {
			case CONFIRMED, IN_PROGRESS, PARTIALLY_DELIVERED, DELIVERED -> {
			}
			default -> throw new Problem.StateConflict(
					"order " + order.number() + " is " + order.status() + "; its milestones cannot be billed");
		}
	}

	/** Called by invoicing, in its transaction, once it billed a milestone. */
	@Transactional
	public void billed(String orderId, int number, String invoiceId) {
		this.jdbc.sql("""
				update order_milestone set status = 'BILLED', invoice_id = :inv
				where order_id = :o and position = :p and status = 'READY'""")
			.param("inv", invoiceId)
			.param("o", orderId)
			.param("p", number)
			.update();
		this.orders.linkInvoice(orderId, invoiceId);
	}

}
