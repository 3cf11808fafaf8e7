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

	/**
	 * {@code billing}: ON_DELIVERY, ON_ORDER, or ON_MILESTONE (billed by a milestone, not
	 * here).
	 */
	public record DeliveredLine(int orderLineNumber, String sku, String description, String unit, BigDecimal quantity,
			BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate, String priceSource, String billing) {

		public DeliveredLine {
			// an event stored before billing terms existed
			billing = billing == null ? io.encaisse.shared.BillingTerm.DEFAULT.name() : billing;
		}

		public DeliveredLine(int orderLineNumber, String sku, String description, String unit, BigDecimal quantity,
				BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate, String priceSource) {
			this(orderLineNumber, sku, description, unit, quantity, unitPrice, discountPercent, taxRate, priceSource,
					io.encaisse.shared.BillingTerm.DEFAULT.name());
		}

	}

}
