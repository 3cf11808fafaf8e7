package io.encaisse.orders;

import java.time.LocalDate;
import java.util.List;

/**
 * An order as a channel brings it (the API, a CSV file, a UBL Order, an EDIFACT ORDERS
 * message): the customer named by our id, SIREN, VAT number or their reference with us (a
 * GLN, say), items by our SKU or the buyer's code, prices optional (the price book
 * decides; a different price puts the order on hold).
 */
public record OrderRequest(String channel, String externalReference, String customer, String currency,
		LocalDate orderedOn, LocalDate requestedDelivery, List<Line> lines, Integer fileLine) {

	public record Line(String item, String description, String quantity, String unitPrice) {
	}

}
