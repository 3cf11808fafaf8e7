package io.encaisse.customers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LegalIdsTests {

	@Test
	void checksTheSirenLuhnKey() {
		assertThat(LegalIds.isSiren("732829320")).isTrue();
		assertThat(LegalIds.isSiren("732829321")).isFalse();
		assertThat(LegalIds.isSiren("73282932")).isFalse();
		assertThat(LegalIds.sirenWithKey("73282932")).isEqualTo("732829320");
	}

	@Test
	void checksTheFrenchVatKey() {
		assertThat(LegalIds.isVatNumber("FR44732829320")).isTrue();
		assertThat(LegalIds.isVatNumber("FR45732829320")).isFalse();
		assertThat(LegalIds.frenchVatNumber("732829320")).isEqualTo("FR44732829320");
		assertThat(LegalIds.isVatNumber("DE136695976")).isTrue();
		assertThat(LegalIds.isVatNumber("not a vat")).isFalse();
	}

}
