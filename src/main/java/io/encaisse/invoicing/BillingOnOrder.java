package io.encaisse.invoicing;

import io.encaisse.orders.OrderConfirmed;
import io.encaisse.shared.AfterCommit;

import org.springframework.stereotype.Component;

/** A confirmed order whose quote asked for a deposit: the deposit invoice, at once. */
@Component
class BillingOnOrder {

	private final io.encaisse.invoicing.billing.DepositBilling billing;

	BillingOnOrder(io.encaisse.invoicing.billing.DepositBilling billing) {
		this.billing = billing;
	}

	@AfterCommit
	void on(OrderConfirmed confirmed) {
		this.billing.bill(confirmed);
	}

}
