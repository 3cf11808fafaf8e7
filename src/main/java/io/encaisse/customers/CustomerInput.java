package io.encaisse.customers;

import java.math.BigDecimal;
import java.util.Locale;

import io.encaisse.customers.domain.Customer;
import io.encaisse.shared.Amounts;
import io.encaisse.shared.Problem;

/**
 * A customer as a person types it or a program sends it. {@link #validate()} names every
 * wrong field. French law caps payment terms at 60 days from the invoice date (Code de
 * commerce L441-10).
 */
public record CustomerInput(String name, String legalId, String vatNumber, String email, AddressInput billingAddress,
		Integer paymentTermsDays, String creditLimit, String currency, String language) {

	public static final int LEGAL_MAX_PAYMENT_DAYS = 60;

	public record AddressInput(String line1, String postalCode, String city, String country) {
	}

	Customer.CustomerData validate() {
		Problem.Errors errors = new Problem.Errors();
		if (this.name == null || this.name.isBlank()) {
			errors.add("name", "is required");
		}
		else if (this.name.length() > 200) {
			errors.add("name", "must not exceed 200 characters");
		}
		String siren = blankToNull(this.legalId);
		if (siren != null) {
			siren = siren.replace(" ", "");
			if (!LegalIds.isSiren(siren)) {
				errors.add("legalId", "'" + this.legalId + "' is not a valid SIREN (9 digits with a Luhn key)");
			}
		}
		String vat = blankToNull(this.vatNumber);
		if (vat != null) {
			vat = vat.replace(" ", "").toUpperCase(Locale.ROOT);
			if (!LegalIds.isVatNumber(vat)) {
				errors.add("vatNumber", "'" + this.vatNumber + "' is not a valid intra-EU VAT number");
			}
		}
		String mail = blankToNull(this.email);
		if (mail != null && !mail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			errors.add("email", "'" + this.email + "' is not an email address");
		}
		AddressInput a = this.billingAddress == null ? new AddressInput(null, null, null, null) : this.billingAddress;
		String country = blankToNull(a.country()) == null ? "FR" : a.country().trim().toUpperCase(Locale.ROOT);
		if (!country.matches("[A-Z]{2}") || !java.util.Arrays.asList(Locale.getISOCountries()).contains(country)) {
			errors.add("billingAddress.country", "'" + a.country() + "' is not an ISO 3166 country code");
		}
		int terms = this.paymentTermsDays == null ? 30 : this.paymentTermsDays;
		if (terms < 0 || terms > LEGAL_MAX_PAYMENT_DAYS) {
			errors.add("paymentTermsDays", "must be between 0 and " + LEGAL_MAX_PAYMENT_DAYS
					+ " days (French legal maximum, Code de commerce L441-10)");
		}
		BigDecimal limit = Amounts.notNegative(errors, "creditLimit", this.creditLimit, 2);
		String cur = this.currency == null || this.currency.isBlank() ? "EUR" : this.currency.trim();
		Amounts.currency(errors, "currency", cur);
		String lang = this.language == null || this.language.isBlank() ? "fr"
				: this.language.trim().toLowerCase(Locale.ROOT);
		if (!lang.equals("fr") && !lang.equals("en")) {
			errors.add("language", "must be fr or en");
		}
		errors.throwIfAny();
		return new Customer.CustomerData(this.name.trim(), siren, vat, mail,
				new Customer.BillingAddress(blankToNull(a.line1()), blankToNull(a.postalCode()), blankToNull(a.city()),
						country),
				terms, limit, cur, lang);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

}
