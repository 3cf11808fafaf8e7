package io.encaisse.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import io.encaisse.catalog.Catalog;
import io.encaisse.catalog.Pricing;
import io.encaisse.catalog.ProductDetails;
import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.orders.intake.CreditControls;
import io.encaisse.orders.intake.LineControls;
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

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
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

	private final OrderExposure exposure;

	private final Orders facade;

	private final Counters counters;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Today today;

	private final ApplicationEventPublisher events;

	private final JdbcTemplate batch;

	private final OrderConfirmations confirmations;

	private final OrderSteps steps;

	private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

	private final ItemCodes itemCodes;

	private final io.encaisse.customers.CreditHolds holds;

	OrderReception(org.springframework.transaction.PlatformTransactionManager transactions, OrderSteps steps,
			OrderRepository orders, Customers customers, Catalog catalog, Pricing pricing, OrderExposure exposure,
			Counters counters, JdbcClient jdbc, AuditTrail audit, Today today, ApplicationEventPublisher events,
			JdbcTemplate batch, OrderConfirmations confirmations, Orders facade, ItemCodes itemCodes,
			io.encaisse.customers.CreditHolds holds) {
		this.itemCodes = itemCodes;
		this.holds = holds;
		this.facade = facade;
		this.batch = batch;
		this.confirmations = confirmations;
		this.steps = steps;
		this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
		this.ownTransaction
			.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.orders = orders;
		this.customers = customers;
		this.catalog = catalog;
		this.pricing = pricing;
		this.exposure = exposure;
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
		return receive((errors, each) -> each.accept(request), true).get(0);
	}

	/**
	 * The orders of a list: all are read first, and any that cannot be read refuses them
	 * all (its line named); the others are kept, confirmed or on hold.
	 */
	@Transactional
	public List<Received> receiveAll(List<OrderRequest> requests) {
		if (requests.isEmpty()) {
			throw new Problem.Invalid("file", "holds no order");
		}
		return receive((errors, each) -> requests.forEach(each), requests.size() == 1);
	}

	/**
	 * A file read as a stream: {@code read} hands each order over as soon as it is read
	 * and adds what cannot be read to the errors, naming the line.
	 */
	@FunctionalInterface
	public interface OrderFile {

		void read(Problem.Errors errors, Consumer<OrderRequest> each);

	}

	/**
	 * A file of orders, all or nothing: its orders are checked and written in chunks as
	 * they are read, in one transaction, and anything unreadable anywhere in the file
	 * rolls the whole file back (every such line named). Memory does not grow with the
	 * file's lines, only with its orders' answers.
	 */
	@Transactional
	public List<Received> receiveFile(OrderFile file) {
		List<Received> received = receive(file, false);
		if (received.isEmpty()) {
			throw new Problem.Invalid("file", "holds no order");
		}
		return received;
	}

	private List<Received> receive(OrderFile file, boolean single) {
		Intake intake = new Intake(single);
		file.read(intake.errors, intake::add);
		return intake.finish();
	}

	/** Orders written together: one number block, one statement per table, one event. */
	private static final int CHUNK = 500;

	/**
	 * Past this many errors, a file is not read further: its author has enough to fix.
	 */
	private static final int MAX_ERRORS = 500;

	/**
	 * One file's intake: the customers, items and balances it names looked up once, the
	 * orders resolved as they come and written a chunk at a time while no error was
	 * found.
	 */
	private final class Intake {

		final Problem.Errors errors = new Problem.Errors();

		final boolean single;

		final Map<String, Optional<CustomerDetails>> customers = new HashMap<>();

		final Map<String, Optional<ProductDetails>> products = new HashMap<>();

		final Map<String, Map<String, CreditControls.Exposure>> exposures = new HashMap<>();

		/** Each customer's credit hold, read once per file. */
		final Map<String, Optional<String>> holds = new HashMap<>();

		final List<Resolved> pending = new ArrayList<>();

		final List<Received> received = new ArrayList<>();

		int count;

		Intake(boolean single) {
			this.single = single;
		}

		void add(OrderRequest in) {
			int index = this.count++;
			if (this.errors.size() >= MAX_ERRORS) {
				return;
			}
			Resolved r = resolve(this, in, this.single || in.fileLine() != null ? "" : "orders[" + index + "].");
			if (r == null || !this.errors.isEmpty()) {
				// the file will be refused: nothing more is written
				this.pending.clear();
				return;
			}
			this.pending.add(r);
			if (this.pending.size() >= CHUNK) {
				keep(this, this.pending);
				this.pending.clear();
			}
		}

		List<Received> finish() {
			this.errors.throwIfAny();
			keep(this, this.pending);
			this.pending.clear();
			return this.received;
		}

	}

	private record Resolved(OrderRequest request, CustomerDetails customer, Currency currency, List<OrderLine> lines,
			List<String> reasons) {
	}

	private Resolved resolve(Intake intake, OrderRequest in, String prefix) {
		Problem.Errors errors = intake.errors;
		Integer line = in.fileLine();
		Problem.Errors mine = new Problem.Errors();
		CustomerDetails customer = null;
		if (in.customer() == null || in.customer().isBlank()) {
			mine.add(prefix + "customer", "is required (our customer id, their SIREN, VAT number or reference)");
		}
		else {
			String ref = in.customer().trim();
			customer = intake.customers.computeIfAbsent(ref, this::findCustomer).orElse(null);
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
				OrderLine l = line(intake, mine, reasons, prefix + "lines[" + i + "]", i + 1, in.lines().get(i),
						customer, currency);
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

	private OrderLine line(Intake intake, Problem.Errors errors, List<String> reasons, String field, int number,
			OrderRequest.Line in, CustomerDetails customer, Currency currency) {
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
		// our SKUs are the same for every customer; a mapped code is the customer's
		Optional<ProductDetails> product = intake.products.computeIfAbsent(item, this.catalog::findBySku);
		if (product.isEmpty()) {
			product = intake.products.computeIfAbsent(customer.id() + "\u0000" + item,
					k -> this.itemCodes.product(customer.id(), item));
		}
		if (product.isEmpty()) {
			reasons.add(LineControls.unknownItem(number, item));
			return new OrderLine(item.length() > 64 ? item.substring(0, 64) : item,
					in.description() == null || in.description().isBlank() ? "Unknown item " + item
							: in.description().trim(),
					"piece", quantity, BigDecimal.ZERO, given == null ? BigDecimal.ZERO : given, BigDecimal.ZERO,
					BigDecimal.ZERO.setScale(2), "UNKNOWN");
		}
		ProductDetails p = product.get();
		reasons.addAll(LineControls.stillSold(number, p.sku(), p.active()));
		var resolved = this.pricing.resolve(p.sku(), customer.id(), quantity, currency.getCurrencyCode(),
				this.today.date());
		LineControls.Priced priced = LineControls.agreedPrice(number, p.sku(), currency.getCurrencyCode(),
				resolved.map(r -> r.unitPrice().amount()).orElse(null),
				resolved.map(r -> r.source().name()).orElse(null), given);
		reasons.addAll(priced.reasons());
		BigDecimal price = priced.unitPrice();
		String source = priced.source();
		BigDecimal rate = VatTreatment
			.of(customer.billingAddress().country(), customer.vatNumber(), VatTreatment.isService(p.unit()),
					p.taxRate(), null)
			.rate();
		String description = in.description() == null || in.description().isBlank() ? p.name()
				: in.description().trim();
		return new OrderLine(p.sku(), description.length() > 500 ? description.substring(0, 500) : description,
				p.unit(), quantity, BigDecimal.ZERO, price, BigDecimal.ZERO, rate, source);
	}

	private static String reference(OrderRequest in) {
		return in.externalReference() == null || in.externalReference().isBlank() ? null
				: in.externalReference().trim();
	}

	/**
	 * Writes a chunk of resolved orders: the last controls (duplicates, credit), one
	 * block of numbers, each table in one batch, the audit, the confirmations to mail,
	 * and one {@link OrdersConfirmed} for those that passed.
	 */
	private void keep(Intake intake, List<Resolved> chunk) {
		if (chunk.isEmpty()) {
			return;
		}
		// duplicates: the same customer already sent this reference (before, or above in
		// this file)
		Map<String, String> known = new HashMap<>();
		List<String> refs = chunk.stream()
			.map(r -> reference(r.request()))
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		if (!refs.isEmpty()) {
			this.jdbc.sql("""
					select customer_id, external_reference, number from customer_order
					where external_reference in (:refs) and status <> 'CANCELLED' order by created_at, number""")
				.param("refs", refs)
				.query((rs, n) -> new String[] { rs.getString(1) + "\u0000" + rs.getString(2), rs.getString(3) })
				.list()
				.forEach(k -> known.putIfAbsent(k[0], k[1]));
		}
		String year = String.valueOf(this.today.date().getYear());
		// a file's numbers are taken in a short transaction of their own: the counter's
		// row
		// is not held locked while the rest of the file is read (a slow upload would stop
		// every other order); a file refused later leaves a gap, which order numbers may
		long last = intake.single ? this.counters.next("order-" + year, chunk.size())
				: this.ownTransaction.execute(t -> this.counters.next("order-" + year, chunk.size()));
		long first = last - chunk.size() + 1;
		java.sql.Timestamp now = java.sql.Timestamp.from(this.today.instant());
		List<Object[]> orderRows = new ArrayList<>(chunk.size());
		List<Object[]> lineRows = new ArrayList<>();
		List<Object[]> reasonRows = new ArrayList<>();
		List<String> confirmationRows = new ArrayList<>();
		List<Object[]> stepRows = new ArrayList<>();
		List<AuditTrail.Change> changes = new ArrayList<>(chunk.size());
		List<OrderConfirmed> confirmed = new ArrayList<>();
		for (int k = 0; k < chunk.size(); k++) {
			Resolved r = chunk.get(k);
			OrderRequest in = r.request();
			CustomerDetails customer = r.customer();
			String reference = reference(in);
			String number = "CO-" + year + "-" + String.format("%05d", first + k);
			List<String> reasons = new ArrayList<>(r.reasons());
			if (reference != null) {
				reasons.addAll(LineControls
					.notADuplicate(known.putIfAbsent(customer.id() + "\u0000" + reference, number), reference));
			}
			Money total = LineAmounts.totals(r.lines().stream().map(OrderLine::amounts).toList(), r.currency()).total();
			Map<String, CreditControls.Exposure> exposures = intake.exposures.computeIfAbsent(customer.id(),
					this.exposure::of);
			CreditControls.Exposure exposure = exposures.getOrDefault(r.currency().getCurrencyCode(),
					CreditControls.Exposure.NONE);
			List<String> credit = CreditControls
				.reasons(new CreditControls.Terms(customer.creditLimit(), customer.riskClass(),
						intake.holds
							.computeIfAbsent(customer.id(),
									c -> this.holds.of(c).map(io.encaisse.customers.CreditHolds.Hold::reason))
							.orElse(null)),
						exposure, total);
			reasons.addAll(credit);
			if (reasons.isEmpty()) {
				// the file's next orders for this customer count this one
				exposures.put(r.currency().getCurrencyCode(),
						exposure.plus(new CreditControls.Exposure(BigDecimal.ZERO, BigDecimal.ZERO, total.amount())));
			}
			LocalDate orderedOn = in.orderedOn() == null || in.orderedOn().isAfter(this.today.date())
					? this.today.date() : in.orderedOn();
			OrderStatus status = reasons.isEmpty() ? OrderStatus.CONFIRMED : OrderStatus.ON_HOLD;
			String id = Ids.next("ord");
			orderRows.add(new Object[] { id, number, customer.id(), in.channel(), r.currency().getCurrencyCode(),
					status.name(), orderedOn, reference, in.requestedDelivery(), now });
			for (int i = 0; i < r.lines().size(); i++) {
				OrderLine l = r.lines().get(i);
				lineRows.add(new Object[] { id, i, l.sku(), l.description(), l.unit(), l.quantity(),
						l.deliveredQuantity(), l.unitPrice(), l.discountPercent(), l.taxRate(), l.priceSource() });
			}
			for (int i = 0; i < reasons.size(); i++) {
				String reason = reasons.get(i);
				reasonRows.add(new Object[] { id, i + 1, reason.length() > 500 ? reason.substring(0, 500) : reason });
			}
			changes.add(new AuditTrail.Change(Orders.DOCUMENT, id, "received", AuditTrail.changes("channel",
					in.channel(), "reference", in.externalReference(), "status", status, "reasons", reasons)));
			// received, then validated and confirmed, or held
			if (reasons.isEmpty()) {
				OrderSteps.add(stepRows, id, now, OrderStatus.RECEIVED, OrderStatus.VALIDATED, OrderStatus.CONFIRMED);
			}
			else {
				OrderSteps.add(stepRows, id, now, OrderStatus.RECEIVED, OrderStatus.ON_HOLD);
			}
			if (reasons.isEmpty()) {
				confirmationRows.add(id);
				confirmed.add(new OrderConfirmed(id, number, customer.id(), in.channel(), null));
			}
			intake.received.add(new Received(id, number, status.name(), reasons, reference));
		}
		this.batch.batchUpdate("""
				insert into customer_order (id, number, customer_id, channel, currency, status, ordered_on,
				  external_reference, requested_delivery, version, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""", orderRows);
		this.batch.batchUpdate("""
				insert into order_line (order_id, line_index, sku, description, unit, quantity, delivered_quantity,
				  unit_price, discount_percent, tax_rate, price_source)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lineRows);
		if (!reasonRows.isEmpty()) {
			this.batch.batchUpdate("insert into order_hold_reason (order_id, position, reason) values (?, ?, ?)",
					reasonRows);
		}
		this.steps.recordAll(stepRows);
		this.confirmations.queueAll(confirmationRows);
		this.audit.recordAll(changes);
		if (!confirmed.isEmpty()) {
			this.events.publishEvent(new OrdersConfirmed(confirmed));
		}
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
		return this.customers.findByReference(ref);
	}

}
