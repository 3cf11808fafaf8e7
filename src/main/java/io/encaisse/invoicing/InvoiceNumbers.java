package io.encaisse.invoicing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Invoice numbers as payers write them in a remittance text: {@code FA2026123},
 * {@code fa 2026-000123}, {@code FA/2026/123} all name {@code FA-2026-000123}. Numbers of
 * invoices imported from another system have their own shapes, so each word with a digit
 * is a candidate too.
 */
public final class InvoiceNumbers {

	private static final Pattern NUMBER_IN_TEXT = Pattern
		.compile("(?<![A-Z0-9])([A-Z]{2})[\\s\\-_/.]*(\\d{4})[\\s\\-_/.]*(\\d{1,6})(?![0-9])");

	private static final Pattern WORDS = Pattern.compile("[\\s,;:()+]+");

	private InvoiceNumbers() {
	}

	/**
	 * The numbers a text may name, most likely first: our own series normalised, then
	 * each word of 3 to 30 characters holding a digit, as written.
	 */
	public static List<String> candidatesIn(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		Set<String> found = new LinkedHashSet<>();
		Matcher m = NUMBER_IN_TEXT.matcher(text.toUpperCase(Locale.ROOT));
		while (m.find()) {
			String serial = Integer.toString(Integer.parseInt(m.group(3)));
			found.add(m.group(1) + "-" + m.group(2) + "-" + "0".repeat(Math.max(0, 6 - serial.length())) + serial);
		}
		for (String word : WORDS.split(text)) {
			String token = trimPunctuation(word);
			if (token.length() >= 3 && token.length() <= 30 && hasDigit(token)) {
				found.add(token);
			}
		}
		return List.copyOf(found);
	}

	private static String trimPunctuation(String word) {
		int from = 0;
		int to = word.length();
		while (from < to && !Character.isLetterOrDigit(word.charAt(from))) {
			from++;
		}
		while (to > from && !Character.isLetterOrDigit(word.charAt(to - 1))) {
			to--;
		}
		return word.substring(from, to);
	}

	private static boolean hasDigit(String s) {
		for (int i = 0; i < s.length(); i++) {
			if (Character.isDigit(s.charAt(i))) {
				return true;
			}
		}
		return false;
	}

}
