package io.encaisse.invoicing;

/**
 * The buyer contests an issued invoice through the e-invoicing lifecycle: 207 (en litige)
 * or 210 (refusée), with the note that came with it.
 */
public record InvoiceContested(String invoiceId, String number, String customerId, int code, String note) {
}
