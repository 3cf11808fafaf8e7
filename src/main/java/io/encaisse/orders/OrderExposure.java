package io.encaisse.orders;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.encaisse.customers.OpenBalances;
import io.encaisse.orders.intake.CreditControls.Exposure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's credit exposure per currency: its open and overdue invoices (from the
 * module that owns them, through {@link OpenBalances}) and what it has on order and not
 * yet been invoiced for: the undelivered part of its confirmed orders' lines billed on
 * delivery, VAT included like the invoices.
 */
@Component
class OrderExposure {

	private final JdbcClient jdbc;

	private final ObjectProvider<OpenBalances> balances;

	OrderExposure(JdbcClient jdbc, ObjectProvider<OpenBalances> balances) {
		this.jdbc = jdbc;
		this.balances = balances;
	}

	Map<String, Exposure> of(String customerId) {
		Map<String, Exposure> byCurrency = new HashMap<>();
		OpenBalances open = this.balances.getIfAvailable();
		if (open != null) {
			for (OpenBalances.Balance b : open.of(customerId)) {
				byCurrency.merge(b.currency(), new Exposure(b.open(), b.overdue(), BigDecimal.ZERO), Exposure::plus);
			}
		}
		this.jdbc.sql("""
				select o.currency,
				       sum((l.quantity - l.delivered_quantity) * l.unit_price
				           * (100 - coalesce(l.discount_percent, 0)) / 100 * (100 + l.tax_rate) / 100)
				from customer_order o join order_line l on l.order_id = o.id
				where o.customer_id = :customer and o.status in ('CONFIRMED', 'IN_PROGRESS', 'PARTIALLY_DELIVERED')
				  and l.billing = 'ON_DELIVERY' and l.quantity > l.delivered_quantity
				group by o.currency""")
			.param("customer", customerId)
			.query((rs, i) -> List.of(rs.getString(1), rs.getBigDecimal(2)))
			.list()
			.forEach(row -> byCurrency.merge((String) row.get(0),
					new Exposure(BigDecimal.ZERO, BigDecimal.ZERO, (BigDecimal) row.get(1)), Exposure::plus));
		return byCurrency;
	}

}
