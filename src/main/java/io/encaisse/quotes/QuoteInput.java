package io.encaisse.quotes;

import java.time.LocalDate;
import java.util.List;

/**
 * A draft quote as the API or the page sends it. Unit prices come from the catalog unless
 * given.
 */
public record QuoteInput(String customerId, String currency, LocalDate validUntil, String notes, List<LineInput> lines,
		String depositPercent, Integer paymentTermsDays, String conditions, Boolean replaceTerms) {

	/**
	 * {@code replaceTerms}: on a revision, the payment terms and conditions given replace
	 * the old ones, empty ones clearing them (the form); otherwise (the API's default) a
	 * revision keeps those it does not give.
	 */
	public QuoteInput(String customerId, String currency, LocalDate validUntil, String notes, List<LineInput> lines,
			String depositPercent, Integer paymentTermsDays, String conditions) {
		this(customerId, currency, validUntil, notes, lines, depositPercent, paymentTermsDays, conditions, null);
	}

	public QuoteInput(String customerId, String currency, LocalDate validUntil, String notes, List<LineInput> lines) {
		this(customerId, currency, validUntil, notes, lines, null);
	}

	public QuoteInput(String customerId, String currency, LocalDate validUntil, String notes, List<LineInput> lines,
			String depositPercent) {
		this(customerId, currency, validUntil, notes, lines, depositPercent, null, null);
	}

	/**
	 * A line: a catalog product by its SKU, or, without a SKU, something the catalog does
	 * not sell, described with its unit price, VAT rate and unit (such a line needs an
	 * approval and stays flagged). {@code optional}: the customer may take it or not on
	 * acceptance; {@code billing}: ON_DELIVERY (the default), ON_ORDER, ON_MILESTONE or
	 * RECURRING with its {@code period} (MONTHLY, QUARTERLY, YEARLY).
	 */
	public record LineInput(String sku, String quantity, String unitPrice, String discountPercent, String description,
			String taxRate, String unit, Boolean optional, String billing, String period) {

		public LineInput(String sku, String quantity, String unitPrice, String discountPercent, String description,
				String taxRate, String unit) {
			this(sku, quantity, unitPrice, discountPercent, description, taxRate, unit, null, null, null);
		}

		public LineInput(String sku, String quantity, String unitPrice, String discountPercent, String description) {
			this(sku, quantity, unitPrice, discountPercent, description, null, null);
		}

	}

}
