package io.encaisse.orders.rest;

import io.encaisse.orders.OrderReception;
import io.encaisse.shared.Roles;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A buyer's item code (or a GTIN for everyone) mapped to one of our SKUs. */
@RestController
@Tag(name = "Orders")
class ItemCodeApi {

	private final io.encaisse.orders.ItemCodes itemCodes;

	ItemCodeApi(io.encaisse.orders.ItemCodes itemCodes) {
		this.itemCodes = itemCodes;
	}

	record ItemCode(String customerId, String code, String sku) {
	}

	@PostMapping("/api/v1/item-codes")
	@PreAuthorize(Roles.TAKE_ORDERS)
	ResponseEntity<ItemCode> map(@RequestBody ItemCode code) {
		this.itemCodes.map(code == null ? null : code.customerId(), code == null ? null : code.code(),
				code == null ? null : code.sku());
		return ResponseEntity.status(201).body(code);
	}

}
