package io.encaisse.invoicing.domain;

import java.math.BigDecimal;

import io.encaisse.shared.LineAmounts;
import io.encaisse.shared.VatTreatment;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A document-level allowance (a discount on the whole invoice, BG-20) or charge
 * (shipping, handling, BG-21): an amount without VAT, its reason, and the VAT rate and
 * category it falls under.
 */
@Table("invoice_adjustment")
public record InvoiceAdjustment(boolean charge, String reason, BigDecimal amount, BigDecimal taxRate,
		String taxCategory, String depositInvoiceId) {

	/** An allowance or charge typed by someone (not a deposit's deduction). */
	public InvoiceAdjustment(boolean charge, String reason, BigDecimal amount, BigDecimal taxRate, String taxCategory) {
		this(charge, reason, amount, taxRate, taxCategory, null);
	}

	@org.springframework.data.annotation.PersistenceCreator
	public InvoiceAdjustment {
		if (taxCategory == null && taxRate != null) {
			taxCategory = VatTreatment.defaultCategory(taxRate);
		}
	}

	public LineAmounts.Adjustment amounts() {
		return new LineAmounts.Adjustment(this.charge, this.amount, this.taxRate, this.taxCategory);
	}

}
