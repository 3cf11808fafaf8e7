package io.encaisse.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreditorReferenceTests {

	@Test
	void buildsTheIso11649ExampleReference() {
		// the example of ISO 11649: RF18 5390 0754 7034
		assertThat(CreditorReference.of("539007547034").value()).isEqualTo("RF18539007547034");
		assertThat(CreditorReference.of("539007547034").printed()).isEqualTo("RF18 5390 0754 7034");
	}

	@Test
	void checksTheMod97Key() {
		assertThat(CreditorReference.isValid("RF18539007547034")).isTrue();
		assertThat(CreditorReference.isValid("RF19539007547034")).isFalse();
		assertThat(CreditorReference.isValid("RF18")).isFalse();
	}

	@Test
	void findsAReferenceInRemittanceTextWithSpacesAndLowerCase() {
		String rf = CreditorReference.of("FA2026000123").value();
		String printed = CreditorReference.of("FA2026000123").printed().toLowerCase();
		assertThat(CreditorReference.findIn("VIR SEPA " + printed + " MERCI")).map(CreditorReference::value)
			.contains(rf);
		assertThat(CreditorReference.findIn("/ROC/" + rf + "/")).map(CreditorReference::value).contains(rf);
		assertThat(CreditorReference.findIn("facture FA-2026-000123")).isEmpty();
	}

}
