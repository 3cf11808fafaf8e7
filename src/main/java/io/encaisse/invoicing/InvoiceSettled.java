package io.encaisse.invoicing;

/** Nothing is due any more on an invoice: paid, or credited in full. */
public record InvoiceSettled(String invoiceId, String number, String customerId, String status) {
}
