package io.encaisse.quotes.domain;

import java.math.BigDecimal;

import io.encaisse.shared.LineAmounts;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One line of a quote, with the price it was offered at and where that price came from.
 */
@Table("quote_line")
public record QuoteLine(String sku, String description, String unit, BigDecimal quantity, BigDecimal unitPrice,
		BigDecimal discountPercent, BigDecimal taxRate, String priceSource) {

	public LineAmounts.Line amounts() {
		return new LineAmounts.Line(this.quantity, this.unitPrice, this.discountPercent, this.taxRate);
	}

}
