package io.encaisse.invoicing;

import io.encaisse.orders.DeliveryRecorded;

import io.encaisse.shared.AfterCommit;
import org.springframework.stereotype.Component;

/** Default billing terms: invoice on delivery, issued at once. */
@Component
class BillingOnDelivery {

	private final Invoicing invoicing;

	BillingOnDelivery(Invoicing invoicing) {
		this.invoicing = invoicing;
	}

	@AfterCommit
	void on(DeliveryRecorded delivery) {
		this.invoicing.invoiceDelivery(delivery);
	}

}
