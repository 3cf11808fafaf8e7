package io.encaisse.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice (or a credit note) has its number and is now owed (or owed back). */
public record InvoiceIssued(String invoiceId, String number, String kind, String customerId, String currency,
		BigDecimal total, LocalDate issueDate, LocalDate dueDate, String paymentReference) {
}
