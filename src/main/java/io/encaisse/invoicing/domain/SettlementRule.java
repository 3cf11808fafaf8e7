package io.encaisse.invoicing.domain;

import java.math.BigDecimal;

import io.encaisse.invoicing.InvoiceStatus;

/**
 * Where an invoice stands once money or a credit note is applied to it, in one place for
 * the invoice itself ({@link Invoice#applyPayment}) and for a statement that settles
 * thousands at once: nothing left due is PAID, or CANCELLED when credit notes took it all
 * back; something left after a payment is PARTIALLY_PAID; otherwise it stays as it was.
 */
public final class SettlementRule {

	private SettlementRule() {
	}

	public static InvoiceStatus after(BigDecimal dueAfter, BigDecimal paidAfter, boolean creditedInFull,
			InvoiceStatus before) {
		if (dueAfter.signum() <= 0) {
			return creditedInFull ? InvoiceStatus.CANCELLED : InvoiceStatus.PAID;
		}
		return paidAfter.signum() > 0 ? InvoiceStatus.PARTIALLY_PAID : before;
	}

}
