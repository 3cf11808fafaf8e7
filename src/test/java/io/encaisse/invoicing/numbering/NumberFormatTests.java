package io.encaisse.invoicing.numbering;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The number format is configurable; each year and kind of document stays a series. */
class NumberFormatTests {

	@Test
	void theDefaultAndAConfiguredFormat() {
		assertThat(new InvoiceNumbering(null, null, "FA", "AV", "{prefix}-{year}-{number}", 6).number("FA", 2026, 123))
			.isEqualTo("FA-2026-000123");
		assertThat(new InvoiceNumbering(null, null, "F", "A", "{prefix}{year}/{number}", 4).number("A", 2027, 7))
			.isEqualTo("A2027/0007");
	}

	@Test
	void aFormatWithoutTheYearOrTheNumberIsRefusedAtStart() {
		assertThatThrownBy(() -> new InvoiceNumbering(null, null, "FA", "AV", "{prefix}-{number}", 6))
			.hasMessageContaining("{year}");
		assertThatThrownBy(() -> new InvoiceNumbering(null, null, "FA", "AV", "{prefix}-{year}", 6))
			.hasMessageContaining("{number}");
		assertThatThrownBy(() -> new InvoiceNumbering(null, null, "FA", "AV", "{prefix}-{year}-{number}", 0))
			.hasMessageContaining("digits");
	}

}
