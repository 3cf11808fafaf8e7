package io.encaisse.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import io.encaisse.invoicing.domain.Invoice;
import io.encaisse.invoicing.domain.InvoiceAdjustment;
import io.encaisse.invoicing.domain.InvoiceLine;
import io.encaisse.shared.Amounts;
import io.encaisse.shared.Problem;

/**
 * What a credit note takes back from an invoice, as asked: the whole invoice (its lines
 * and allowances and charges, once), some of its lines with quantities up to those
 * billed, or a net amount on an invoice of one VAT rate. Pure: refuses what cannot be
 * credited, naming the field.
 */
record CreditNotePlan(List<InvoiceLine> lines, List<InvoiceAdjustment> adjustments, boolean byAmount) {

	static CreditNotePlan of(Invoice invoice, CreditNoteRequest req) {
		if (invoice.kind() != Invoice.Kind.INVOICE) {
			throw new Problem.StateConflict("only an invoice can be credited");
		}
		if (invoice.status() == InvoiceStatus.DRAFT || invoice.status() == InvoiceStatus.CANCELLED) {
			throw new Problem.StateConflict("invoice " + (invoice.number() == null ? invoice.id() : invoice.number())
					+ " is " + invoice.status() + "; it cannot be credited");
		}
		Problem.Errors errors = new Problem.Errors();
		List<InvoiceLine> lines = new ArrayList<>();
		List<InvoiceAdjustment> adjustments = new ArrayList<>();
		List<InvoiceLine> billed = invoice.lines();
		Currency currency = Currency.getInstance(invoice.currency());
		boolean byLines = req.lines() != null && !req.lines().isEmpty();
		boolean byAmount = req.amount() != null && !req.amount().isBlank();
		if (byLines && byAmount) {
			errors.add("amount", "give either lines or an amount, not both");
		}
		else if (byLines && !invoice.adjustments().isEmpty()) {
			errors.add("lines",
					"this invoice has document-level allowances or charges; credit it in full or by amount");
		}
		else if (byLines) {
			for (int i = 0; i < req.lines().size(); i++) {
				CreditNoteRequest.LineInput in = req.lines().get(i);
				String field = "lines[" + i + "]";
				if (in == null || in.lineNumber() == null || in.lineNumber() < 1 || in.lineNumber() > billed.size()) {
					errors.add(field + ".lineNumber", "must be a line of the invoice, 1 to " + billed.size());
					continue;
				}
				InvoiceLine line = billed.get(in.lineNumber() - 1);
				BigDecimal qty = in.quantity() == null ? line.quantity()
						: Amounts.positive(errors, field + ".quantity", in.quantity(), 4);
				if (qty != null && qty.compareTo(line.quantity()) > 0) {
					errors.add(field + ".quantity",
							"exceeds the invoiced quantity " + line.quantity().stripTrailingZeros().toPlainString());
					continue;
				}
				if (qty != null) {
					lines.add(new InvoiceLine(line.sku(), line.description(), line.unit(), qty, line.unitPrice(),
							line.discountPercent(), line.taxRate(), null, line.orderLineIndex(), line.priceSource(),
							line.exemptionReason(), line.taxCategory()));
				}
			}
		}
		else if (byAmount) {
			BigDecimal amount = Amounts.positive(errors, "amount", req.amount(), currency.getDefaultFractionDigits());
			var rates = billed.stream()
				.map(InvoiceLine::taxRate)
				.map(r -> r.setScale(2, RoundingMode.UNNECESSARY))
				.distinct()
				.toList();
			long categories = billed.stream().map(InvoiceLine::taxCategory).distinct().count();
			if (rates.size() > 1 || categories > 1) {
				errors.add("amount", "this invoice has several VAT rates; credit it by lines instead");
			}
			else if (amount != null) {
				lines.add(new InvoiceLine("CREDIT", "Credit on invoice " + invoice.number(), "piece", BigDecimal.ONE,
						amount, BigDecimal.ZERO, rates.get(0), null, null, "MANUAL",
						billed.stream()
							.map(InvoiceLine::exemptionReason)
							.filter(java.util.Objects::nonNull)
							.findFirst()
							.orElse(null),
						billed.get(0).taxCategory()));
			}
		}
		else {
			if (invoice.amountCredited().isPositive()) {
				throw new Problem.StateConflict("invoice " + invoice.number()
						+ " is already partly credited; credit the rest by lines or by amount");
			}
			lines.addAll(billed);
			adjustments.addAll(invoice.adjustments());
		}
		errors.throwIfAny();
		return new CreditNotePlan(List.copyOf(lines), List.copyOf(adjustments), byAmount);
	}

}
