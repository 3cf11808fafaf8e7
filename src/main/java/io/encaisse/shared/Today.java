package io.encaisse.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * Business time. Domain code asks this for the date and the instant, never the system
 * clock, so that tests can move time.
 */
@Component
public class Today {

	private final Clock clock;

	public Today(Clock clock) {
		this.clock = clock;
	}

	public LocalDate date() {
		return LocalDate.now(this.clock);
	}

	public Instant instant() {
		return this.clock.instant();
	}

	public Clock clock() {
		return this.clock;
	}

}
