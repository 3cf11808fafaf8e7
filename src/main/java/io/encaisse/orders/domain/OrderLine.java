package io.encaisse.orders.domain;

import java.math.BigDecimal;

import io.encaisse.shared.LineAmounts;

import org.springframework.data.relational.core.mapping.Table;

@Table("order_line")
public record OrderLine(String sku, String description, String unit, BigDecimal quantity, BigDecimal deliveredQuantity,
		BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate, String priceSource, String billing) {

	/** A line billed on delivery. */
	public OrderLine(String sku, String description, String unit, BigDecimal quantity, BigDecimal deliveredQuantity,
			BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate, String priceSource) {
		this(sku, description, unit, quantity, deliveredQuantity, unitPrice, discountPercent, taxRate, priceSource,
				io.encaisse.shared.BillingTerm.DEFAULT.name());
	}

	public BigDecimal remaining() {
		return this.quantity.subtract(this.deliveredQuantity);
	}

	OrderLine deliver(BigDecimal qty) {
		return new OrderLine(this.sku, this.description, this.unit, this.quantity, this.deliveredQuantity.add(qty),
				this.unitPrice, this.discountPercent, this.taxRate, this.priceSource, this.billing);
	}

	public LineAmounts.Line amounts() {
		return new LineAmounts.Line(this.quantity, this.unitPrice, this.discountPercent, this.taxRate);
	}

}
