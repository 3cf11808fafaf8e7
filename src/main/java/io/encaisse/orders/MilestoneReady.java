package io.encaisse.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A milestone of an order is ready to bill: a share ({@code percent}) or an
 * {@code amount} (without VAT) of the order, whose lines come with their agreed prices so
 * that invoicing splits it by VAT rate.
 */
public record MilestoneReady(String orderId, String orderNumber, String customerId, String currency, int milestone,
		String label, BigDecimal percent, BigDecimal amount, LocalDate readyOn,
		List<DeliveryRecorded.DeliveredLine> orderLines) {
}
