package io.encaisse.payments;

import java.time.LocalDate;

/** A payment as received: amount, currency, date and the payer's free text. */
public record PaymentInput(String customerId, String amount, String currency, LocalDate receivedOn, String reference) {
}
