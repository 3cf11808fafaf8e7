package io.encaisse.orders.intake;

import io.encaisse.orders.OrderIntake;
import io.encaisse.quotes.QuoteAccepted;

import io.encaisse.shared.AfterCommit;
import org.springframework.stereotype.Component;

/** An accepted quote becomes a confirmed order with exactly the accepted lines. */
@Component
class OrdersFromQuotes {

	private final OrderIntake intake;

	OrdersFromQuotes(OrderIntake intake) {
		this.intake = intake;
	}

	@AfterCommit
	void on(QuoteAccepted accepted) {
		this.intake.fromAcceptedQuote(accepted);
	}

}
