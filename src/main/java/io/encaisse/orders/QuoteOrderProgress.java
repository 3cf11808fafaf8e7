package io.encaisse.orders;

import java.util.Optional;

import io.encaisse.orders.domain.OrderRepository;
import io.encaisse.quotes.QuoteOrders;

import org.springframework.stereotype.Component;

/** The order of an accepted quote, as the quote's page shows it to the customer. */
@Component
class QuoteOrderProgress implements QuoteOrders {

	private final OrderRepository orders;

	QuoteOrderProgress(OrderRepository orders) {
		this.orders = orders;
	}

	@Override
	public Optional<Progress> of(String quoteId) {
		return this.orders.findByQuoteId(quoteId).map(o -> new Progress(o.number(), o.status() == OrderStatus.ON_HOLD));
	}

}
