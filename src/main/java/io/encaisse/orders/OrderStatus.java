package io.encaisse.orders;

/** The statuses a customer can follow, in the order they usually come. */
public enum OrderStatus {

	RECEIVED, VALIDATED, CONFIRMED, ON_HOLD, IN_PROGRESS, PARTIALLY_DELIVERED, DELIVERED, INVOICED, CLOSED, CANCELLED

}
