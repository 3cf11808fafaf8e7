package io.encaisse.catalog;

import java.math.BigDecimal;

import io.encaisse.shared.Money;

/**
 * A product as quotes and orders see it; {@code price} is today's default list price, if
 * any.
 */
public record ProductDetails(String id, String sku, String name, String unit, BigDecimal taxRate, Money price,
		boolean active, long version, String description, String exemptionReason, String revenueAccount) {

}
