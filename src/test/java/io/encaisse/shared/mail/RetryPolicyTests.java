package io.encaisse.shared.mail;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one retry policy of every outgoing mail, without Spring. */
class RetryPolicyTests {

	private static final Instant FAILED_AT = Instant.parse("2026-12-07T10:00:00Z");

	@Test
	void theWaitDoublesFromOneMinute() {
		assertThat(RetryPolicy.nextAttempt(1, FAILED_AT)).contains(FAILED_AT.plus(Duration.ofMinutes(1)));
		assertThat(RetryPolicy.nextAttempt(2, FAILED_AT)).contains(FAILED_AT.plus(Duration.ofMinutes(2)));
		assertThat(RetryPolicy.nextAttempt(3, FAILED_AT)).contains(FAILED_AT.plus(Duration.ofMinutes(4)));
		assertThat(RetryPolicy.nextAttempt(7, FAILED_AT)).contains(FAILED_AT.plus(Duration.ofMinutes(64)));
	}

	@Test
	void afterEightAttemptsThereIsNoNextOne() {
		assertThat(RetryPolicy.nextAttempt(RetryPolicy.MAX_ATTEMPTS, FAILED_AT)).isEmpty();
		assertThat(RetryPolicy.nextAttempt(RetryPolicy.MAX_ATTEMPTS + 3, FAILED_AT)).isEmpty();
		Duration all = Duration.ZERO;
		for (int attempt = 1; attempt < RetryPolicy.MAX_ATTEMPTS; attempt++) {
			all = all.plus(RetryPolicy.delayAfter(attempt));
		}
		assertThat(all).as("the last attempt some two hours after the first").isEqualTo(Duration.ofMinutes(127));
	}

}
