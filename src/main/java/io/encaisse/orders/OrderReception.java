package io.encaisse.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.encaisse.catalog.Catalog;
import io.encaisse.catalog.Pricing;
import io.encaisse.catalog.ProductDetails;
import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.customers.OpenBalances;
import io.encaisse.orders.domain.Order;
import io.encaisse.orders.domain.OrderLine;
import io.encaisse.orders.domain.OrderRepository;
import io.encaisse.shared.Amounts;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Counters;
import io.encaisse.shared.Ids;
import io.encaisse.shared.LineAmounts;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;
import io.encaisse.shared.VatTreatment;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders from every channel into one model. A request that cannot be read (a missing
 * field, a bad number, an unknown customer) is refused, and a file is refused whole; a
 * well-formed order is kept whatever happens, CONFIRMED when every control passes, else
 * ON_HOLD with each reason, for sales administration to release or cancel. The controls:
 * every item known and sellable, prices equal to the price book's (agreements included),
 * the credit limit (open invoices plus this order), the credit hold (a high-risk customer
 * with overdue invoices), and no duplicate (same customer, same reference).
 */
@Service
@Transactional(readOnly = true)
public class OrderReception {

	private static final int MAX_LINES = 2000;

	private final OrderRepository orders;

	private final Customers customers;

	private final Catalog catalog;

	private final Pricing pricing;

	private final ObjectProvider<OpenBalances> balances;

	private final Counters counters;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Today today;

	private final ApplicationEventPublisher events;

	OrderReception(OrderRepository orders, Customers customers, Catalog catalog, Pricing pricing,
			ObjectProvider<OpenBalances> balances, Counters counters, JdbcClient jdbc, AuditTrail audit, Today today,
			ApplicationEventPublisher events) {
		this.orders = orders;
		this.customers = customers;
		this.catalog = catalog;
		this.pricing = pricing;
		this.balances = balances;
		this.counters = counters;
		this.jdbc = jdbc;
		this.audit = audit;
		this.today = today;
		this.events = events;
	}

	/** What became of a received order. */
	public record Received(String id, String number, String status, List<String> reasons, String externalReference) {
	}

	/** One order through the API. */
	@Transactional
	public Received receive(OrderRequest request) {
		return receiveAll(List.of(request)).get(0);
	}

	/**
	 * The orders of a file: all are read first, and any that cannot be read refuses the
	 * file whole (its line named); then each is kept, confirmed or on hold.
	 */
	@Transactional
	public List<Received> receiveAll(List<OrderRequest> requests) {
		if (requests.isEmpty()) {
			throw new Problem.Invalid("file", "holds no order");
		}
		Problem.Errors errors = new Problem.Errors();
		List<Resolved> resolved = new ArrayList<>();
		// a file names the same customers and items again and again: each is looked up
		// once
		this.fileCustomers.set(new java.util.HashMap<>());
		this.fileProducts.set(new java.util.HashMap<>());
		this.fileBalances.set(new java.util.HashMap<>());
		try {
			return receiveAll(requests, errors, resolved);
		}
		finally {
			this.fileCustomers.remove();
			this.fileProducts.remove();
			this.fileBalances.remove();
		}
	}

	private final ThreadLocal<java.util.Map<String, Optional<CustomerDetails>>> fileCustomers = new ThreadLocal<>();

	private final ThreadLocal<java.util.Map<String, Optional<ProductDetails>>> fileProducts = new ThreadLocal<>();

	private final ThreadLocal<java.util.Map<String, List<OpenBalances.Balance>>> fileBalances = new ThreadLocal<>();

	private List<Received> receiveAll(List<OrderRequest> requests, Problem.Errors errors, List<Resolved> resolved) {
		for (int i = 0; i < requests.size(); i++) {
			Resolved r = resolve(errors, requests.get(i), requests.size() == 1 ? "" : "orders[" + i + "].");
			if (r != null) {
				resolved.add(r);
			}
		}
		errors.throwIfAny();
		List<Received> received = new ArrayList<>();
		for (Resolved r : resolved) {
			received.add(keep(r));
		}
		return received;
	}

	private record Resolved(OrderRequest request, CustomerDetails customer, Currency currency, List<OrderLine> lines,
			List<String> reasons) {
	}

	private Resolved resolve(Problem.Errors errors, OrderRequest in, String prefix) {
		Integer line = in.fileLine();
		Problem.Errors mine = new Problem.Errors();
		CustomerDetails customer = null;
		if (in.customer() == null || in.customer().isBlank()) {
			mine.add(prefix + "customer", "is required (our customer id, their SIREN, VAT number or reference)");
		}
		else {
			String ref = in.customer().trim();
			var cache = this.fileCustomers.get();
			customer = (cache == null ? findCustomer(ref) : cache.computeIfAbsent(ref, this::findCustomer))
				.orElse(null);
			if (customer == null) {
				mine.add(prefix + "customer", "no customer '" + in.customer().trim()
						+ "' (by id, SIREN, VAT number or reference); customers are never created by an order");
			}
		}
		if (in.externalReference() != null && in.externalReference().length() > 100) {
			mine.add(prefix + "externalReference", "must not exceed 100 characters");
		}
		String code = in.currency() == null || in.currency().isBlank()
				? (customer == null ? "EUR" : customer.currency()) : in.currency().trim();
		Currency currency = Amounts.currency(mine, prefix + "currency", code);
		if (in.lines() == null || in.lines().isEmpty()) {
			mine.add(prefix + "lines", "an order needs at least one line");
		}
		else if (in.lines().size() > MAX_LINES) {
			mine.add(prefix + "lines", "at most " + MAX_LINES + " lines per order");
		}
		List<OrderLine> lines = new ArrayList<>();
		List<String> reasons = new ArrayList<>();
		if (customer != null && currency != null && in.lines() != null && in.lines().size() <= MAX_LINES) {
			for (int i = 0; i < in.lines().size(); i++) {
				OrderLine l = line(mine, reasons, prefix + "lines[" + i + "]", i + 1, in.lines().get(i), customer,
						currency);
				if (l != null) {
					lines.add(l);
				}
			}
		}
		if (!mine.isEmpty()) {
			// a file names the line where the order starts
			if (line != null) {
				errors.addAllAtLine(line, mineErrors(mine));
			}
			else {
				mineErrors(mine).forEach(e -> errors.add(e.field(), e.message()));
			}
			return null;
		}
		return new Resolved(in, customer, currency, lines, reasons);
	}

	private static List<Problem.FieldError> mineErrors(Problem.Errors errors) {
		try {
			errors.throwIfAny();
			return List.of();
		}
		catch (Problem.Invalid invalid) {
			return invalid.errors();
		}
	}

	private OrderLine line(Problem.Errors errors, List<String> reasons, String field, int number, OrderRequest.Line in,
			CustomerDetails customer, Currency currency) {
		if (in == null || in.item() == null || in.item().isBlank()) {
			errors.add(field + ".item", "is required (our SKU or your item code)");
			return null;
		}
		BigDecimal quantity = Amounts.positive(errors, field + ".quantity", in.quantity(), 4);
		BigDecimal given = Amounts.decimal(errors, field + ".unitPrice", in.unitPrice(),
				Math.max(4, currency.getDefaultFractionDigits()));
		if (quantity == null) {
			return null;
		}
		String item = in.item().trim();
		var cache = this.fileProducts.get();
		Optional<ProductDetails> product;
		if (cache == null) {
			product = product(customer.id(), item);
		}
		else {
			// our SKUs are the same for every customer; a mapped code is the customer's
			product = cache.computeIfAbsent(item, this.catalog::findBySku);
			if (product.isEmpty()) {
				product = cache.computeIfAbsent(customer.id() + "\u0000" + item, k -> product(customer.id(), item));
			}
		}
		if (product.isEmpty()) {
			reasons.add("line " + number + ": item '" + item + "' is neither one of our SKUs nor a mapped code");
			return new OrderLine(item.length() > 64 ? item.substring(0, 64) : item,
					in.description() == null || in.description().isBlank() ? "Unknown item " + item
							: in.description().trim(),
					"piece", quantity, BigDecimal.ZERO, given == null ? BigDecimal.ZERO : given, BigDecimal.ZERO,
					BigDecimal.ZERO.setScale(2), "UNKNOWN");
		}
		ProductDetails p = product.get();
		if (!p.active()) {
			reasons.add("line " + number + ": product " + p.sku() + " is retired and no longer sold");
		}
		var resolved = this.pricing.resolve(p.sku(), customer.id(), quantity, currency.getCurrencyCode(),
				this.today.date());
		BigDecimal price;
		String source;
		if (resolved.isPresent()) {
			price = resolved.get().unitPrice().amount();
			source = resolved.get().source().name();
			if (given != null && given.compareTo(price) != 0) {
				reasons.add("line " + number + ": price " + given.stripTrailingZeros().toPlainString()
						+ " differs from the agreed price " + price.stripTrailingZeros().toPlainString()
						+ " (the agreed price is kept until someone decides)");
			}
		}
		else if (given != null) {
			price = given;
			source = "MANUAL";
			reasons.add("line " + number + ": product " + p.sku() + " has no price in " + currency.getCurrencyCode()
					+ "; the order's price " + given.stripTrailingZeros().toPlainString() + " needs checking");
		}
		else {
			price = BigDecimal.ZERO;
			source = "MANUAL";
			reasons.add("line " + number + ": product " + p.sku() + " has no price in " + currency.getCurrencyCode());
		}
		BigDecimal rate = VatTreatment
			.of(customer.billingAddress().country(), customer.vatNumber(), VatTreatment.isService(p.unit()),
					p.taxRate(), null)
			.rate();
		String description = in.description() == null || in.description().isBlank() ? p.name()
				: in.description().trim();
		return new OrderLine(p.sku(), description.length() > 500 ? description.substring(0, 500) : description,
				p.unit(), quantity, BigDecimal.ZERO, price, BigDecimal.ZERO, rate, source);
	}

	private Received keep(Resolved r) {
		OrderRequest in = r.request();
		CustomerDetails customer = r.customer();
		List<String> reasons = new ArrayList<>(r.reasons());
		// duplicate: the same customer already sent this reference
		if (in.externalReference() != null && !in.externalReference().isBlank()) {
			this.jdbc.sql("""
					select number from customer_order where customer_id = :c and external_reference = :ref
					and status <> 'CANCELLED'""")
				.param("c", customer.id())
				.param("ref", in.externalReference().trim())
				.query(String.class)
				.list()
				.stream()
				.findFirst()
				.ifPresent(n -> reasons.add("duplicate: order " + n + " already has the customer's reference "
						+ in.externalReference().trim()));
		}
		Money total = LineAmounts.totals(r.lines().stream().map(OrderLine::amounts).toList(), r.currency()).total();
		OpenBalances balances = this.balances.getIfAvailable();
		BigDecimal open = BigDecimal.ZERO;
		BigDecimal overdue = BigDecimal.ZERO;
		if (balances != null) {
			var cache = this.fileBalances.get();
			for (var b : cache == null ? balances.of(customer.id())
					: cache.computeIfAbsent(customer.id(), balances::of)) {
				if (b.currency().equals(r.currency().getCurrencyCode())) {
					open = open.add(b.open());
					overdue = overdue.add(b.overdue());
				}
			}
		}
		if (customer.creditLimit() != null && open.add(total.amount()).compareTo(customer.creditLimit()) > 0) {
			reasons.add("credit limit: " + open.add(total.amount()).stripTrailingZeros().toPlainString()
					+ " with this order, the limit is " + customer.creditLimit().stripTrailingZeros().toPlainString());
		}
		if ("HIGH".equals(customer.riskClass()) && overdue.signum() > 0) {
			reasons.add("credit hold: a high-risk customer with " + overdue.stripTrailingZeros().toPlainString() + " "
					+ r.currency().getCurrencyCode() + " overdue");
		}
		LocalDate orderedOn = in.orderedOn() == null || in.orderedOn().isAfter(this.today.date()) ? this.today.date()
				: in.orderedOn();
		String year = String.valueOf(this.today.date().getYear());
		String number = "CO-" + year + "-" + String.format("%05d", this.counters.next("order-" + year));
		Order order = this.orders
			.save(Order.received(Ids.next("ord"), number, customer.id(), in.channel(), r.currency().getCurrencyCode(),
					orderedOn, in.externalReference() == null || in.externalReference().isBlank() ? null
							: in.externalReference().trim(),
					r.lines(), !reasons.isEmpty(), this.today.instant()));
		if (in.requestedDelivery() != null) {
			this.jdbc.sql("update customer_order set requested_delivery = :d where id = :id")
				.param("d", in.requestedDelivery())
				.param("id", order.id())
				.update();
		}
		for (int i = 0; i < reasons.size(); i++) {
			String reason = reasons.get(i);
			this.jdbc.sql("insert into order_hold_reason (order_id, position, reason) values (:o, :p, :r)")
				.param("o", order.id())
				.param("p", i + 1)
				.param("r", reason.length() > 500 ? reason.substring(0, 500) : reason)
				.update();
		}
		this.audit.record(Orders.DOCUMENT, order.id(), "received", AuditTrail.changes("channel", in.channel(),
				"reference", in.externalReference(), "status", order.status(), "reasons", reasons));
		if (reasons.isEmpty()) {
			this.events.publishEvent(new OrderConfirmed(order.id(), number, customer.id(), in.channel(), null));
		}
		return new Received(order.id(), number, order.status().name(), reasons, order.externalReference());
	}

	/** Sales administration releases an order on hold, saying why; it is confirmed. */
	@Transactional
	public Received release(String orderId, String note) {
		Order order = this.orders.findById(orderId).orElseThrow(() -> new Problem.NotFound("order", orderId));
		if (note == null || note.isBlank()) {
			throw new Problem.Invalid("note", "say why the order may go on (it is kept with the reasons)");
		}
		order.release();
		this.orders.save(order);
		this.jdbc.sql("""
				update order_hold_reason set released_by = :by, released_at = :at where order_id = :o
				and released_at is null""")
			.param("by", AuditTrail.currentActor())
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.param("o", orderId)
			.update();
		this.audit.record(Orders.DOCUMENT, orderId, "released", AuditTrail.changes("note", note.strip()));
		this.events
			.publishEvent(new OrderConfirmed(orderId, order.number(), order.customerId(), order.channel(), null));
		return new Received(orderId, order.number(), order.status().name(), reasons(orderId),
				order.externalReference());
	}

	/** Cancels an order not yet delivered (an order on hold that should not go on). */
	@Transactional
	public Received cancel(String orderId, String reason) {
		Order order = this.orders.findById(orderId).orElseThrow(() -> new Problem.NotFound("order", orderId));
		if (reason == null || reason.isBlank()) {
			throw new Problem.Invalid("reason", "is required");
		}
		order.cancel();
		this.orders.save(order);
		this.audit.record(Orders.DOCUMENT, orderId, "cancelled", AuditTrail.changes("reason", reason.strip()));
		return new Received(orderId, order.number(), order.status().name(), reasons(orderId),
				order.externalReference());
	}

	/** An order waiting in the exceptions queue. */
	public record Held(String id, String number, String customerName, String channel, String externalReference,
			java.time.LocalDate orderedOn, List<String> reasons) {
	}

	/** Orders on hold, oldest first. */
	public List<Held> onHold() {
		return this.jdbc.sql("""
				select o.id, o.number, c.name, o.channel, o.external_reference, o.ordered_on
				from customer_order o join customer c on c.id = o.customer_id
				where o.status = 'ON_HOLD' order by o.created_at, o.id limit 500""")
			.query((rs, n) -> new Held(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, java.time.LocalDate.class), List.of()))
			.list()
			.stream()
			.map(h -> new Held(h.id(), h.number(), h.customerName(), h.channel(), h.externalReference(), h.orderedOn(),
					reasons(h.id())))
			.toList();
	}

	/** Why the order was (or is) on hold. */
	public List<String> reasons(String orderId) {
		return this.jdbc.sql("select reason from order_hold_reason where order_id = :o order by position")
			.param("o", orderId)
			.query(String.class)
			.list();
	}

	/** Maps a buyer's item code (for one customer, or '*' for all) to one of our SKUs. */
	@Transactional
	public void mapItemCode(String customerId, String code, String sku) {
		Problem.Errors errors = new Problem.Errors();
		if (code == null || code.isBlank() || code.length() > 64) {
			errors.add("code", "is required (at most 64 characters)");
		}
		if (sku == null || this.catalog.findBySku(sku).isEmpty()) {
			errors.add("sku", "no product '" + sku + "'");
		}
		String owner = customerId == null || customerId.isBlank() ? "*" : customerId;
		if (!"*".equals(owner) && this.customers.find(owner).isEmpty()) {
			errors.add("customerId", "no customer " + owner);
		}
		errors.throwIfAny();
		int updated = this.jdbc.sql("update order_item_code set sku = :s where customer_id = :c and code = :k")
			.param("s", sku)
			.param("c", owner)
			.param("k", code.trim())
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into order_item_code (customer_id, code, sku) values (:c, :k, :s)")
				.param("s", sku)
				.param("c", owner)
				.param("k", code.trim())
				.update();
		}
		this.audit.record("item-code", owner + ":" + code.trim(), "mapped", AuditTrail.changes("sku", sku));
	}

	private Optional<ProductDetails> product(String customerId, String item) {
		Optional<ProductDetails> bySku = this.catalog.findBySku(item);
		if (bySku.isPresent()) {
			return bySku;
		}
		return this.jdbc.sql("""
				select sku from order_item_code where code = :k and customer_id in (:c, '*')
				order by case when customer_id = '*' then 1 else 0 end""")
			.param("k", item)
			.param("c", customerId)
			.query(String.class)
			.list()
			.stream()
			.findFirst()
			.flatMap(this.catalog::findBySku);
	}

	/**
	 * Our id, then the SIREN, the VAT number, the customer's reference with us; a file
	 * may give several candidates separated by '|', tried in order.
	 */
	private Optional<CustomerDetails> findCustomer(String refs) {
		for (String ref : refs.split("\\|")) {
			if (!ref.isBlank()) {
				Optional<CustomerDetails> found = findOneCustomer(ref.trim());
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

	private Optional<CustomerDetails> findOneCustomer(String ref) {
		Optional<CustomerDetails> byId = this.customers.find(ref);
		if (byId.isPresent()) {
			return byId;
		}
		String compact = ref.replace(" ", "").toUpperCase(Locale.ROOT);
		List<String> ids = this.jdbc.sql("""
				select id from customer where legal_id = :v or upper(vat_number) = :v or external_ref = :raw
				order by id limit 2""").param("v", compact).param("raw", ref).query(String.class).list();
		// a reference two customers share names neither
		return ids.size() == 1 ? this.customers.find(ids.get(0)) : Optional.empty();
	}

}
