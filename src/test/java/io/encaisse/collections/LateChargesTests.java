package io.encaisse.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.encaisse.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Late-payment penalties against hand computations (L441-10 Code de commerce), without
 * Spring: ECB rate of the half-year + 10 points, simple interest on 365 days, the 40 EUR
 * indemnity once.
 */
class LateChargesTests {

	static final List<LateCharges.ReferenceRate> RATES = List.of(
			new LateCharges.ReferenceRate(LocalDate.of(2024, 1, 1), new BigDecimal("4.50")),
			new LateCharges.ReferenceRate(LocalDate.of(2024, 7, 1), new BigDecimal("4.25")),
			new LateCharges.ReferenceRate(LocalDate.of(2025, 1, 1), new BigDecimal("3.15")),
			new LateCharges.ReferenceRate(LocalDate.of(2025, 7, 1), new BigDecimal("2.15")));

	@Test
	void acrossAHalfYearEachStretchRunsAtItsOwnRate() {
		// 30 days of June at 3.15 + 10, 10 days of July at 2.15 + 10:
		// 1200 x (13.15 x 30 + 12.15 x 10) / 36500 = 16.9643... -> 16.96
		LateCharges.Charges c = LateCharges.of(Money.of("1200.00", "EUR"), LocalDate.of(2025, 5, 31), List.of(),
				LocalDate.of(2025, 7, 10), RATES, null);
		assertThat(c.daysLate()).isEqualTo(40);
		assertThat(c.rate()).isEqualByComparingTo("12.15");
		assertThat(c.interest()).isEqualTo(Money.of("16.96", "EUR"));
		assertThat(c.indemnity()).isEqualTo(Money.of("40.00", "EUR"));
	}

	@Test
	void paymentsLowerTheBalanceFromTheNextDayAndStopTheClock() {
		// 1000 for 10 days (paid 400 on 10 April), 600 for 20 days (paid on 30 April),
		// at 4.50 + 10: (1000 x 10 + 600 x 20) x 14.5 / 36500 = 8.7397... -> 8.74
		LateCharges.Charges c = LateCharges.of(Money.of("1000.00", "EUR"), LocalDate.of(2024, 3, 31),
				List.of(new LateCharges.Settlement(LocalDate.of(2024, 4, 30), new BigDecimal("600.00")),
						new LateCharges.Settlement(LocalDate.of(2024, 4, 10), new BigDecimal("400.00"))),
				LocalDate.of(2024, 6, 30), RATES, null);
		assertThat(c.daysLate()).isEqualTo(30);
		assertThat(c.interest()).isEqualTo(Money.of("8.74", "EUR"));
		assertThat(c.indemnity()).isEqualTo(Money.of("40.00", "EUR"));
	}

	@Test
	void aContractualRateReplacesTheEcbRate() {
		// 500 x 12 x 30 / 36500 = 4.9315... -> 4.93
		LateCharges.Charges c = LateCharges.of(Money.of("500.00", "EUR"), LocalDate.of(2024, 6, 20), List.of(),
				LocalDate.of(2024, 7, 20), RATES, new BigDecimal("12"));
		assertThat(c.daysLate()).isEqualTo(30);
		assertThat(c.rate()).isEqualByComparingTo("12");
		assertThat(c.interest()).isEqualTo(Money.of("4.93", "EUR"));
	}

	@Test
	void paidOnTimeOwesNothing() {
		LateCharges.Charges c = LateCharges.of(Money.of("500.00", "EUR"), LocalDate.of(2024, 6, 20),
				List.of(new LateCharges.Settlement(LocalDate.of(2024, 6, 20), new BigDecimal("500.00"))),
				LocalDate.of(2024, 12, 31), RATES, null);
		assertThat(c.daysLate()).isZero();
		assertThat(c.interest()).isEqualTo(Money.of("0.00", "EUR"));
		assertThat(c.indemnity().amount()).isZero();
		// before the due date nothing is late either
		assertThat(LateCharges
			.of(Money.of("500.00", "EUR"), LocalDate.of(2024, 6, 20), List.of(), LocalDate.of(2024, 6, 20), RATES, null)
			.daysLate()).isZero();
	}

	@Test
	void aYearLateAtOneRateIsTheRateOnTheBalance() {
		// 365 days of 2025-01-01..12-31 would span two rates; a contractual 10 % on
		// 365 days is exactly 10 % of the balance
		LateCharges.Charges c = LateCharges.of(Money.of("987.65", "EUR"), LocalDate.of(2024, 12, 31), List.of(),
				LocalDate.of(2025, 12, 31), RATES, BigDecimal.TEN);
		assertThat(c.daysLate()).isEqualTo(365);
		assertThat(c.interest()).isEqualTo(Money.of("98.77", "EUR"));
	}

	@Test
	void aHalfYearWithoutAKnownRateIsRefusedWithWhatToDo() {
		assertThatThrownBy(() -> LateCharges.of(Money.of("100.00", "EUR"), LocalDate.of(2023, 3, 1), List.of(),
				LocalDate.of(2023, 4, 1), RATES, null))
			.hasMessageContaining("no ECB reference rate known");
	}

}
