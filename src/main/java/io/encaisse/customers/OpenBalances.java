package io.encaisse.customers;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a customer owes, per currency. Implemented downstream by invoicing, which owns the
 * invoices, so that this module can show the balance without depending on it.
 */
public interface OpenBalances {

	List<Balance> of(String customerId);

	record Balance(String currency, BigDecimal open, BigDecimal overdue, int openInvoices) {
	}

}
