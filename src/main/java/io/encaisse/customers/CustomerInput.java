package io.encaisse.customers;

import java.math.BigDecimal;
import java.util.List;
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
		Integer paymentTermsDays, String creditLimit, String currency, String language, String siret,
		AddressInput deliveryAddress, Boolean paymentTermsEndOfMonth, String paymentMethod, String iban,
		String riskClass, String notes, String routingCode, String receivingPlatform, String operationCategory,
		List<ContactInput> contacts, String segment) {

	/** Everything but the segment (none). */
	public CustomerInput(String name, String legalId, String vatNumber, String email, AddressInput billingAddress,
			Integer paymentTermsDays, String creditLimit, String currency, String language, String siret,
			AddressInput deliveryAddress, Boolean paymentTermsEndOfMonth, String paymentMethod, String iban,
			String riskClass, String notes, String routingCode, String receivingPlatform, String operationCategory,
			List<ContactInput> contacts) {
		this(name, legalId, vatNumber, email, billingAddress, paymentTermsDays, creditLimit, currency, language, siret,
				deliveryAddress, paymentTermsEndOfMonth, paymentMethod, iban, riskClass, notes, routingCode,
				receivingPlatform, operationCategory, contacts, null);
	}

	public static final int LEGAL_MAX_PAYMENT_DAYS = 60;

	public static final int LEGAL_MAX_END_OF_MONTH_DAYS = 45;

	public static final List<String> PAYMENT_METHODS = List.of("TRANSFER", "DIRECT_DEBIT", "CARD", "CHEQUE");

	public static final List<String> RISK_CLASSES = io.encaisse.shared.RiskClass.codes();

	/** The 2026 reform's category of operation, printed on invoices. */
	public static final List<String> OPERATION_CATEGORIES = List.of("GOODS", "SERVICES", "MIXED");

	public static final List<String> CONTACT_ROLES = List.of("BILLING", "PURCHASING", "OTHER");

	/** The identity and terms only; the rest takes its defaults. */
	public CustomerInput(String name, String legalId, String vatNumber, String email, AddressInput billingAddress,
			Integer paymentTermsDays, String creditLimit, String currency, String language) {
		this(name, legalId, vatNumber, email, billingAddress, paymentTermsDays, creditLimit, currency, language, null,
				null, null, null, null, null, null, null, null, null, null, null);
	}

	/** The same, in a segment. */
	public CustomerInput withSegment(String segment) {
		return new CustomerInput(this.name, this.legalId, this.vatNumber, this.email, this.billingAddress,
				this.paymentTermsDays, this.creditLimit, this.currency, this.language, this.siret, this.deliveryAddress,
				this.paymentTermsEndOfMonth, this.paymentMethod, this.iban, this.riskClass, this.notes,
				this.routingCode, this.receivingPlatform, this.operationCategory, this.contacts, segment);
	}

	public record AddressInput(String line1, String postalCode, String city, String country) {
	}

	public record ContactInput(String name, String email, String phone, String role) {
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
		boolean endOfMonth = Boolean.TRUE.equals(this.paymentTermsEndOfMonth);
		int cap = endOfMonth ? LEGAL_MAX_END_OF_MONTH_DAYS : LEGAL_MAX_PAYMENT_DAYS;
		if (terms < 0 || terms > cap) {
			errors.add("paymentTermsDays", "must be between 0 and " + cap + " days"
					+ (endOfMonth ? " end of month" : "") + " (French legal maximum, Code de commerce L441-10)");
		}
		String siretValue = blankToNull(this.siret) == null ? null : this.siret.replace(" ", "");
		if (siretValue != null && !LegalIds.isSiret(siretValue)) {
			errors.add("siret", "'" + this.siret + "' is not a valid SIRET (14 digits with a Luhn key)");
		}
		else if (siretValue != null && siren != null && !siretValue.startsWith(siren)) {
			errors.add("siret", "must start with the SIREN " + siren);
		}
		String ibanValue = blankToNull(this.iban) == null ? null : this.iban.replace(" ", "").toUpperCase(Locale.ROOT);
		if (ibanValue != null && !LegalIds.isIban(ibanValue)) {
			errors.add("iban", "'" + this.iban + "' is not a valid IBAN");
		}
		String method = oneOf(errors, "paymentMethod", this.paymentMethod, PAYMENT_METHODS, "TRANSFER");
		String risk = oneOf(errors, "riskClass", this.riskClass, RISK_CLASSES, "LOW");
		String category = oneOf(errors, "operationCategory", this.operationCategory, OPERATION_CATEGORIES, "MIXED");
		String segmentValue = blankToNull(this.segment) == null ? null : this.segment.strip();
		if (segmentValue != null && segmentValue.length() > 40) {
			errors.add("segment", "must not exceed 40 characters");
		}
		if (this.notes != null && this.notes.length() > 2000) {
			errors.add("notes", "must not exceed 2000 characters");
		}
		List<Customer.Contact> contactList = new java.util.ArrayList<>();
		if (this.contacts != null) {
			for (int i = 0; i < this.contacts.size(); i++) {
				ContactInput c = this.contacts.get(i);
				String field = "contacts[" + i + "]";
				if (c != null && blankToNull(c.name()) == null && blankToNull(c.email()) == null
						&& blankToNull(c.phone()) == null) {
					// a row left empty (the page offers two) is no contact
					continue;
				}
				if (c == null || blankToNull(c.name()) == null) {
					errors.add(field + ".name", "is required");
					continue;
				}
				if (blankToNull(c.email()) != null && !c.email().trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
					errors.add(field + ".email", "'" + c.email() + "' is not an email address");
				}
				String role = oneOf(errors, field + ".role", c.role(), CONTACT_ROLES, "BILLING");
				contactList
					.add(new Customer.Contact(c.name().trim(), blankToNull(c.email()), blankToNull(c.phone()), role));
			}
		}
		Customer.Address delivery = null;
		if (this.deliveryAddress != null && blankToNull(this.deliveryAddress.line1()) != null) {
			AddressInput d = this.deliveryAddress;
			String dc = blankToNull(d.country()) == null ? "FR" : d.country().trim().toUpperCase(Locale.ROOT);
			if (!java.util.Arrays.asList(Locale.getISOCountries()).contains(dc)) {
				errors.add("deliveryAddress.country", "'" + d.country() + "' is not an ISO 3166 country code");
			}
			delivery = new Customer.Address(d.line1().trim(), blankToNull(d.postalCode()), blankToNull(d.city()), dc);
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
				terms, limit, cur, lang, siretValue, delivery, endOfMonth, method, ibanValue, risk,
				blankToNull(this.notes), blankToNull(this.routingCode), blankToNull(this.receivingPlatform), category,
				contactList, segmentValue);
	}

	private static String oneOf(Problem.Errors errors, String field, String value, List<String> allowed,
			String fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		String v = value.trim().toUpperCase(Locale.ROOT);
		if (!allowed.contains(v)) {
			errors.add(field, "must be one of " + String.join(", ", allowed));
			return fallback;
		}
		return v;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

}
