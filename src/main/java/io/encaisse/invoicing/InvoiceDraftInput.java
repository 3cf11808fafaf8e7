package io.encaisse.invoicing;

import java.util.List;

/**
 * A manual invoice, or the new content of a draft: its buyer, currency, lines (a catalog
 * SKU priced by the price book unless a price is typed, or a described line priced and
 * taxed by hand) and document-level allowances and charges.
 */
public record InvoiceDraftInput(String customerId, String currency, String orderId, String reason,
		List<LineInput> lines, List<AdjustmentInput> allowances, List<AdjustmentInput> charges) {

	public record LineInput(String sku, String description, String unit, String quantity, String unitPrice,
			String discountPercent, String taxRate) {
	}

	/** An allowance or charge: reason, amount without VAT, and its VAT rate. */
	public record AdjustmentInput(String reason, String amount, String taxRate) {
	}

}
