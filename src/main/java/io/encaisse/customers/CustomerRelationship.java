package io.encaisse.customers;

import java.util.List;

/**
 * Documents of a customer that other modules own (quotes, orders, invoices, payments),
 * shown on the customer's page. Each downstream module contributes its section; this
 * module knows none of them.
 */
public interface CustomerRelationship {

	List<Section> of(String customerId);

	/** A titled list of documents: label, link, status, amount. */
	record Section(int order, String titleKey, List<Entry> entries) {
	}

	record Entry(String label, String href, String status, String amount, String date) {
	}

}
