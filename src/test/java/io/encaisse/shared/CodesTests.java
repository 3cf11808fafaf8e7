package io.encaisse.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codes lines and customers carry, read through their enums (issue 22), without
 * Spring.
 */
class CodesTests {

	@Test
	void aLineWithoutBillingTermIsBilledOnDelivery() {
		assertThat(BillingTerm.ON_DELIVERY.is(null)).isTrue();
		assertThat(BillingTerm.ON_DELIVERY.is(" ")).isTrue();
		assertThat(BillingTerm.ON_MILESTONE.is(null)).isFalse();
		assertThat(BillingTerm.RECURRING.is("RECURRING")).isTrue();
		assertThat(BillingTerm.RECURRING.is("recurring")).as("codes are exact").isFalse();
		assertThat(BillingTerm.parse("WEEKLY")).isEmpty();
		assertThat(BillingTerm.codes()).containsExactly("ON_DELIVERY", "ON_ORDER", "ON_MILESTONE", "RECURRING");
	}

	@Test
	void riskClassesWeighInTheirOrder() {
		assertThat(RiskClass.HIGH.is("HIGH")).isTrue();
		assertThat(RiskClass.HIGH.is(null)).isFalse();
		assertThat(RiskClass.parse("LOW").map(RiskClass::weight)).contains(1);
		assertThat(RiskClass.HIGH.weight()).isGreaterThan(RiskClass.MEDIUM.weight());
		assertThat(RiskClass.codes()).containsExactly("LOW", "MEDIUM", "HIGH");
	}

}
