package io.encaisse.invoicing;

import java.time.LocalDate;

import io.encaisse.customers.PaymentTerms;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The due date: issue date plus the terms, or the end of that month. No database. */
class PaymentTermsTests {

	@Test
	void daysFromTheIssueDate() {
		assertThat(new PaymentTerms(30, false).dueDate(LocalDate.of(2026, 1, 31))).isEqualTo("2026-03-02");
	}

	@Test
	void endOfMonthTakesTheLastDayOfTheMonthTheDaysReach() {
		assertThat(new PaymentTerms(45, true).dueDate(LocalDate.of(2026, 1, 20))).isEqualTo("2026-03-31");
		assertThat(new PaymentTerms(30, true).dueDate(LocalDate.of(2028, 1, 30))).isEqualTo("2028-02-29");
	}

}
