package io.encaisse.payments.domain;

import java.math.BigDecimal;

import org.springframework.data.relational.core.mapping.Table;

@Table("payment_allocation")
public record PaymentAllocation(String invoiceId, String invoiceNumber, BigDecimal amount) {
}
