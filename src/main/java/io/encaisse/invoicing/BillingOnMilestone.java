package io.encaisse.invoicing;

import io.encaisse.orders.MilestoneReady;
import io.encaisse.shared.AfterCommit;

import org.springframework.stereotype.Component;

/** Milestone billing terms: a milestone made ready to bill is invoiced at once. */
@Component
class BillingOnMilestone {

	private final Invoicing invoicing;

	BillingOnMilestone(Invoicing invoicing) {
		this.invoicing = invoicing;
	}

	@AfterCommit
	void on(MilestoneReady milestone) {
		this.invoicing.invoiceMilestone(milestone);
	}

}
