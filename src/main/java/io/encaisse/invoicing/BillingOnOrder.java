package io.encaisse.invoicing;

import io.encaisse.orders.OrderConfirmed;
import io.encaisse.shared.AfterCommit;

import org.springframework.stereotype.Component;

/** A confirmed order whose quote asked for a deposit: the deposit invoice, at once. */
@Component
class BillingOnOrder {

	private final Invoicing invoicing;

	BillingOnOrder(Invoicing invoicing) {
		this.invoicing = invoicing;
	}

	@AfterCommit
	void on(OrderConfirmed confirmed) {
		this.invoicing.invoiceDeposit(confirmed);
	}

}
