package io.encaisse.orders.intake;

import java.math.BigDecimal;

import io.encaisse.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The credit controls of every order channel, without Spring. */
class CreditControlsTests {

	private static CreditControls.Exposure exposure(String receivable, String overdue, String onOrder) {
		return new CreditControls.Exposure(new BigDecimal(receivable), new BigDecimal(overdue),
				new BigDecimal(onOrder));
	}

	@Test
	void withinTheLimitCountingOpenInvoicesAndOpenOrders() {
		CreditControls.Terms terms = new CreditControls.Terms(new BigDecimal("10000"), "LOW", null);
		assertThat(CreditControls.reasons(terms, exposure("6000", "0", "3000"), Money.of("1000.00", "EUR"))).isEmpty();
		assertThat(CreditControls.reasons(terms, exposure("6000", "0", "3000"), Money.of("1000.01", "EUR")))
			.singleElement()
			.satisfies(r -> assertThat(r).startsWith("credit limit: 10000.01 EUR"));
	}

	@Test
	void aCustomerOnHoldOrdersNothingWhateverItsLimitAndRisk() {
		CreditControls.Terms held = new CreditControls.Terms(null, "LOW", "dunning level 3 (run dru_1)");
		assertThat(CreditControls.reasons(held, CreditControls.Exposure.NONE, Money.of("1.00", "EUR")))
			.containsExactly("credit hold: dunning level 3 (run dru_1)");
	}

	@Test
	void aHighRiskCustomerWithAnythingOverdueIsHeld() {
		CreditControls.Terms high = new CreditControls.Terms(null, "HIGH", null);
		assertThat(CreditControls.reasons(high, exposure("500", "0.01", "0"), Money.of("1.00", "EUR"))).singleElement()
			.satisfies(r -> assertThat(r).startsWith("credit hold: a high-risk customer"));
		assertThat(CreditControls.reasons(high, exposure("500", "0", "0"), Money.of("1.00", "EUR"))).isEmpty();
	}

}
