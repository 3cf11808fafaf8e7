package io.encaisse.orders;

import io.encaisse.orders.domain.OrderLine;
import io.encaisse.orders.domain.OrderRepository;
import io.encaisse.quotes.QuoteAccepted;
import io.encaisse.quotes.Quotes;
import io.encaisse.shared.Counters;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders from accepted quotes: the firm lines and the optional lines taken, with their
 * billing terms; recurring lines are a subscription's (they travel in
 * {@link QuoteAccepted}), so a quote of recurring lines only makes no order. Idempotent:
 * a quote makes one order, however often its event is delivered.
 */
@Service
public class OrderIntake {

	private final OrderRepository orders;

	private final Orders facade;

	private final Quotes quotes;

	private final Counters counters;

	OrderIntake(OrderRepository orders, Orders facade, Quotes quotes, Counters counters) {
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
		var order = this.facade.confirmFromQuote(accepted.quoteId(), accepted.customerId(), accepted.currency(),
				accepted.acceptedOn(),
				accepted.oneOffLines()
					.stream()
					.map(l -> new OrderLine(l.sku(), l.description(), l.unit(), l.quantity(), java.math.BigDecimal.ZERO,
							l.unitPrice(), l.discountPercent(), l.taxRate(), l.priceSource(), l.billing()))
					.toList(),
				number, accepted.depositPercent(), accepted.paymentTermsDays());
		this.quotes.recordOrder(accepted.quoteId(), order.id());
		return order.id();
	}

}
