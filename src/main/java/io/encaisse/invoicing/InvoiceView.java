package io.encaisse.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.encaisse.shared.LineAmounts;
import io.encaisse.shared.Money;

/** An invoice or credit note as pages and the API show it. */
public record InvoiceView(String id, String kind, String number, InvoiceStatus status, String customerId,
		String customerName, String orderId, String creditedInvoiceId, String reason, LocalDate issueDate,
		LocalDate dueDate, String currency, Money totalNet, Money totalTax, Money total, Money amountPaid,
		Money amountCredited, Money amountDue, String paymentReference, List<Line> lines,
		List<LineAmounts.VatGroup> vat, List<Payment> payments, boolean overdue, long version,
		List<Adjustment> adjustments, Money lineTotal, String sourceRef) {

	public record Line(int lineNumber, String sku, String description, String unit, BigDecimal quantity,
			Money unitPrice, BigDecimal discountPercent, BigDecimal taxRate, Money net, Integer orderLineNumber,
			String priceSource, String exemptionReason, String taxCategory) {
	}

	/** A document-level allowance or charge. */
	public record Adjustment(boolean charge, String reason, Money amount, BigDecimal taxRate, String taxCategory) {
	}

	/** A deposit (prepayment) invoice asked for by the quote of its order. */
	public boolean isDeposit() {
		return this.sourceRef != null && this.sourceRef.startsWith("deposit:");
	}

	public boolean isDraft() {
		return this.status == InvoiceStatus.DRAFT;
	}

	public record Payment(String paymentId, Money amount, LocalDate paidOn, String kind) {
	}

	public boolean isCreditNote() {
		return "CREDIT_NOTE".equals(this.kind);
	}

}
