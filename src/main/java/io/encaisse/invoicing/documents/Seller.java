package io.encaisse.invoicing.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Our legal entity as invoices print it: the mandatory French mentions of the seller. Set
 * with {@code encaisse.seller.*}; the defaults describe the demo company.
 */
@ConfigurationProperties("encaisse.seller")
public record Seller(String name, String street, String postalCode, String city, String country, String siren,
		String vatNumber, String email, String iban, String bic, String legalForm, String shareCapital) {

	public Seller {
		name = or(name, "Atelier Numérique SAS");
		street = or(street, "12 rue des Tanneurs");
		postalCode = or(postalCode, "69002");
		city = or(city, "Lyon");
		country = or(country, "FR");
		siren = or(siren, "732829320");
		vatNumber = or(vatNumber, "FR44732829320");
		email = or(email, "facturation@atelier-numerique.example");
		iban = or(iban, "FR7630006000011234567890189");
		bic = or(bic, "AGRIFRPPXXX");
		legalForm = or(legalForm, "SAS");
		shareCapital = or(shareCapital, "50 000 EUR");
	}

	private static String or(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value;
	}

}
