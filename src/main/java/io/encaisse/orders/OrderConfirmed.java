package io.encaisse.orders;

/** An order passed intake and is confirmed. */
public record OrderConfirmed(String orderId, String orderNumber, String customerId, String channel,
		java.math.BigDecimal depositPercent) {
}
