package io.encaisse.customers;

import java.util.List;

/**
 * Documents of a customer that other modules own (quotes, orders, invoices, payments),
 * shown on the customer's page. Each downstream module contributes its section; this
 * module knows none of them.
 */
public interface CustomerRelationship {

	List<Section> of(String customerId);

	/**
	 * A titled list of documents (label, link, status, amount), with the settings the
	 * owning module keeps for this customer, each switched on the page.
	 */
	record Section(int order, String titleKey, List<Entry> entries, List<Toggle> toggles) {

		public Section(int order, String titleKey, List<Entry> entries) {
			this(order, titleKey, entries, List.of());
		}

	}

	/**
	 * A yes/no setting of the customer kept by another module: its label, its value, and
	 * where the page posts {@code on=true|false} to change it.
	 */
	record Toggle(String labelKey, boolean on, String action) {
	}

	record Entry(String label, String href, String status, String amount, String date) {
	}

}
