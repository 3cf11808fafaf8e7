package io.encaisse.collections;

import io.encaisse.invoicing.InvoiceSettled;
import io.encaisse.shared.AfterCommit;

import org.springframework.stereotype.Component;

/**
 * A promise to pay is kept the moment cash application settles the last of its invoices
 * (not at the next dunning run): the worklist and the report see it at once.
 */
@Component
class PromisesKept {

	private final Promises promises;

	PromisesKept(Promises promises) {
		this.promises = promises;
	}

	@AfterCommit
	void on(InvoiceSettled settled) {
		this.promises.keep(settled.invoiceId());
	}

}
