package io.encaisse.payments.domain;

import java.math.BigDecimal;

import org.springframework.data.relational.core.mapping.Table;

/** A candidate invoice for a payment, with how sure we are and why. */
@Table("payment_suggestion")
public record PaymentSuggestion(String invoiceId, String invoiceNumber, BigDecimal amount, BigDecimal confidence,
		String reason) {
}
