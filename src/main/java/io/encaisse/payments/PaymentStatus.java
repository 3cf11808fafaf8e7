package io.encaisse.payments;

public enum PaymentStatus {

	/** fully applied to invoices */
	MATCHED,
	/** applied, with an amount left over (kept as the customer's credit) */
	PARTIALLY_MATCHED,
	/** not applied: candidates are offered to a person, with their reasons */
	SUGGESTED,
	/** not applied: a person must decide */
	UNMATCHED

}
