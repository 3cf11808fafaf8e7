package io.encaisse.orders.domain;

import org.springframework.data.relational.core.mapping.Table;

@Table("order_invoice")
public record OrderInvoice(String invoiceId) {
}
