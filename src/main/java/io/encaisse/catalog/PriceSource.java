package io.encaisse.catalog;

/** Where a unit price came from; every document line keeps it. */
public enum PriceSource {

	/** the catalog's price list */
	LIST,
	/** a volume tier of the price list */
	TIER,
	/** the customer's negotiated price agreement */
	AGREEMENT,
	/** typed on the document by someone allowed to */
	MANUAL,
	/**
	 * a line for something the catalog does not sell: allowed only once approved, flagged
	 * on every document
	 */
	OFF_CATALOG

}
