package io.encaisse.invoicing;

import io.encaisse.orders.MilestoneReady;
import io.encaisse.shared.AfterCommit;

import org.springframework.stereotype.Component;

/** Milestone billing terms: a milestone made ready to bill is invoiced at once. */
@Component
class BillingOnMilestone {

	private final io.encaisse.invoicing.billing.MilestoneBilling billing;

	BillingOnMilestone(io.encaisse.invoicing.billing.MilestoneBilling billing) {
		this.billing = billing;
	}

	@AfterCommit
	void on(MilestoneReady milestone) {
		this.billing.bill(milestone);
	}

}
