package io.encaisse.payments;

import java.math.BigDecimal;

/** A payment was applied to an invoice. */
public record PaymentApplied(String paymentId, String invoiceId, String invoiceNumber, BigDecimal amount,
		String currency) {
}
