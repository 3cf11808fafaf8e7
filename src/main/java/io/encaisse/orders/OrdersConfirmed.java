package io.encaisse.orders;

import java.util.List;

/**
 * Orders of a file passed intake and are confirmed: one event per chunk of a file rather
 * than one per order. Orders taken in from files never ask for a deposit.
 */
public record OrdersConfirmed(List<OrderConfirmed> orders) {

	public OrdersConfirmed {
		orders = List.copyOf(orders);
	}

}
