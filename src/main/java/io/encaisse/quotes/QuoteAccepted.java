package io.encaisse.quotes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer accepted a quote: the order must be created with exactly these lines, prices
 * and discounts.
 */
public record QuoteAccepted(String quoteId, String quoteNumber, String customerId, String currency,
		BigDecimal depositPercent, LocalDate acceptedOn, List<AcceptedLine> lines) {

	public record AcceptedLine(int lineNumber, String sku, String description, String unit, BigDecimal quantity,
			BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate, String priceSource) {
	}

}
