package io.encaisse.customers.web;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.CustomerInput;

/** A customer's master data as the form shows it, to change. */
final class CustomerForms {

	private CustomerForms() {
	}

	static CustomerInput of(CustomerDetails c) {
		CustomerDetails.Address b = c.billingAddress();
		CustomerDetails.Address d = c.deliveryAddress();
		return new CustomerInput(c.name(), c.legalId(), c.vatNumber(), c.email(),
				b == null ? new CustomerInput.AddressInput(null, null, null, "FR")
						: new CustomerInput.AddressInput(b.line1(), b.postalCode(), b.city(), b.country()),
				c.paymentTermsDays(), c.creditLimit() == null ? null : c.creditLimit().toPlainString(), c.currency(),
				c.language(), c.siret(),
				d == null ? new CustomerInput.AddressInput(null, null, null, null)
						: new CustomerInput.AddressInput(d.line1(), d.postalCode(), d.city(), d.country()),
				c.paymentTermsEndOfMonth(), c.paymentMethod(), c.iban(), c.riskClass(), c.notes(), c.routingCode(),
				c.receivingPlatform(), c.operationCategory(),
				c.contacts()
					.stream()
					.map(k -> new CustomerInput.ContactInput(k.name(), k.email(), k.phone(), k.role()))
					.toList(),
				c.segment());
	}

}
