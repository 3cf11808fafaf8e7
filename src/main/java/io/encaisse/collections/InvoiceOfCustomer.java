package io.encaisse.collections;

import io.encaisse.shared.Problem;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A note or a task may name one of the customer's invoices: none of another customer's.
 */
final class InvoiceOfCustomer {

	private InvoiceOfCustomer() {
	}

	/** Adds an error on {@code invoiceId} unless it is an invoice of the customer. */
	static void check(JdbcClient jdbc, Problem.Errors errors, String invoiceId, String customerId) {
		if (invoiceId != null
				&& jdbc.sql("select count(*) from invoicing_receivable where invoice_id = :i and customer_id = :c")
					.param("i", invoiceId)
					.param("c", customerId)
					.query(Integer.class)
					.single() == 0) {
			errors.add("invoiceId", "no invoice " + invoiceId + " of this customer");
		}
	}

}
