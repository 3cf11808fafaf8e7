package io.encaisse.customers;

import java.math.BigDecimal;
import java.util.List;

/** What other modules need to know of a customer to quote, order, invoice and collect. */
public record CustomerDetails(String id, String name, String legalId, String vatNumber, String email,
		Address billingAddress, int paymentTermsDays, BigDecimal creditLimit, String currency, String language,
		String siret, Address deliveryAddress, boolean paymentTermsEndOfMonth, String paymentMethod, String iban,
		String riskClass, String notes, String routingCode, String receivingPlatform, String operationCategory,
		List<Contact> contacts, long version, String segment) {

	public record Address(String line1, String postalCode, String city, String country) {
	}

	public record Contact(String name, String email, String phone, String role) {
	}

	/**
	 * The due date of an invoice issued on this date: N days, then the end of that month
	 * if so agreed.
	 */
	public java.time.LocalDate dueDate(java.time.LocalDate issued) {
		return new PaymentTerms(this.paymentTermsDays, this.paymentTermsEndOfMonth).dueDate(issued);
	}

}
