package io.encaisse.catalog;

/**
 * A product as the API or the page sends it; prices are decimal strings. A rate of 0
 * needs the legal wording of its exemption; the revenue account defaults to 706000
 * (services) in the French chart of accounts.
 */
public record ProductInput(String sku, String name, String unit, String taxRate, String price, String currency,
		String description, String exemptionReason, String revenueAccount) {

	public ProductInput(String sku, String name, String unit, String taxRate, String price, String currency) {
		this(sku, name, unit, taxRate, price, currency, null, null, null);
	}

}
