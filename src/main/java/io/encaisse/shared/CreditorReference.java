package io.encaisse.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO 11649 structured creditor reference: {@code RF}, two check digits and up to 21
 * alphanumerics, checked with ISO 7064 mod 97-10. Printed in groups of four; payers often
 * drop the spaces.
 */
public record CreditorReference(String value) {

	private static final Pattern SHAPE = Pattern.compile("RF\\d{2}[A-Z0-9]{1,21}");

	private static final Pattern IN_TEXT = Pattern.compile("R\\s?F\\s?\\d\\s?\\d(?:\\s?[A-Z0-9]){1,21}");

	public CreditorReference {
		if (!isValid(value)) {
			throw new IllegalArgumentException("not a valid ISO 11649 reference: " + value);
		}
	}

	/** The reference for a creditor's own reference (letters and digits, at most 21). */
	public static CreditorReference of(String reference) {
		String ref = reference.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
		if (ref.isEmpty() || ref.length() > 21) {
			throw new IllegalArgumentException("reference must hold 1 to 21 letters or digits: " + reference);
		}
		int check = 98 - mod97(ref + "RF00");
		return new CreditorReference("RF" + (check < 10 ? "0" : "") + check + ref);
	}

	public static boolean isValid(String candidate) {
		if (candidate == null || !SHAPE.matcher(candidate).matches()) {
			return false;
		}
		return mod97(candidate.substring(4) + candidate.substring(0, 4)) == 1;
	}

	/**
	 * The first valid reference in free remittance text, spaces tolerated, case ignored.
	 */
	public static Optional<CreditorReference> findIn(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher m = IN_TEXT.matcher(text.toUpperCase(Locale.ROOT));
		while (m.find()) {
			String compact = m.group().replace(" ", "");
			// the greedy match may swallow following words: try the longest valid prefix
			for (int end = compact.length(); end >= 5; end--) {
				if (isValid(compact.substring(0, end))) {
					return Optional.of(new CreditorReference(compact.substring(0, end)));
				}
			}
		}
		return Optional.empty();
	}

	/** Printed form, in groups of four: {@code RF18 5390 0754 7034}. */
	public String printed() {
		return this.value.replaceAll("(.{4})(?!$)", "$1 ");
	}

	/** The letters as numbers (A = 10 … Z = 35), the whole modulo 97, digit by digit. */
	private static int mod97(String s) {
		int rest = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= '0' && c <= '9') {
				rest = (rest * 10 + (c - '0')) % 97;
			}
			else {
				int value = c - 'A' + 10;
				rest = (rest * 100 + value) % 97;
			}
		}
		return rest;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
