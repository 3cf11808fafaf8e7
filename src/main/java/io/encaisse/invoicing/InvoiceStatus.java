package io.encaisse.invoicing;

public enum InvoiceStatus {

	DRAFT, ISSUED, PARTIALLY_PAID, PAID, CANCELLED;

	public boolean isOpen() {
		return this == ISSUED || this == PARTIALLY_PAID;
	}

}
