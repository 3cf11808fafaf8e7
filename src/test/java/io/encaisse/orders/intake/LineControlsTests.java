package io.encaisse.orders.intake;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The line and reference controls of order intake, without Spring. */
class LineControlsTests {

	@Test
	void theAgreedPriceIsKeptAndADifferenceReported() {
		LineControls.Priced same = LineControls.agreedPrice(1, "SKU-1", "EUR", new BigDecimal("10.00"), "AGREEMENT",
				new BigDecimal("10"));
		assertThat(same.unitPrice()).isEqualByComparingTo("10.00");
		assertThat(same.source()).isEqualTo("AGREEMENT");
		assertThat(same.reasons()).isEmpty();

		LineControls.Priced other = LineControls.agreedPrice(2, "SKU-1", "EUR", new BigDecimal("10.00"), "PRICE_LIST",
				new BigDecimal("9.50"));
		assertThat(other.unitPrice()).isEqualByComparingTo("10.00");
		assertThat(other.reasons()).containsExactly(
				"line 2: price 9.5 differs from the agreed price 10 (the agreed price is kept until someone"
						+ " decides)");
	}

	@Test
	void withoutAPriceInTheBookTheOrdersIsTakenAndReported() {
		LineControls.Priced given = LineControls.agreedPrice(3, "SKU-2", "USD", null, null, new BigDecimal("12.30"));
		assertThat(given.unitPrice()).isEqualByComparingTo("12.30");
		assertThat(given.source()).isEqualTo("MANUAL");
		assertThat(given.reasons())
			.containsExactly("line 3: product SKU-2 has no price in USD; the order's price 12.3 needs checking");

		LineControls.Priced none = LineControls.agreedPrice(4, "SKU-2", "USD", null, null, null);
		assertThat(none.unitPrice()).isZero();
		assertThat(none.reasons()).containsExactly("line 4: product SKU-2 has no price in USD");
	}

	@Test
	void unknownRetiredAndDuplicate() {
		assertThat(LineControls.unknownItem(5, "ABC"))
			.isEqualTo("line 5: item 'ABC' is neither one of our SKUs nor a mapped code");
		assertThat(LineControls.stillSold(6, "SKU-3", true)).isEmpty();
		assertThat(LineControls.stillSold(6, "SKU-3", false))
			.containsExactly("line 6: product SKU-3 is retired and no longer sold");
		assertThat(LineControls.notADuplicate(null, "PO-1")).isEmpty();
		assertThat(LineControls.notADuplicate("CO-2026-00001", "PO-1"))
			.containsExactly("duplicate: order CO-2026-00001 already has the customer's reference PO-1");
	}

}
