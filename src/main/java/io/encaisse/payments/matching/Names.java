package io.encaisse.payments.matching;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How close a payer's name, as the bank gives it, is to a customer's name: accents, case,
 * punctuation and legal forms (SAS, SARL, GmbH...) do not count, nor does word order;
 * each word is matched to its closest in the other name (Jaro-Winkler; numbers only
 * equal), and a name that covers only part of the other scores less. 1.0 is the same
 * name.
 */
public final class Names {

	private static final Set<String> NOISE = Set.of("sa", "sas", "sasu", "sarl", "eurl", "sci", "snc", "scop", "gmbh",
			"ag", "ltd", "limited", "llc", "inc", "bv", "nv", "spa", "srl", "sl", "the", "ste", "societe", "company",
			"co", "cie", "et", "and", "de", "du", "des", "la", "le", "les", "l", "d", "mr", "mme", "m", "ets");

	private Names() {
	}

	private static final Pattern MARKS = Pattern.compile("\\p{M}");

	private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]+");

	/** The name reduced to what identifies it: lower case, no accents, sorted words. */
	public static String key(String name) {
		return String.join(" ", words(name));
	}

	/**
	 * The words of a name's {@link #key}, in its order (empty when nothing identifies the
	 * name).
	 */
	public static String[] words(String name) {
		if (name == null) {
			return new String[0];
		}
		String plain = NOT_LETTER_OR_DIGIT
			.matcher(MARKS.matcher(Normalizer.normalize(name.replace(".", ""), Normalizer.Form.NFD))
				.replaceAll("")
				.toLowerCase(Locale.ROOT))
			.replaceAll(" ")
			.trim();
		return Arrays.stream(plain.split(" "))
			.filter(w -> w.length() > 1 && !NOISE.contains(w))
			.sorted()
			.toArray(String[]::new);
	}

	public static double similarity(String a, String b) {
		return similarityOfKeys(key(a), key(b));
	}

	public static double similarityOfKeys(String a, String b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		if (a.equals(b)) {
			return 1;
		}
		String[] left = a.split(" ");
		String[] right = b.split(" ");
		String[] fewer = left.length <= right.length ? left : right;
		String[] more = fewer == left ? right : left;
		double sum = 0;
		for (String word : fewer) {
			double best = 0;
			for (String other : more) {
				best = Math.max(best, wordSimilarity(word, other));
			}
			sum += best;
		}
		// a name that is only part of the other is not the same name
		return sum / fewer.length * Math.sqrt((double) fewer.length / more.length);
	}

	/**
	 * Whether the payer's name, as the bank gives it (often cut short, in capitals), is
	 * this customer's: each of its words is one of the customer's, or the start of one,
	 * or that word with a typo.
	 */
	public static boolean resembles(String payerName, String customerName) {
		String payer = key(payerName);
		String customer = key(customerName);
		if (payer.isEmpty() || customer.isEmpty()) {
			return false;
		}
		String[] theirs = customer.split(" ");
		double sum = 0;
		String[] words = payer.split(" ");
		for (String word : words) {
			double best = 0;
			for (String other : theirs) {
				best = Math.max(best, other.startsWith(word) ? 1 : wordSimilarity(word, other));
			}
			sum += best;
		}
		return sum / words.length >= 0.92;
	}

	/** Two words: numbers must be equal, words may differ by a typo. */
	static double wordSimilarity(String a, String b) {
		if (a.equals(b)) {
			return 1;
		}
		if (Character.isDigit(a.charAt(0)) || Character.isDigit(b.charAt(0))) {
			return 0;
		}
		return jaroWinkler(a, b);
	}

	static double jaroWinkler(String s, String t) {
		int range = Math.max(0, Math.max(s.length(), t.length()) / 2 - 1);
		boolean[] sMatched = new boolean[s.length()];
		boolean[] tMatched = new boolean[t.length()];
		int matches = 0;
		for (int i = 0; i < s.length(); i++) {
			int from = Math.max(0, i - range);
			int to = Math.min(i + range + 1, t.length());
			for (int j = from; j < to; j++) {
				if (!tMatched[j] && s.charAt(i) == t.charAt(j)) {
					sMatched[i] = true;
					tMatched[j] = true;
					matches++;
					break;
				}
			}
		}
		if (matches == 0) {
			return 0;
		}
		int transpositions = 0;
		int k = 0;
		for (int i = 0; i < s.length(); i++) {
			if (sMatched[i]) {
				while (!tMatched[k]) {
					k++;
				}
				if (s.charAt(i) != t.charAt(k)) {
					transpositions++;
				}
				k++;
			}
		}
		double m = matches;
		double jaro = (m / s.length() + m / t.length() + (m - transpositions / 2.0) / m) / 3;
		int prefix = 0;
		while (prefix < Math.min(4, Math.min(s.length(), t.length())) && s.charAt(prefix) == t.charAt(prefix)) {
			prefix++;
		}
		return jaro + prefix * 0.1 * (1 - jaro);
	}

}
