package io.encaisse.catalog;

import java.time.LocalDate;

/** A dated price of a price list; {@code minQuantity} above 1 makes it a volume tier. */
public record PriceInput(String priceList, String currency, String unitPrice, LocalDate validFrom, LocalDate validTo,
		String minQuantity) {
}
