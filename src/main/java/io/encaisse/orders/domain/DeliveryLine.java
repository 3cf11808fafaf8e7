package io.encaisse.orders.domain;

import java.math.BigDecimal;

import org.springframework.data.relational.core.mapping.Table;

@Table("delivery_line")
public record DeliveryLine(int orderLineIndex, String sku, BigDecimal quantity) {
}
