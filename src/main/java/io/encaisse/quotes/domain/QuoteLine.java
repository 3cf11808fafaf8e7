package io.encaisse.quotes.domain;

import java.math.BigDecimal;

import io.encaisse.shared.LineAmounts;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One line of a quote, with the price it was offered at and where that price came from.
 */
@Table("quote_line")
public record QuoteLine(String sku, String description, String unit, BigDecimal quantity, BigDecimal unitPrice,
		BigDecimal discountPercent, BigDecimal taxRate, String priceSource, BigDecimal listPrice) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * The discount granted against the catalog, in percent: the line discount and a typed
	 * price below the catalog's, together. Empty when the catalog has no price to compare
	 * with.
	 */
	public java.util.Optional<BigDecimal> grantedDiscount() {
		if (this.listPrice == null || this.listPrice.signum() == 0) {
			return java.util.Optional.empty();
		}
		BigDecimal net = this.unitPrice.multiply(HUNDRED.subtract(this.discountPercent)).divide(HUNDRED);
		BigDecimal granted = HUNDRED
			.subtract(net.multiply(HUNDRED).divide(this.listPrice, 4, java.math.RoundingMode.HALF_UP));
		return java.util.Optional.of(granted.max(BigDecimal.ZERO));
	}

	public LineAmounts.Line amounts() {
		return new LineAmounts.Line(this.quantity, this.unitPrice, this.discountPercent, this.taxRate);
	}

}
