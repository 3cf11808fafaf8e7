package io.encaisse.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Guessing passwords is made slow: after {@link #FREE_FAILURES} wrong passwords in a row
 * for one user name, that name is locked for a minute, then two, four... at most an hour,
 * whatever password comes meanwhile, the right one too. A successful login clears the
 * count. Counted in the database, so every node of a cluster sees the same lock; on the
 * wall clock, not business time.
 */
@Component
public class LoginThrottle {

	static final int FREE_FAILURES = 5;

	static final Duration FIRST_LOCK = Duration.ofMinutes(1);

	static final Duration LONGEST_LOCK = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final Clock clock = Clock.systemUTC();

	LoginThrottle(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Until when this user name is locked, if it is now. */
	public Optional<Instant> lockedUntil(String username) {
		return this.jdbc.sql("select locked_until from login_failure where username = :u")
			.param("u", key(username))
			.query((rs, i) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
			.optional()
			.flatMap(o -> o)
			.map(OffsetDateTime::toInstant)
			.filter(until -> until.isAfter(this.clock.instant()));
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken login)) {
			return;
		}
		String username = key(login.getName());
		Instant now = this.clock.instant();
		int failures = this.jdbc.sql("select failures from login_failure where username = :u")
			.param("u", username)
			.query(Integer.class)
			.optional()
			.orElse(0) + 1;
		Instant lockedUntil = failures < FREE_FAILURES ? null : now.plus(lock(failures));
		int updated = this.jdbc.sql("""
				update login_failure set failures = failures + 1, last_failure_at = :at, locked_until = :until
				where username = :u""")
			.param("u", username)
			.param("at", now.atOffset(ZoneOffset.UTC))
			.param("until", lockedUntil == null ? null : lockedUntil.atOffset(ZoneOffset.UTC))
			.update();
		if (updated == 0) {
			try {
				this.jdbc.sql("""
						insert into login_failure (username, failures, last_failure_at, locked_until)
						values (:u, 1, :at, null)""")
					.param("u", username)
					.param("at", now.atOffset(ZoneOffset.UTC))
					.update();
			}
			catch (DuplicateKeyException raced) {
				failed(event);
			}
		}
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken login
				&& !(login.getPrincipal() instanceof ApiKeyPrincipal)) {
			this.jdbc.sql("delete from login_failure where username = :u").param("u", key(login.getName())).update();
		}
	}

	/** How long the n-th failure in a row locks the name. */
	static Duration lock(int failures) {
		int doublings = Math.min(failures - FREE_FAILURES, 6);
		Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
		return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
	}

	private static String key(String username) {
		String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
		return name.length() <= 100 ? name : name.substring(0, 100);
	}

}
