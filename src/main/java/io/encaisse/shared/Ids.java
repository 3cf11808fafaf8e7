package io.encaisse.shared;

import java.security.SecureRandom;

/**
 * Opaque, time-ordered identifiers ({@code cus_01JD...}): a prefix naming the kind of
 * document and a 26-character ULID. Ordering by id is ordering by creation, which cursor
 * pagination relies on.
 */
public final class Ids {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static long lastMillis;

	private static long lastRandom;

	private Ids() {
	}

	public static String next(String prefix) {
		long millis;
		long random;
		synchronized (Ids.class) {
			millis = System.currentTimeMillis();
			if (millis <= lastMillis) {
				millis = lastMillis;
				random = lastRandom + 1;
			}
			else {
				random = RANDOM.nextLong() >>> 24;
			}
			lastMillis = millis;
			lastRandom = random;
		}
		char[] out = new char[26];
		for (int i = 9; i >= 0; i--) {
			out[i] = ALPHABET[(int) (millis & 31)];
			millis >>>= 5;
		}
		long high = RANDOM.nextLong() >>> 24;
		for (int i = 25; i >= 18; i--) {
			out[i] = ALPHABET[(int) (high & 31)];
			high >>>= 5;
		}
		for (int i = 17; i >= 10; i--) {
			out[i] = ALPHABET[(int) (random & 31)];
			random >>>= 5;
		}
		return prefix + "_" + new String(out);
	}

}
