package io.encaisse.payments;

import java.time.LocalDate;

/**
 * A payment as received: amount, currency, date, the payer's free text, and the payer's
 * account and name when the bank gives them.
 */
public record PaymentInput(String customerId, String amount, String currency, LocalDate receivedOn, String reference,
		String payerIban, String payerName) {

	public PaymentInput(String customerId, String amount, String currency, LocalDate receivedOn, String reference) {
		this(customerId, amount, currency, receivedOn, reference, null, null);
	}

}
