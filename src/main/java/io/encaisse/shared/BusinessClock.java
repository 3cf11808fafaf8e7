package io.encaisse.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The application's clock: the system clock, which tests and the demo loader can move to
 * a business date ({@link #travelTo}) to replay a sale that happened months ago. Nothing
 * in production moves it.
 */
public final class BusinessClock extends Clock {

	private final Clock system;

	private volatile Duration offset = Duration.ZERO;

	public BusinessClock(Clock system) {
		this.system = system;
	}

	/** Moves business time to this instant; time goes on from there. */
	public void travelTo(Instant instant) {
		this.offset = Duration.between(this.system.instant(), instant);
	}

	public void travelBy(Duration duration) {
		this.offset = this.offset.plus(duration);
	}

	/** Back to the real time. */
	public void reset() {
		this.offset = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return this.system.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(this.system.withZone(zone), this.offset);
	}

	@Override
	public Instant instant() {
		return this.system.instant().plus(this.offset);
	}

}
