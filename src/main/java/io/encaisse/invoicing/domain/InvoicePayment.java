package io.encaisse.invoicing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.data.relational.core.mapping.Table;

@Table("invoice_payment")
public record InvoicePayment(String paymentId, BigDecimal amount, LocalDate paidOn) {
}
