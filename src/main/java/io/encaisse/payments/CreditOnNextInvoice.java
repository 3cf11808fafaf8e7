package io.encaisse.payments;

import io.encaisse.invoicing.InvoiceIssued;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * An overpayment is the customer's credit: it pays their next invoice as it is issued,
 * inside the issuing transaction (before it commits): the invoice is issued with its
 * credit applied, or not at all, and no further connection is taken (issuing already runs
 * inside another listener; a third connection per request drained the pool when eight
 * invoices were issued at once).
 */
@Component
class CreditOnNextInvoice {

	private final Payments payments;

	CreditOnNextInvoice(Payments payments) {
		this.payments = payments;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(InvoiceIssued issued) {
		if ("INVOICE".equals(issued.kind()) && this.payments.hasCredit(issued.customerId(), issued.currency())) {
			try {
				this.payments.applyCredit(issued.customerId(), issued.invoiceId());
			}
			catch (org.springframework.dao.OptimisticLockingFailureException taken) {
				// another invoice issued at the same moment took this credit: the rest
				// waits for the next invoice; issuing must not fail for it
			}
		}
	}

}
