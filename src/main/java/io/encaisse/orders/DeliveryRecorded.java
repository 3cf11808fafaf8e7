package io.encaisse.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Goods or services were delivered on an order. The lines carry the order's agreed
 * prices, so that invoicing bills exactly what was sold.
 */
public record DeliveryRecorded(String deliveryId, String orderId, String orderNumber, String customerId,
		String currency, LocalDate deliveredOn, List<DeliveredLine> lines) {

	public record DeliveredLine(int orderLineNumber, String sku, String description, String unit, BigDecimal quantity,
			BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate, String priceSource) {
	}

}
