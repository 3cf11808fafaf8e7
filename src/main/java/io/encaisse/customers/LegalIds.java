package io.encaisse.customers;

/** Checks French and EU legal identifiers by their keys, not only their shape. */
public final class LegalIds {

	private LegalIds() {
	}

	/** SIREN: 9 digits with a Luhn key (SIRET: 14 digits, also Luhn). */
	public static boolean isSiren(String value) {
		return value != null && value.matches("\\d{9}") && luhn(value);
	}

	public static boolean luhn(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int d = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
		}
		return sum % 10 == 0;
	}

	/**
	 * Intra-EU VAT number. French numbers ({@code FR} + 2-digit key + SIREN) are checked
	 * by their key; other countries by shape.
	 */
	public static boolean isVatNumber(String value) {
		if (value == null || !value.matches("[A-Z]{2}[A-Z0-9]{2,13}")) {
			return false;
		}
		if (value.startsWith("FR")) {
			if (!value.matches("FR\\d{11}")) {
				return value.matches("FR[A-HJ-NP-Z0-9]{2}\\d{9}");
			}
			long siren = Long.parseLong(value.substring(4));
			int key = Integer.parseInt(value.substring(2, 4));
			return key == (12 + 3 * (siren % 97)) % 97;
		}
		return true;
	}

	/** A SIREN completed with its Luhn key from its first 8 digits. */
	public static String sirenWithKey(String firstEightDigits) {
		for (int d = 0; d <= 9; d++) {
			if (luhn(firstEightDigits + d)) {
				return firstEightDigits + d;
			}
		}
		throw new IllegalArgumentException("no Luhn key for " + firstEightDigits);
	}

	/** The French VAT number of a SIREN. */
	public static String frenchVatNumber(String siren) {
		long n = Long.parseLong(siren);
		long key = (12 + 3 * (n % 97)) % 97;
		return "FR" + (key < 10 ? "0" : "") + key + siren;
	}

}
