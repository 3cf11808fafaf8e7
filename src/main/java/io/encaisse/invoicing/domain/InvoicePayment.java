package io.encaisse.invoicing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.data.relational.core.mapping.Table;

/**
 * What settled (part of) an invoice: money received, or a small difference written off.
 */
@Table("invoice_payment")
public record InvoicePayment(String paymentId, BigDecimal amount, LocalDate paidOn, String kind) {

	public static final String PAYMENT = "PAYMENT";

	public static final String WRITE_OFF = "WRITE_OFF";

}
