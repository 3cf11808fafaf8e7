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
	 * owning module keeps for this customer, each switched on the page. A long list shows
	 * its newest {@link #SHOWN} entries of {@code total}, and links to all of them when
	 * {@code allHref} is set.
	 */
	record Section(int order, String titleKey, List<Entry> entries, List<Toggle> toggles, long total, String allHref) {

		/** How many entries a section shows at most. */
		public static final int SHOWN = 50;

		public Section(int order, String titleKey, List<Entry> entries) {
			this(order, titleKey, entries, List.of());
		}

		public Section(int order, String titleKey, List<Entry> entries, List<Toggle> toggles) {
			this(order, titleKey, entries, toggles, entries.size(), null);
		}

		public boolean truncated() {
			return this.total > this.entries.size();
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
