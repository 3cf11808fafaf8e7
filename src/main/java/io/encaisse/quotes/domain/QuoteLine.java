package io.encaisse.quotes.domain;

import java.math.BigDecimal;

import io.encaisse.shared.LineAmounts;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One line of a quote, with the price it was offered at and where that price came from.
 */
@Table("quote_line")
public record QuoteLine(String sku, String description, String unit, BigDecimal quantity, BigDecimal unitPrice,
		BigDecimal discountPercent, BigDecimal taxRate, String priceSource, BigDecimal listPrice, boolean optionalLine,
		String billing, String billingPeriod, Boolean chosen) {

	/** How a line is billed once ordered. */
	public static final java.util.List<String> BILLINGS = io.encaisse.shared.BillingTerm.codes();

	/** The periods of a recurring line. */
	public static final java.util.List<String> PERIODS = java.util.List.of("MONTHLY", "QUARTERLY", "YEARLY");

	/** A firm line billed on delivery. */
	public QuoteLine(String sku, String description, String unit, BigDecimal quantity, BigDecimal unitPrice,
			BigDecimal discountPercent, BigDecimal taxRate, String priceSource, BigDecimal listPrice) {
		this(sku, description, unit, quantity, unitPrice, discountPercent, taxRate, priceSource, listPrice, false,
				io.encaisse.shared.BillingTerm.DEFAULT.name(), null, null);
	}

	/** The same line with its terms: optional or firm, billing, period. */
	public QuoteLine withTerms(boolean optional, String billing, String period) {
		return new QuoteLine(this.sku, this.description, this.unit, this.quantity, this.unitPrice, this.discountPercent,
				this.taxRate, this.priceSource, this.listPrice, optional,
				billing == null ? io.encaisse.shared.BillingTerm.DEFAULT.name() : billing, period, null);
	}

	QuoteLine choose(boolean taken) {
		return new QuoteLine(this.sku, this.description, this.unit, this.quantity, this.unitPrice, this.discountPercent,
				this.taxRate, this.priceSource, this.listPrice, this.optionalLine, this.billing, this.billingPeriod,
				taken);
	}

	/** Billed every period by a subscription, not once by the order. */
	public boolean recurring() {
		return io.encaisse.shared.BillingTerm.RECURRING.is(this.billing);
	}

	/** Taken: a firm line, or an optional line the customer took. */
	public boolean counted() {
		return !this.optionalLine || Boolean.TRUE.equals(this.chosen);
	}

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
