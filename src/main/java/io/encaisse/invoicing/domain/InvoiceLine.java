package io.encaisse.invoicing.domain;

import java.math.BigDecimal;

import io.encaisse.shared.LineAmounts;

import org.springframework.data.relational.core.mapping.Table;

/** A billed line, with the order line it came from and where its price came from. */
@Table("invoice_line")
public record InvoiceLine(String sku, String description, String unit, BigDecimal quantity, BigDecimal unitPrice,
		BigDecimal discountPercent, BigDecimal taxRate, BigDecimal netAmount, Integer orderLineIndex,
		String priceSource, String exemptionReason) {

	public LineAmounts.Line amounts() {
		return new LineAmounts.Line(this.quantity, this.unitPrice, this.discountPercent, this.taxRate);
	}

}
