package io.encaisse.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.encaisse.shared.LineAmounts;
import io.encaisse.shared.Money;

/** An order as pages and the API show it. */
public record OrderView(String id, String number, String customerId, String customerName, String quoteId,
		String channel, String currency, OrderStatus status, LocalDate orderedOn, String externalReference,
		List<Line> lines, LineAmounts.Totals totals, List<String> invoiceIds, List<DeliveryView> deliveries,
		long version, BigDecimal depositPercent, LocalDate requestedDelivery, LocalDate estimatedDelivery,
		Integer paymentTermsDays, List<OrderSteps.Step> steps) {

	/** {@code billing}: ON_DELIVERY, ON_ORDER or ON_MILESTONE. */
	public record Line(int lineNumber, String sku, String description, String unit, BigDecimal quantity,
			BigDecimal deliveredQuantity, Money unitPrice, BigDecimal discountPercent, BigDecimal taxRate, Money net,
			String priceSource, String billing) {

		public BigDecimal remaining() {
			return this.quantity.subtract(this.deliveredQuantity);
		}

	}

	public record DeliveryView(String id, LocalDate deliveredOn, List<DeliveredLine> lines) {
	}

	public record DeliveredLine(int orderLineNumber, String sku, BigDecimal quantity) {
	}

}
