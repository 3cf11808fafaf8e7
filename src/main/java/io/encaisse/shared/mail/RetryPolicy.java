package io.encaisse.shared.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a mail that failed is tried again: after 1, 2, 4... minutes, eight attempts in all
 * (the last some two hours after the first). The one retry policy of every outgoing mail.
 */
public final class RetryPolicy {

	/** Attempts in all, the first included. */
	public static final int MAX_ATTEMPTS = 8;

	private RetryPolicy() {
	}

	/**
	 * The next attempt after {@code attemptsMade} attempts failed, the last at
	 * {@code failedAt}; empty once they are all spent.
	 */
	public static Optional<Instant> nextAttempt(int attemptsMade, Instant failedAt) {
		if (attemptsMade >= MAX_ATTEMPTS) {
			return Optional.empty();
		}
		return Optional.of(failedAt.plus(delayAfter(attemptsMade)));
	}

	/** The wait after the given number of failed attempts: 1, 2, 4... minutes. */
	static Duration delayAfter(int attemptsMade) {
		return Duration.ofMinutes(1L << Math.max(0, Math.min(attemptsMade - 1, 10)));
	}

}
