package io.encaisse.quotes;

import java.util.Optional;

/**
 * Where the order of an accepted quote stands, for the customer's page of the quote.
 * Implemented downstream by the module that owns orders, so that this module can say it
 * without depending on it.
 */
public interface QuoteOrders {

	Optional<Progress> of(String quoteId);

	/**
	 * The order's number, and whether it waits for a review (on hold) before going on.
	 */
	record Progress(String orderNumber, boolean held) {
	}

}
