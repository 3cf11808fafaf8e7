package io.encaisse.invoicing.rest;

import io.encaisse.invoicing.InvoiceMail;
import io.encaisse.shared.Roles;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * How a customer receives its invoices: mailed at issue or not (then only the platform).
 */
@RestController
@Tag(name = "Invoices")
class InvoiceDeliveryApi {

	private final InvoiceMail mail;

	InvoiceDeliveryApi(InvoiceMail mail) {
		this.mail = mail;
	}

	record Delivery(Boolean byEmail) {
	}

	@GetMapping("/api/v1/customers/{id}/invoice-delivery")
	@PreAuthorize(Roles.ANY)
	Delivery get(@PathVariable String id) {
		return new Delivery(this.mail.byEmail(id));
	}

	@PutMapping("/api/v1/customers/{id}/invoice-delivery")
	@PreAuthorize(Roles.COLLECT_CASH)
	Delivery set(@PathVariable String id, @RequestBody Delivery delivery) {
		return new Delivery(this.mail.setByEmail(id, delivery == null ? null : delivery.byEmail()));
	}

}
