package io.encaisse.invoicing;

import io.encaisse.orders.DeliveryRecorded;

import io.encaisse.shared.AfterCommit;
import org.springframework.stereotype.Component;

/** Default billing terms: invoice on delivery, issued at once. */
@Component
class BillingOnDelivery {

	private final io.encaisse.invoicing.billing.DeliveryBilling billing;

	BillingOnDelivery(io.encaisse.invoicing.billing.DeliveryBilling billing) {
		this.billing = billing;
	}

	@AfterCommit
	void on(DeliveryRecorded delivery) {
		this.billing.bill(delivery);
	}

}
