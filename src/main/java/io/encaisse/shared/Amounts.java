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
	 * The most integer digits an amount or quantity may have: columns hold
	 * {@code numeric(19, 4)}, 15 digits before the point.
	 */
	public static final int MAX_INTEGER_DIGITS = 15;

	/**
	 * A decimal written plainly ({@code 1234.50}, not {@code 1.2345E3}); {@code null} and
	 * blank give {@code null}. Scale must fit {@code maxScale}, the integer part
	 * {@link #MAX_INTEGER_DIGITS}.
	 */
	public static BigDecimal decimal(Problem.Errors errors, String field, String value, int maxScale) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.trim();
		if (text.length() > 40 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
			errors.add(field, "'" + abbreviated(text) + "' is not a decimal number written plainly (like 1234.50)");
			return null;
		}
		try {
			BigDecimal d = new BigDecimal(text);
			if (d.precision() - d.scale() > MAX_INTEGER_DIGITS) {
				errors.add(field, "is too large (at most " + MAX_INTEGER_DIGITS + " digits before the decimal point)");
				return null;
			}
			if (d.stripTrailingZeros().scale() > maxScale) {
				errors.add(field, "has more than " + maxScale + " decimals");
				return null;
			}
			return d;
		}
		catch (NumberFormatException ex) {
			errors.add(field, "'" + abbreviated(text) + "' is not a decimal number");
			return null;
		}
	}

	private static String abbreviated(String text) {
		return text.length() <= 40 ? text : text.substring(0, 39) + "…";
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
