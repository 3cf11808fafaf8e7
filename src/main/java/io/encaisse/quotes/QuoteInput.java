package io.encaisse.quotes;

import java.time.LocalDate;
import java.util.List;

/**
 * A draft quote as the API or the page sends it. Unit prices come from the catalog unless
 * given.
 */
public record QuoteInput(String customerId, String currency, LocalDate validUntil, String notes,
		List<LineInput> lines) {

	public record LineInput(String sku, String quantity, String unitPrice, String discountPercent, String description) {
	}

}
