package io.encaisse.orders.web;

import java.util.List;

import io.encaisse.customers.CustomerRelationship;
import io.encaisse.orders.Orders;
import io.encaisse.shared.web.Formats;

import org.springframework.stereotype.Component;

@Component
class OrdersOfCustomer implements CustomerRelationship {

	private final Orders orders;

	private final Formats fmt;

	OrdersOfCustomer(Orders orders, Formats fmt) {
		this.orders = orders;
		this.fmt = fmt;
	}

	@Override
	public List<Section> of(String customerId) {
		return List.of(new Section(2, "nav.orders",
				this.orders.ofCustomer(customerId)
					.stream()
					.map(o -> new Entry(o.number(), "/orders/" + o.id(), o.status().name(),
							this.fmt.money(o.totals().total()), this.fmt.date(o.orderedOn())))
					.toList()));
	}

}
