package io.encaisse.invoicing;

import java.util.Optional;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.PaymentTerms;
import io.encaisse.orders.Orders;

import org.springframework.stereotype.Component;

/**
 * The payment terms of an order's invoices: those of the quote the customer accepted
 * (days, no end of month), else the customer's own. Drafts and every billing trigger ask
 * here.
 */
@Component
public class InvoiceTerms {

	private final Orders orders;

	InvoiceTerms(Orders orders) {
		this.orders = orders;
	}

	public PaymentTerms of(String orderId, CustomerDetails customer) {
		return (orderId == null ? Optional.<Integer>empty() : this.orders.paymentTermsDays(orderId))
			.map(days -> new PaymentTerms(days, false))
			.orElse(new PaymentTerms(customer.paymentTermsDays(), customer.paymentTermsEndOfMonth()));
	}

}
