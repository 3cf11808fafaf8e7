package io.encaisse.shared;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTests {

	@Test
	void amountsOfTwoCurrenciesNeverMix() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1.00", "EUR").plus(Money.of("1.00", "USD")));
	}

	@Test
	void roundsHalfUpToTheCurrencyMinorUnit() {
		assertThat(Money.of("2.345", "EUR").rounded().toPlainString()).isEqualTo("2.35");
		assertThat(Money.of("2.344", "EUR").rounded().toPlainString()).isEqualTo("2.34");
		assertThat(Money.of("1234.5", "JPY").rounded().toPlainString()).isEqualTo("1235");
	}

	@Test
	void equalityIgnoresTrailingZeros() {
		assertThat(Money.of("10.0", "EUR")).isEqualTo(Money.of("10.00", "EUR"))
			.hasSameHashCodeAs(Money.of("10", "EUR"));
	}

	@Test
	void refusesAnUnknownCurrency() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.currency("EUX"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.currency("eur"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.currency("XXX"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.currency("XAU"));
	}

	@Test
	void showsTheCurrencyDecimals() {
		assertThat(new Money(new BigDecimal("5"), Money.currency("EUR")).toPlainString()).isEqualTo("5.00");
	}

}
