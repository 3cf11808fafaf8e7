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

	/**
	 * SIRET: 14 digits with a Luhn key (La Poste's establishments use another rule,
	 * accepted by shape).
	 */
	public static boolean isSiret(String value) {
		return value != null && value.matches("\\d{14}") && (luhn(value) || value.startsWith("356000000"));
	}

	/** IBAN (ISO 13616): country, check digits, and the mod 97 key over the whole. */
	public static boolean isIban(String value) {
		if (value == null || !value.matches("[A-Z]{2}\\d{2}[A-Z0-9]{10,30}")) {
			return false;
		}
		String moved = value.substring(4) + value.substring(0, 4);
		StringBuilder digits = new StringBuilder();
		for (char c : moved.toCharArray()) {
			digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
		}
		return new java.math.BigInteger(digits.toString()).mod(java.math.BigInteger.valueOf(97)).intValue() == 1;
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
