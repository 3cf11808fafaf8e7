package io.encaisse.quotes;

import java.time.LocalDate;
import java.util.List;

/**
 * A draft quote as the API or the page sends it. Unit prices come from the catalog unless
 * given.
 */
public record QuoteInput(String customerId, String currency, LocalDate validUntil, String notes, List<LineInput> lines,
		String depositPercent) {

	public QuoteInput(String customerId, String currency, LocalDate validUntil, String notes, List<LineInput> lines) {
		this(customerId, currency, validUntil, notes, lines, null);
	}

	/**
	 * A line: a catalog product by its SKU, or, without a SKU, something the catalog does
	 * not sell, described with its unit price, VAT rate and unit (such a line needs an
	 * approval and stays flagged).
	 */
	public record LineInput(String sku, String quantity, String unitPrice, String discountPercent, String description,
			String taxRate, String unit) {

		public LineInput(String sku, String quantity, String unitPrice, String discountPercent, String description) {
			this(sku, quantity, unitPrice, discountPercent, description, null, null);
		}

	}

}
