package io.encaisse.shared;

import java.time.LocalDate;

/**
 * The dates a business document may carry: from 1900 to 2999. A year 0000 typed by
 * mistake is no date (PostgreSQL would keep it as 1 BC).
 */
public final class BusinessDates {

	public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);

	public static final LocalDate LAST = LocalDate.of(2999, 12, 31);

	public static final String RULE = "must be a date between 1900-01-01 and 2999-12-31";

	private BusinessDates() {
	}

	public static boolean plausible(LocalDate date) {
		return date == null || (!date.isBefore(FIRST) && !date.isAfter(LAST));
	}

}
