package io.encaisse.catalog;

import java.time.LocalDate;

/**
 * A negotiated price: a fixed {@code unitPrice} or a {@code discountPercent} off the
 * list, dated.
 */
public record AgreementInput(String sku, String currency, String unitPrice, String discountPercent, LocalDate validFrom,
		LocalDate validTo) {
}
