package io.encaisse.orders;

import java.time.LocalDate;
import java.util.List;

/** Delivered quantities by SKU; the date defaults to today. */
public record DeliveryInput(LocalDate deliveredOn, List<LineInput> lines) {

	public record LineInput(String sku, String quantity) {
	}

}
