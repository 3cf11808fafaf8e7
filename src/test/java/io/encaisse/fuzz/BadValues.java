package io.encaisse.fuzz;

import java.util.List;
import java.util.Random;

/**
 * What a careless or hostile client sends: as JSON values (raw JSON text, not always
 * valid JSON), as whole bodies, and as query or path parameters. The lists are the cases
 * that broke Encaisse once (issue 21) and their neighbours; {@link #generated} adds
 * random ones from a seed.
 */
final class BadValues {

	private BadValues() {
	}

	static final String TEN_THOUSAND = "x".repeat(10_000);

	/** Raw JSON text put where a field's value goes. */
	static final List<String> JSON_VALUES = List.of("null", "true", "false", "0", "-5", "1.5", "1e400", "-1e400",
			"123456789012345678901234567890", "99999999999", "[]", "{}", "[1,2]", "{\"a\":1}", "\"\"", "\"   \"",
			"\"a\\u0000b\"", "\"\\u0000\"", "\"1e400\"", "\"-1e400\"", "\"123456789012345678901234567890\"",
			"\"12345678901234567890.123456789\"", "\"-5\"", "\"0\"", "\"0.001\"", "\"1E+6\"", "\"NaN\"", "\"Infinity\"",
			"\"1,5\"", "\"0x1A\"", "\"abc\"", "\"<script>alert(1)</script>\"", "\"' OR 1=1 --\"",
			"\"\\u202eevil\\u202c é漢字🙂\"", "\"\\ud800\"", "\"" + TEN_THOUSAND + "\"", "\"" + "y".repeat(300) + "\"",
			"\"2026-02-30\"", "\"0000-01-01\"", "\"-0001-01-01\"", "\"2026-13-45\"", "\"9999-12-31\"",
			"\"+100000-01-01\"", "\"2026-11-23T10:00:00Z\"", "\"FR7630006000011234567890189\"", "\"FR00 0000\"",
			"\"XXX\"", "\"XXXX\"", "\"eur\"", "\"READ_ONLY\"", "\"ADMIN\"", "\"cus_nope\"", "\"inv_nope\"",
			"\"../../etc/passwd\"", "\"%00\"", "\"\\n\\r\\t\"", "2147483648", "-2147483649", "1.0E-400",
			"\"1.0E-400\"");

	/** Whole request bodies for a JSON operation. */
	static final List<String> BODIES = List.of("", "{", "[]", "null", "\"text\"", "42", "{\"a\":1}{", "{} trailing",
			"{\"a\":1,\"a\":2}", "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
			"{\"x\":\"" + "z".repeat(200_000) + "\"}", "\u0000", "{\"name\":\"a\u0000b\"}");

	/** Query and path parameter values (sent URL-encoded). */
	static final List<String> PARAMS = List.of("", " ", "-1", "0", "100000", "abc", "a\u0000b", "\u0000", "9999-99-99",
			"2026-02-30", "0000-01-01", "1e400", "123456789012345678901234567890", TEN_THOUSAND, "' OR 1=1 --",
			"<script>", "XXXX", "%", "..", "é漢字🙂", "true", "NaN", "-0", "1.5");

	/** Header values for {@code If-Match} and {@code Accept}. */
	static final List<String> IF_MATCH = List.of("abc", "\"-1\"", "-1", "99999999999999999999", "W/\"0\"", "\"\"", "*");

	static final List<String> ACCEPT = List.of("application/xml", "text/html", "image/png", "*/*;q=0",
			"application/json;q=0, text/plain");

	/** A random value from a seed: strings of any code points, numbers of any shape. */
	static String generated(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> jsonString(randomText(random, random.nextInt(40)));
			case 1 -> Long.toString(random.nextLong());
			case 2 -> "\"" + random.nextLong() + "." + Math.abs(random.nextLong()) + "\"";
			case 3 -> "\"" + random.nextInt(10_000) + "-" + random.nextInt(100) + "-" + random.nextInt(100) + "\"";
			default -> jsonString(randomText(random, 200 + random.nextInt(2000)));
		};
	}

	static String randomText(Random random, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			int kind = random.nextInt(10);
			int cp = kind < 5 ? 32 + random.nextInt(95) : kind < 7 ? random.nextInt(32)
					: kind < 9 ? 0xA0 + random.nextInt(0x2FFF) : 0x1F300 + random.nextInt(0x300);
			text.appendCodePoint(cp);
		}
		return text.toString();
	}

	static String jsonString(String text) {
		StringBuilder json = new StringBuilder("\"");
		text.codePoints().forEach(cp -> {
			if (cp == '"' || cp == '\\') {
				json.append('\\').appendCodePoint(cp);
			}
			else if (cp < 0x20) {
				json.append(String.format("\\u%04x", cp));
			}
			else {
				json.appendCodePoint(cp);
			}
		});
		return json.append('"').toString();
	}

}
