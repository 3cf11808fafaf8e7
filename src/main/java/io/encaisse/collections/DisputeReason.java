package io.encaisse.collections;

/** Why a customer disputes an invoice; the step that caused it is derived from it. */
public enum DisputeReason {

	/** The price is not the one negotiated (catalog price, quote). */
	PRICE,
	/** The quantity billed is not the one delivered. */
	QUANTITY,
	/** The goods or the work were faulty. */
	QUALITY,
	/** Billed but never delivered. */
	NOT_DELIVERED,
	/** Billed twice. */
	DUPLICATE,
	/** The customer's purchase order number is missing. */
	MISSING_PO, OTHER

}
