package io.encaisse.shared;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Reads amounts, quantities and currencies as the API receives them (decimal strings) and
 * refuses bad ones with the name of the field.
 */
public final class Amounts {

	private Amounts() {
	}

	public static Currency currency(Problem.Errors errors, String field, String code) {
		if (code == null || code.isBlank()) {
			errors.add(field, "is required");
			return null;
		}
		try {
			return Money.currency(code);
		}
		catch (IllegalArgumentException ex) {
			errors.add(field, "'" + code + "' is not an ISO 4217 currency one can invoice in");
			return null;
		}
	}

	/**
	 * A decimal; {@code null} and blank give {@code null}. Scale must fit
	 * {@code maxScale}.
	 */
	public static BigDecimal decimal(Problem.Errors errors, String field, String value, int maxScale) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			BigDecimal d = new BigDecimal(value.trim());
			if (d.stripTrailingZeros().scale() > maxScale) {
				errors.add(field, "has more than " + maxScale + " decimals");
				return null;
			}
			return d;
		}
		catch (NumberFormatException ex) {
			errors.add(field, "'" + value + "' is not a decimal number");
			return null;
		}
	}

	public static BigDecimal required(Problem.Errors errors, String field, String value, int maxScale) {
		if (value == null || value.isBlank()) {
			errors.add(field, "is required");
			return null;
		}
		return decimal(errors, field, value, maxScale);
	}

	public static BigDecimal positive(Problem.Errors errors, String field, String value, int maxScale) {
		BigDecimal d = required(errors, field, value, maxScale);
		if (d != null && d.signum() <= 0) {
			errors.add(field, "must be greater than zero");
			return null;
		}
		return d;
	}

	public static BigDecimal notNegative(Problem.Errors errors, String field, String value, int maxScale) {
		BigDecimal d = decimal(errors, field, value, maxScale);
		if (d != null && d.signum() < 0) {
			errors.add(field, "must not be negative");
			return null;
		}
		return d;
	}

	public static BigDecimal percent(Problem.Errors errors, String field, String value) {
		BigDecimal d = notNegative(errors, field, value, 2);
		if (d != null && d.compareTo(BigDecimal.valueOf(100)) > 0) {
			errors.add(field, "must not exceed 100");
			return null;
		}
		return d;
	}

}
