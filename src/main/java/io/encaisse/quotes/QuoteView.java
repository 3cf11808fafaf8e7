package io.encaisse.quotes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.encaisse.shared.LineAmounts;
import io.encaisse.shared.Money;

/** A quote as pages and the API show it. */
public record QuoteView(String id, String number, String customerId, String customerName, String currency,
		LocalDate issueDate, LocalDate validUntil, QuoteStatus status, String orderId, String notes, List<Line> lines,
		LineAmounts.Totals totals, Instant sentAt, Instant acceptedAt, String acceptedBy, BigDecimal maxDiscount,
		String createdBy, String approvedBy, Instant approvedAt, String approvalReason, long version,
		BigDecimal depositPercent, int revision, Integer paymentTermsDays, String conditions,
		LineAmounts.Totals optionalTotals, LineAmounts.Totals recurringTotals) {

	/**
	 * {@code optional}: the customer may take it on acceptance ({@code chosen} says
	 * whether they did); {@code billing} and {@code period}: how it is billed once
	 * ordered.
	 */
	public record Line(int lineNumber, String sku, String description, String unit, BigDecimal quantity,
			Money unitPrice, BigDecimal discountPercent, BigDecimal taxRate, Money net, String priceSource,
			boolean optional, String billing, String period, Boolean chosen) {

		/** Counted in the totals: firm, or optional and taken. */
		public boolean counted() {
			return !this.optional || Boolean.TRUE.equals(this.chosen);
		}

	}

	public boolean hasRecurringLines() {
		return this.lines.stream()
			.anyMatch(l -> io.encaisse.shared.BillingTerm.RECURRING.is(l.billing()) && l.counted());
	}

	public boolean hasOptionalLines() {
		return this.lines.stream().anyMatch(Line::optional);
	}

}
