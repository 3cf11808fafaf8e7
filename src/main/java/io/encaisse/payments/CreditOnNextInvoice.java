package io.encaisse.payments;

import io.encaisse.invoicing.InvoiceIssued;
import io.encaisse.shared.AfterCommit;

import org.springframework.stereotype.Component;

/**
 * An overpayment is the customer's credit: it pays their next invoice as soon as that is
 * issued.
 */
@Component
class CreditOnNextInvoice {

	private final Payments payments;

	CreditOnNextInvoice(Payments payments) {
		this.payments = payments;
	}

	@AfterCommit
	void on(InvoiceIssued issued) {
		if ("INVOICE".equals(issued.kind())) {
			this.payments.applyCredit(issued.customerId(), issued.invoiceId());
		}
	}

}
