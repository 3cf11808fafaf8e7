package io.encaisse.customers;

import java.math.BigDecimal;

/** What other modules need to know of a customer to quote, order, invoice and collect. */
public record CustomerDetails(String id, String name, String legalId, String vatNumber, String email,
		Address billingAddress, int paymentTermsDays, BigDecimal creditLimit, String currency, String language) {

	public record Address(String line1, String postalCode, String city, String country) {
	}

}
