package io.encaisse.orders;

import java.util.Currency;
import java.util.List;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.orders.domain.OrderLine;
import io.encaisse.orders.intake.CreditControls;
import io.encaisse.orders.domain.OrderRepository;
import io.encaisse.quotes.QuoteAccepted;
import io.encaisse.quotes.Quotes;
import io.encaisse.shared.Counters;
import io.encaisse.shared.LineAmounts;
import io.encaisse.shared.Money;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders from accepted quotes: the firm lines and the optional lines taken, with their
 * billing terms, through the credit controls of every channel ({@link CreditControls}: an
 * order over the limit or for a customer on credit hold waits ON_HOLD, not invoiced);
 * recurring lines are a subscription's (they travel in {@link QuoteAccepted}), so a quote
 * of recurring lines only makes no order. Idempotent: a quote makes one order, however
 * often its event is delivered.
 */
@Service
public class OrderIntake {

	private final OrderRepository orders;

	private final Orders facade;

	private final Quotes quotes;

	private final Counters counters;

	private final Customers customers;

	private final OrderExposure exposure;

	private final io.encaisse.customers.CreditHolds holds;

	OrderIntake(OrderRepository orders, Orders facade, Quotes quotes, Counters counters, Customers customers,
			OrderExposure exposure, io.encaisse.customers.CreditHolds holds) {
		this.holds = holds;
		this.customers = customers;
		this.exposure = exposure;
		this.orders = orders;
		this.facade = facade;
		this.quotes = quotes;
		this.counters = counters;
	}

	@Transactional
	public String fromAcceptedQuote(QuoteAccepted accepted) {
		var existing = this.orders.findByQuoteId(accepted.quoteId());
		if (existing.isPresent()) {
			return existing.get().id();
		}
		if (accepted.oneOffLines().isEmpty()) {
			// only recurring lines: a subscription's to bill, no order to deliver
			return null;
		}
		String year = String.valueOf(accepted.acceptedOn().getYear());
		String number = "CO-" + year + "-" + String.format("%05d", this.counters.next("order-" + year));
		List<OrderLine> lines = accepted.oneOffLines()
			.stream()
			.map(l -> new OrderLine(l.sku(), l.description(), l.unit(), l.quantity(), java.math.BigDecimal.ZERO,
					l.unitPrice(), l.discountPercent(), l.taxRate(), l.priceSource(), l.billing()))
			.toList();
		// the items and prices are the quote's, agreed; the customer's credit is checked
		// now, as for an order from any other channel
		CustomerDetails customer = this.customers.get(accepted.customerId());
		Money total = LineAmounts
			.totals(lines.stream().map(OrderLine::amounts).toList(), Currency.getInstance(accepted.currency()))
			.total();
		List<String> reasons = CreditControls.reasons(
				new CreditControls.Terms(customer.creditLimit(), customer.riskClass(),
						this.holds.of(customer.id()).map(io.encaisse.customers.CreditHolds.Hold::reason).orElse(null)),
				this.exposure.of(customer.id()).getOrDefault(accepted.currency(), CreditControls.Exposure.NONE), total);
		var order = this.facade.fromQuote(accepted.quoteId(), accepted.customerId(), accepted.currency(),
				accepted.acceptedOn(), lines, number, accepted.depositPercent(), accepted.paymentTermsDays(), reasons);
		this.quotes.recordOrder(accepted.quoteId(), order.id());
		return order.id();
	}

}
