package io.encaisse.invoicing.domain;

import java.math.BigDecimal;

import io.encaisse.shared.LineAmounts;
import io.encaisse.shared.VatTreatment;

import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A billed line, with the order line it came from, where its price came from, and its VAT
 * category (S, E, AE, K, G) with the legal wording when no VAT is charged.
 */
@Table("invoice_line")
public record InvoiceLine(String sku, String description, String unit, BigDecimal quantity, BigDecimal unitPrice,
		BigDecimal discountPercent, BigDecimal taxRate, BigDecimal netAmount, Integer orderLineIndex,
		String priceSource, String exemptionReason, String taxCategory, BigDecimal bookPrice) {

	@PersistenceCreator
	public InvoiceLine {
		if (taxCategory == null && taxRate != null) {
			taxCategory = VatTreatment.defaultCategory(taxRate);
		}
	}

	/** A line taxed the domestic way: S above zero, E at zero. */
	public InvoiceLine(String sku, String description, String unit, BigDecimal quantity, BigDecimal unitPrice,
			BigDecimal discountPercent, BigDecimal taxRate, BigDecimal netAmount, Integer orderLineIndex,
			String priceSource, String exemptionReason) {
		this(sku, description, unit, quantity, unitPrice, discountPercent, taxRate, netAmount, orderLineIndex,
				priceSource, exemptionReason, null, null);
	}

	/** A line with its VAT category, priced without a price-book reference. */
	public InvoiceLine(String sku, String description, String unit, BigDecimal quantity, BigDecimal unitPrice,
			BigDecimal discountPercent, BigDecimal taxRate, BigDecimal netAmount, Integer orderLineIndex,
			String priceSource, String exemptionReason, String taxCategory) {
		this(sku, description, unit, quantity, unitPrice, discountPercent, taxRate, netAmount, orderLineIndex,
				priceSource, exemptionReason, taxCategory, null);
	}

	/**
	 * The same line with the price the price book gave for it (the customer's agreement
	 * included) when it was billed: the leakage report shows lines billed below it.
	 */
	public InvoiceLine withBookPrice(BigDecimal price) {
		return new InvoiceLine(this.sku, this.description, this.unit, this.quantity, this.unitPrice,
				this.discountPercent, this.taxRate, this.netAmount, this.orderLineIndex, this.priceSource,
				this.exemptionReason, this.taxCategory, price);
	}

	/** The same line under another VAT treatment. */
	public InvoiceLine treated(VatTreatment treatment) {
		return new InvoiceLine(this.sku, this.description, this.unit, this.quantity, this.unitPrice,
				this.discountPercent, treatment.rate(), this.netAmount, this.orderLineIndex, this.priceSource,
				treatment.exemptionReason(), treatment.category(), this.bookPrice);
	}

	/** The same line with its net computed. */
	InvoiceLine withNet(BigDecimal net) {
		return new InvoiceLine(this.sku, this.description, this.unit, this.quantity, this.unitPrice,
				this.discountPercent, this.taxRate, net, this.orderLineIndex, this.priceSource, this.exemptionReason,
				this.taxCategory, this.bookPrice);
	}

	public LineAmounts.Line amounts() {
		return new LineAmounts.Line(this.quantity, this.unitPrice, this.discountPercent, this.taxRate,
				this.taxCategory);
	}

}
