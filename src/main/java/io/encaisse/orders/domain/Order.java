package io.encaisse.orders.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.encaisse.orders.OrderStatus;
import io.encaisse.shared.LineAmounts;
import io.encaisse.shared.Problem;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An order, its lines with what has been delivered of each, and the invoices issued for
 * it.
 */
@Table("customer_order")
public class Order {

	@Id
	private final String id;

	private final String number;

	private final String customerId;

	private final String quoteId;

	private final String channel;

	private final String currency;

	private OrderStatus status;

	private final LocalDate orderedOn;

	private final String externalReference;

	@MappedCollection(idColumn = "order_id", keyColumn = "line_index")
	private List<OrderLine> lines;

	@MappedCollection(idColumn = "order_id")
	private Set<OrderInvoice> invoices;

	@Version
	private Long version;

	private final Instant createdAt;

	@PersistenceCreator
	Order(String id, String number, String customerId, String quoteId, String channel, String currency,
			OrderStatus status, LocalDate orderedOn, String externalReference, List<OrderLine> lines,
			Set<OrderInvoice> invoices, Long version, Instant createdAt) {
		this.id = id;
		this.number = number;
		this.customerId = customerId;
		this.quoteId = quoteId;
		this.channel = channel;
		this.currency = currency;
		this.status = status;
		this.orderedOn = orderedOn;
		this.externalReference = externalReference;
		this.lines = new ArrayList<>(lines);
		this.invoices = new HashSet<>(invoices == null ? Set.of() : invoices);
		this.version = version;
		this.createdAt = createdAt;
	}

	/**
	 * The order of an accepted quote: confirmed, or on hold when the intake controls hold
	 * it.
	 */
	public static Order fromQuote(String id, String number, String customerId, String quoteId, String currency,
			LocalDate orderedOn, List<OrderLine> lines, boolean held, Instant now) {
		return new Order(id, number, customerId, quoteId, "QUOTE", currency,
				held ? OrderStatus.ON_HOLD : OrderStatus.CONFIRMED, orderedOn, null, lines, Set.of(), null, now);
	}

	/** Sales administration checked the reasons and lets the order go on. */
	public void release() {
		if (this.status != OrderStatus.ON_HOLD) {
			throw new Problem.StateConflict("order " + this.number + " is " + this.status + ", not on hold");
		}
		this.status = OrderStatus.CONFIRMED;
	}

	/** Work has started. */
	public void start() {
		if (this.status != OrderStatus.CONFIRMED) {
			throw new Problem.StateConflict(
					"order " + this.number + " is " + this.status + "; only a confirmed order starts");
		}
		this.status = OrderStatus.IN_PROGRESS;
	}

	/** Done with: delivered (and invoiced), or stopped with what was delivered. */
	public void close() {
		if (this.status != OrderStatus.DELIVERED && this.status != OrderStatus.INVOICED
				&& this.status != OrderStatus.PARTIALLY_DELIVERED) {
			throw new Problem.StateConflict(
					"order " + this.number + " is " + this.status + "; only a delivered or invoiced order is closed");
		}
		this.status = OrderStatus.CLOSED;
	}

	/**
	 * Cancelled before anything was delivered or invoiced (a credit note undoes an
	 * invoice first).
	 */
	public void cancel() {
		if (!this.invoices.isEmpty()) {
			throw new Problem.StateConflict("order " + this.number
					+ " already has invoices (a deposit, a milestone); credit them before cancelling it");
		}
		if (this.status != OrderStatus.ON_HOLD && this.status != OrderStatus.CONFIRMED
				&& this.status != OrderStatus.IN_PROGRESS && this.status != OrderStatus.RECEIVED
				&& this.status != OrderStatus.VALIDATED) {
			throw new Problem.StateConflict("order " + this.number + " is " + this.status
					+ "; only an order not yet delivered can be cancelled");
		}
		this.status = OrderStatus.CANCELLED;
	}

	/** A delivered quantity for an order line (numbered from 1). */
	public record Delivered(int lineNumber, BigDecimal quantity) {
	}

	/** Books delivered quantities; refuses more than remains to deliver. */
	public void deliver(List<Delivered> delivered) {
		deliver(delivered, false);
	}

	/**
	 * {@code onOrder}: lines billed on order, deemed supplied at confirmation; the order
	 * stays CONFIRMED (work has not started) unless nothing else is left to deliver.
	 */
	public void deliver(List<Delivered> delivered, boolean onOrder) {
		if (this.status == OrderStatus.CANCELLED || this.status == OrderStatus.CLOSED
				|| this.status == OrderStatus.ON_HOLD || this.status == OrderStatus.RECEIVED) {
			throw new Problem.StateConflict(
					"order " + this.number + " is " + this.status + "; nothing can be delivered");
		}
		for (Delivered d : delivered) {
			OrderLine line = this.lines.get(d.lineNumber() - 1);
			if (d.quantity().compareTo(line.remaining()) > 0) {
				throw new Problem.Invalid("lines", "only " + line.remaining().stripTrailingZeros().toPlainString()
						+ " of " + line.sku() + " remain to be delivered on order " + this.number);
			}
			this.lines.set(d.lineNumber() - 1, line.deliver(d.quantity()));
		}
		boolean complete = this.lines.stream().allMatch(l -> l.remaining().signum() == 0);
		this.status = complete ? OrderStatus.DELIVERED : onOrder && this.status == OrderStatus.CONFIRMED
				? OrderStatus.CONFIRMED : OrderStatus.PARTIALLY_DELIVERED;
	}

	/**
	 * Invoicing issued an invoice for this order. Once everything is delivered and
	 * invoiced, it is INVOICED.
	 */
	public boolean recordInvoiced(String invoiceId, boolean everyDeliveryInvoiced) {
		boolean added = this.invoices.add(new OrderInvoice(invoiceId));
		if (this.status == OrderStatus.DELIVERED && everyDeliveryInvoiced) {
			this.status = OrderStatus.INVOICED;
		}
		return added;
	}

	/**
	 * Everything delivered is billed otherwise than by this delivery (by milestones):
	 * INVOICED once delivered. Answers whether the status changed.
	 */
	public boolean billedInFull() {
		if (this.status == OrderStatus.DELIVERED) {
			this.status = OrderStatus.INVOICED;
			return true;
		}
		return false;
	}

	public LineAmounts.Totals totals() {
		return LineAmounts.totals(this.lines.stream().map(OrderLine::amounts).toList(),
				Currency.getInstance(this.currency));
	}

	public String id() {
		return this.id;
	}

	public String number() {
		return this.number;
	}

	public String customerId() {
		return this.customerId;
	}

	public String quoteId() {
		return this.quoteId;
	}

	public String channel() {
		return this.channel;
	}

	public String currency() {
		return this.currency;
	}

	public OrderStatus status() {
		return this.status;
	}

	public LocalDate orderedOn() {
		return this.orderedOn;
	}

	public String externalReference() {
		return this.externalReference;
	}

	public List<OrderLine> lines() {
		return List.copyOf(this.lines);
	}

	public List<String> invoiceIds() {
		return this.invoices.stream().map(OrderInvoice::invoiceId).sorted().toList();
	}

	public long version() {
		return this.version == null ? 0 : this.version;
	}

}
