package io.encaisse.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.orders.domain.Delivery;
import io.encaisse.orders.domain.DeliveryLine;
import io.encaisse.orders.domain.DeliveryRepository;
import io.encaisse.orders.domain.Order;
import io.encaisse.orders.domain.OrderLine;
import io.encaisse.orders.domain.OrderRepository;
import io.encaisse.shared.Amounts;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Ids;
import io.encaisse.shared.LineAmounts;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orders facade: read orders, record deliveries, learn which invoices billed them.
 */
@Service
@Transactional(readOnly = true)
public class Orders {

	public static final String DOCUMENT = "order";

	private final OrderRepository orders;

	private final DeliveryRepository deliveries;

	private final Customers customers;

	private final AuditTrail audit;

	private final Today today;

	private final ApplicationEventPublisher events;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final OrderConfirmations confirmations;

	private final OrderSteps steps;

	private final io.encaisse.shared.AggregateBatch batch;

	Orders(OrderSteps steps, OrderConfirmations confirmations, OrderRepository orders, DeliveryRepository deliveries,
			Customers customers, AuditTrail audit, Today today, ApplicationEventPublisher events,
			org.springframework.jdbc.core.simple.JdbcClient jdbc, io.encaisse.shared.AggregateBatch batch) {
		this.batch = batch;
		this.jdbc = jdbc;
		this.confirmations = confirmations;
		this.steps = steps;
		this.orders = orders;
		this.deliveries = deliveries;
		this.customers = customers;
		this.audit = audit;
		this.today = today;
		this.events = events;
	}

	public OrderView get(String id) {
		return view(load(id));
	}

	public Cursor.Page<OrderView> list(Cursor cursor) {
		// the page's orders whole in one statement per table, whatever its size
		Cursor.Page<Order> page = this.batch.page(Order.class, cursor);
		return new Cursor.Page<>(views(page.data()), page.hasMore());
	}

	public List<OrderView> ofCustomer(String customerId) {
		return views(this.orders.findByCustomerIdOrderByIdDesc(customerId));
	}

	/**
	 * Records a delivery and publishes {@link DeliveryRecorded}. Quantities are matched
	 * to the order's lines by SKU, first line with something left to deliver first.
	 */
	@Transactional
	public OrderView.DeliveryView recordDelivery(String orderId, DeliveryInput input) {
		Order order = load(orderId);
		Problem.Errors errors = new Problem.Errors();
		LocalDate deliveredOn = input.deliveredOn() == null ? this.today.date() : input.deliveredOn();
		if (deliveredOn.isAfter(this.today.date())) {
			errors.add("deliveredOn", "must not be in the future");
		}
		if (deliveredOn.isBefore(order.orderedOn())) {
			errors.add("deliveredOn", "must not be before the order date " + order.orderedOn());
		}
		List<OrderLine> lines = order.lines();
		Map<Integer, BigDecimal> byLine = new LinkedHashMap<>();
		if (input.lines() == null || input.lines().isEmpty()) {
			errors.add("lines", "a delivery needs at least one line");
		}
		else {
			for (int i = 0; i < input.lines().size(); i++) {
				DeliveryInput.LineInput in = input.lines().get(i);
				String field = "lines[" + i + "]";
				BigDecimal qty = Amounts.positive(errors, field + ".quantity", in == null ? null : in.quantity(), 4);
				String sku = in == null ? null : in.sku();
				List<Integer> candidates = IntStream.range(0, lines.size())
					.filter(n -> lines.get(n).sku().equals(sku))
					.boxed()
					.toList();
				if (candidates.isEmpty()) {
					errors.add(field + ".sku",
							sku == null ? "is required" : "'" + sku + "' is not on order " + order.number());
					continue;
				}
				if (qty == null) {
					continue;
				}
				for (int n : candidates) {
					BigDecimal left = lines.get(n).remaining().subtract(byLine.getOrDefault(n + 1, BigDecimal.ZERO));
					BigDecimal take = qty.min(left.max(BigDecimal.ZERO));
					if (take.signum() > 0) {
						byLine.merge(n + 1, take, BigDecimal::add);
						qty = qty.subtract(take);
					}
				}
				if (qty.signum() > 0) {
					errors.add(field + ".quantity", "exceeds what remains to be delivered of '" + sku + "' by "
							+ qty.stripTrailingZeros().toPlainString());
				}
			}
		}
		errors.throwIfAny();
		List<Order.Delivered> delivered = byLine.entrySet()
			.stream()
			.map(e -> new Order.Delivered(e.getKey(), e.getValue()))
			.toList();
		return book(order, delivered, deliveredOn, "delivery recorded");
	}

	/**
	 * Books delivered quantities: the order's lines, a delivery, its audit, and
	 * {@link DeliveryRecorded} for invoicing.
	 */
	private OrderView.DeliveryView book(Order order, List<Order.Delivered> delivered, LocalDate deliveredOn,
			String action) {
		return book(order, delivered, deliveredOn, action, false);
	}

	/** The id prefix of the deliveries of lines billed on order. */
	public static final String ON_ORDER_DELIVERY = "dlo";

	private OrderView.DeliveryView book(Order order, List<Order.Delivered> delivered, LocalDate deliveredOn,
			String action, boolean onOrder) {
		String orderId = order.id();
		List<OrderLine> lines = order.lines();
		OrderStatus before = order.status();
		order.deliver(delivered, onOrder);
		this.steps.changed(orderId, before, order.status());
		this.orders.save(order);
		// a supply deemed made when the order is confirmed (billed on order) is told
		// apart
		// by its id: its invoice is not where a deposit is deducted
		Delivery delivery = this.deliveries
			.save(Delivery.of(Ids.next(onOrder ? ON_ORDER_DELIVERY : "dlv"), orderId, deliveredOn,
					delivered.stream()
						.map(d -> new DeliveryLine(d.lineNumber(), lines.get(d.lineNumber() - 1).sku(), d.quantity()))
						.toList(),
					this.today.instant()));
		this.audit.record(DOCUMENT, orderId, action, AuditTrail.changes("delivery", delivery.id(), "deliveredOn",
				deliveredOn, "lines", delivered.size(), "status", order.status()));
		this.events.publishEvent(new DeliveryRecorded(delivery.id(), orderId, order.number(), order.customerId(),
				order.currency(), deliveredOn, delivered.stream().map(d -> {
					OrderLine l = lines.get(d.lineNumber() - 1);
					return new DeliveryRecorded.DeliveredLine(d.lineNumber(), l.sku(), l.description(), l.unit(),
							d.quantity(), l.unitPrice(), l.discountPercent(), l.taxRate(), l.priceSource(),
							l.billing());
				}).toList()));
		return deliveryView(delivery);
	}

	/**
	 * Called by invoicing, in its transaction, for each invoice it issues for an order.
	 */
	@Transactional
	public void recordInvoiced(String orderId, String invoiceId, int invoicesOfOrder) {
		Order order = load(orderId);
		long deliveriesOfOrder = this.deliveries.countByOrderId(orderId);
		var before = order.status();
		// milestones still to bill keep the order from being INVOICED
		if (order.recordInvoiced(invoiceId, invoicesOfOrder >= deliveriesOfOrder && !milestonesLeft(orderId))) {
			this.orders.save(order);
			this.steps.changed(orderId, before, order.status());
			this.audit.record(DOCUMENT, orderId, "invoiced", AuditTrail.changes("invoice", invoiceId, "status",
					before == order.status() ? order.status() : before + " → " + order.status()));
		}
	}

	/**
	 * Links an invoice that bills the order otherwise than by delivery (a milestone, a
	 * deposit); the order's status follows deliveries.
	 */
	@Transactional
	public void linkInvoice(String orderId, String invoiceId) {
		Order order = load(orderId);
		var before = order.status();
		// the last milestone billed, on a delivered order: everything is invoiced
		// (deliveries of lines billed on delivery were invoiced when recorded)
		boolean milestones = this.jdbc.sql("select count(*) from order_milestone where order_id = :o")
			.param("o", orderId)
			.query(Long.class)
			.single() > 0;
		if (order.recordInvoiced(invoiceId, milestones && !milestonesLeft(orderId))) {
			this.orders.save(order);
			this.steps.changed(orderId, before, order.status());
			this.audit.record(DOCUMENT, orderId, "invoiced", AuditTrail.changes("invoice", invoiceId));
		}
	}

	/** Work on the order has started (a project, a preparation): IN_PROGRESS. */
	@Transactional
	public OrderView start(String id) {
		Order order = load(id);
		var before = order.status();
		order.start();
		this.orders.save(order);
		this.steps.changed(id, before, order.status());
		this.audit.record(DOCUMENT, id, "started", AuditTrail.changes("status", before + " → " + order.status()));
		return view(order);
	}

	/** Nothing more will happen on the order: CLOSED. */
	@Transactional
	public OrderView close(String id) {
		Order order = load(id);
		var before = order.status();
		order.close();
		this.orders.save(order);
		this.steps.changed(id, before, order.status());
		this.audit.record(DOCUMENT, id, "closed", AuditTrail.changes("status", before + " → " + order.status()));
		return view(order);
	}

	/** The delivery date we promise; the customer sees it on their page. */
	@Transactional
	public OrderView estimate(String id, LocalDate estimated) {
		Order order = load(id);
		if (estimated == null) {
			throw new Problem.Invalid("estimatedDelivery", "is required");
		}
		if (estimated.isBefore(order.orderedOn())) {
			throw new Problem.Invalid("estimatedDelivery", "must not be before the order date " + order.orderedOn());
		}
		this.jdbc.sql("update customer_order set estimated_delivery = :d where id = :id")
			.param("d", estimated)
			.param("id", id)
			.update();
		this.audit.record(DOCUMENT, id, "delivery date estimated", AuditTrail.changes("estimatedDelivery", estimated));
		return view(order);
	}

	/** Used by the intake from quotes; one order per quote. */
	@Transactional
	Order fromQuote(String quoteId, String customerId, String currency, LocalDate orderedOn, List<OrderLine> lines,
			String number, BigDecimal depositPercent, Integer paymentTermsDays, List<String> holdReasons) {
		Order order = this.orders.save(Order.fromQuote(Ids.next("ord"), number, customerId, quoteId, currency,
				orderedOn, lines, !holdReasons.isEmpty(), this.today.instant()));
		if (paymentTermsDays != null) {
			this.jdbc.sql("update customer_order set payment_terms_days = :d where id = :id")
				.param("d", paymentTermsDays)
				.param("id", order.id())
				.update();
		}
		if (depositPercent != null) {
			// kept beside the aggregate, as on the quote
			this.jdbc.sql("update customer_order set deposit_percent = :d where id = :id")
				.param("d", depositPercent)
				.param("id", order.id())
				.update();
		}
		this.audit.record(DOCUMENT, order.id(), "created from quote", AuditTrail.changes("quote", quoteId, "channel",
				"QUOTE", "status", order.status(), "reasons", holdReasons.isEmpty() ? null : holdReasons));
		if (!holdReasons.isEmpty()) {
			// the same controls as every channel's: it waits in the exceptions queue
			this.steps.record(order.id(), OrderStatus.RECEIVED, OrderStatus.ON_HOLD);
			for (int i = 0; i < holdReasons.size(); i++) {
				this.jdbc.sql("insert into order_hold_reason (order_id, position, reason) values (:o, :p, :r)")
					.param("o", order.id())
					.param("p", i + 1)
					.param("r", holdReasons.get(i))
					.update();
			}
			return order;
		}
		// the customer's acceptance is the order's receipt; its lines are the quote's
		this.steps.record(order.id(), OrderStatus.RECEIVED, OrderStatus.VALIDATED, OrderStatus.CONFIRMED);
		return confirmed(order);
	}

	/**
	 * What follows an order's confirmation, at intake or on release from hold: the
	 * confirmation mail, {@link OrderConfirmed} (with the deposit its quote asked for),
	 * and the lines billed on order supplied and billed at once (a licence, a set-up
	 * fee).
	 */
	Order confirmed(Order order) {
		this.confirmations.queue(order.id());
		BigDecimal depositPercent = this.jdbc.sql("select deposit_percent from customer_order where id = :id")
			.param("id", order.id())
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getBigDecimal(1)))
			.single()
			.orElse(null);
		this.events.publishEvent(
				new OrderConfirmed(order.id(), order.number(), order.customerId(), order.channel(), depositPercent));
		List<OrderLine> lines = order.lines();
		List<Order.Delivered> onOrder = IntStream.range(0, lines.size())
			.filter(i -> io.encaisse.shared.BillingTerm.ON_ORDER.is(lines.get(i).billing()))
			.mapToObj(i -> new Order.Delivered(i + 1, lines.get(i).quantity()))
			.toList();
		if (!onOrder.isEmpty()) {
			book(order, onOrder, order.orderedOn(), "billed on order", true);
			return load(order.id());
		}
		return order;
	}

	/**
	 * Milestones still to bill: a milestone of the plan not billed yet, or lines billed
	 * by milestones with no plan laid for them yet.
	 */
	private boolean milestonesLeft(String orderId) {
		return this.jdbc.sql("""
				select (select count(*) from order_milestone where order_id = :o and status <> 'BILLED')
				     + (select count(*) from order_line l where l.order_id = :o and l.billing = 'ON_MILESTONE'
				        and not exists (select 1 from order_milestone m where m.order_id = :o))""")
			.param("o", orderId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Called by invoicing when a delivery bills nothing (what it delivered is billed by
	 * milestones): a delivered order with no milestone left is INVOICED.
	 */
	@Transactional
	public void deliveryBilledElsewhere(String orderId) {
		Order order = load(orderId);
		var before = order.status();
		if (!milestonesLeft(orderId) && order.billedInFull()) {
			this.orders.save(order);
			this.steps.changed(orderId, before, order.status());
			this.audit.record(DOCUMENT, orderId, "invoiced",
					AuditTrail.changes("status", before + " → " + order.status()));
		}
	}

	/** The payment terms the accepted quote gave the order, if it gave any. */
	public java.util.Optional<Integer> paymentTermsDays(String orderId) {
		return this.jdbc.sql("select payment_terms_days from customer_order where id = :id")
			.param("id", orderId)
			.query((rs, n) -> (Integer) rs.getObject(1, Integer.class))
			.optional();
	}

	private Order load(String id) {
		return this.orders.findById(id).orElseThrow(() -> new Problem.NotFound("order", id));
	}

	private OrderView view(Order o) {
		return views(List.of(o)).get(0);
	}

	/**
	 * The views of these orders, with what each keeps beside its aggregate (customer
	 * name, dates and terms, deliveries, steps) read for all of them at once: a page of
	 * orders costs the same statements whatever its size (issue 28).
	 */
	private List<OrderView> views(List<Order> orders) {
		List<OrderView> views = new ArrayList<>(orders.size());
		for (int from = 0; from < orders.size(); from += 500) {
			views.addAll(viewsOf(orders.subList(from, Math.min(orders.size(), from + 500))));
		}
		return views;
	}

	private List<OrderView> viewsOf(List<Order> orders) {
		List<String> ids = orders.stream().map(Order::id).toList();
		java.util.Map<String, String> names = this.customers
			.namesOf(orders.stream().map(Order::customerId).distinct().toList());
		java.util.Map<String, Object[]> beside = new java.util.HashMap<>();
		this.jdbc.sql("""
				select id, requested_delivery, estimated_delivery, payment_terms_days, deposit_percent
				from customer_order where id in (:ids)""").param("ids", ids).query((java.sql.ResultSet rs) -> {
			beside.put(rs.getString(1), new Object[] { rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class), rs.getObject(4, Integer.class), rs.getBigDecimal(5) });
		});
		java.util.Map<String, List<OrderView.DeliveryView>> deliveries = new java.util.HashMap<>();
		List<String> deliveryIds = this.jdbc.sql("select id from delivery where order_id in (:ids) order by id")
			.param("ids", ids)
			.query(String.class)
			.list();
		for (Delivery d : this.batch.load(Delivery.class, deliveryIds)) {
			deliveries.computeIfAbsent(d.orderId(), k -> new ArrayList<>()).add(deliveryView(d));
		}
		java.util.Map<String, List<OrderSteps.Step>> steps = this.steps.of(ids);
		List<OrderView> views = new ArrayList<>(orders.size());
		for (Order o : orders) {
			Currency currency = Currency.getInstance(o.currency());
			List<OrderLine> lines = o.lines();
			List<OrderView.Line> viewLines = new ArrayList<>();
			for (int i = 0; i < lines.size(); i++) {
				OrderLine l = lines.get(i);
				viewLines.add(new OrderView.Line(i + 1, l.sku(), l.description(), l.unit(), l.quantity(),
						l.deliveredQuantity(), new Money(l.unitPrice(), currency), l.discountPercent(), l.taxRate(),
						LineAmounts.lineNet(l.amounts(), currency), l.priceSource(), l.billing()));
			}
			Object[] kept = beside.get(o.id());
			views.add(new OrderView(o.id(), o.number(), o.customerId(),
					names.getOrDefault(o.customerId(), o.customerId()), o.quoteId(), o.channel(), o.currency(),
					o.status(), o.orderedOn(), o.externalReference(), viewLines, o.totals(), o.invoiceIds(),
					deliveries.getOrDefault(o.id(), List.of()), o.version(), (BigDecimal) kept[3], (LocalDate) kept[0],
					(LocalDate) kept[1], (Integer) kept[2], steps.getOrDefault(o.id(), List.of())));
		}
		return views;
	}

	private static OrderView.DeliveryView deliveryView(Delivery d) {
		return new OrderView.DeliveryView(d.id(), d.deliveredOn(),
				d.lines()
					.stream()
					.map(l -> new OrderView.DeliveredLine(l.orderLineIndex(), l.sku(), l.quantity()))
					.toList());
	}

}
