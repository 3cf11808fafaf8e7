package io.encaisse.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows behind {@code Idempotency-Key}: one per caller id, operation (a hash of method
 * and path) and key. A row without an answer is a request in flight and holds a lease;
 * the instance running it renews the lease, so a lease that ran out means the instance
 * died and a retry may take the request over. Answers are kept {@link #RETENTION}; an
 * older row is gone for every purpose, even before the purge deletes it.
 *
 * Times here are the wall clock, not business time: a lease is about processes, not about
 * the day invoices are dated.
 */
@Component
class IdempotencyRecords {

	static final Duration RETENTION = Duration.ofHours(24);

	static final Duration LEASE = Duration.ofSeconds(60);

	private final JdbcClient jdbc;

	private final Clock clock;

	IdempotencyRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.clock = Clock.systemUTC();
	}

	/** Who asks, for which operation, with which key. */
	record Scope(String owner, String operation, String key, String method, String path) {
	}

	record Stored(String requestHash, Integer status, String contentType, String body, String location,
			Instant leaseUntil) {

		boolean answered() {
			return this.status != null;
		}

	}

	/** What a request finds when it arrives. */
	sealed interface Claim {

		/** Nobody ran it (or a crashed run's lease ran out): this request runs it. */
		record Run() implements Claim {
		}

		/** It ran, or runs: answer from this row. */
		record Found(Stored stored) implements Claim {
		}

	}

	Claim claim(Scope scope, String hash) {
		for (int attempt = 0; attempt < 3; attempt++) {
			Optional<Stored> stored = find(scope);
			if (stored.isEmpty()) {
				try {
					insert(scope, hash);
					return new Claim.Run();
				}
				catch (DuplicateKeyException raced) {
					continue;
				}
			}
			Stored row = stored.get();
			if (!row.answered() && row.leaseUntil() != null && row.leaseUntil().isBefore(now())
					&& row.requestHash().equals(hash)) {
				if (takeOver(scope, row.leaseUntil())) {
					return new Claim.Run();
				}
				continue;
			}
			return new Claim.Found(row);
		}
		return find(scope).<Claim>map(Claim.Found::new).orElseGet(Claim.Run::new);
	}

	void answer(Scope scope, int status, String contentType, String body, String location) {
		this.jdbc.sql("""
				update idempotency_key set response_status = :status, response_type = :type, response_body = :body,
				response_location = :location, lease_until = null
				where owner = :owner and scope = :scope and idem_key = :key""")
			.param("status", status)
			.param("type", contentType)
			.param("body", body)
			.param("location", location)
			.param("owner", scope.owner())
			.param("scope", scope.operation())
			.param("key", scope.key())
			.update();
	}

	/**
	 * The request failed on our side (5xx) or was cut: forget it, so a retry runs it
	 * again.
	 */
	void release(Scope scope) {
		this.jdbc.sql("delete from idempotency_key where owner = :owner and scope = :scope and idem_key = :key")
			.param("owner", scope.owner())
			.param("scope", scope.operation())
			.param("key", scope.key())
			.update();
	}

	/** Keeps a running request's lease alive. */
	void renew(Scope scope) {
		this.jdbc.sql("""
				update idempotency_key set lease_until = :until
				where owner = :owner and scope = :scope and idem_key = :key and response_status is null""")
			.param("until", utc(now().plus(LEASE)))
			.param("owner", scope.owner())
			.param("scope", scope.operation())
			.param("key", scope.key())
			.update();
	}

	/** Whole seconds until a lease runs out, at least one (for {@code Retry-After}). */
	long secondsLeft(Instant leaseUntil) {
		Instant until = leaseUntil == null ? now() : leaseUntil;
		return Math.max(1, Duration.between(now(), until).toSeconds() + 1);
	}

	/** Deletes the rows past their retention; answers how many. */
	int purge() {
		return this.jdbc.sql("delete from idempotency_key where created_at < :before")
			.param("before", utc(now().minus(RETENTION)))
			.update();
	}

	private Optional<Stored> find(Scope scope) {
		record Row(Stored stored, Instant createdAt) {
		}
		Optional<Row> row = this.jdbc.sql("""
				select request_hash, response_status, response_type, response_body, response_location, lease_until,
				created_at
				from idempotency_key where owner = :owner and scope = :scope and idem_key = :key""")
			.param("owner", scope.owner())
			.param("scope", scope.operation())
			.param("key", scope.key())
			.query((rs, i) -> {
				OffsetDateTime lease = rs.getObject(6, OffsetDateTime.class);
				return new Row(
						new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4),
								rs.getString(5), lease == null ? null : lease.toInstant()),
						rs.getObject(7, OffsetDateTime.class).toInstant());
			})
			.optional();
		if (row.isPresent() && row.get().createdAt().isBefore(now().minus(RETENTION))) {
			expire(scope);
			return Optional.empty();
		}
		return row.map(Row::stored);
	}

	private void expire(Scope scope) {
		this.jdbc.sql("""
				delete from idempotency_key where owner = :owner and scope = :scope and idem_key = :key
				and created_at < :before""")
			.param("owner", scope.owner())
			.param("scope", scope.operation())
			.param("key", scope.key())
			.param("before", utc(now().minus(RETENTION)))
			.update();
	}

	private void insert(Scope scope, String hash) {
		this.jdbc.sql("""
				insert into idempotency_key (owner, scope, idem_key, request_method, request_path, request_hash,
				created_at, lease_until)
				values (:owner, :scope, :key, :method, :path, :hash, :at, :until)""")
			.param("owner", scope.owner())
			.param("scope", scope.operation())
			.param("key", scope.key())
			.param("method", scope.method())
			.param("path", scope.path().length() <= 500 ? scope.path() : scope.path().substring(0, 500))
			.param("hash", hash)
			.param("at", utc(now()))
			.param("until", utc(now().plus(LEASE)))
			.update();
	}

	private boolean takeOver(Scope scope, Instant expiredLease) {
		return this.jdbc.sql("""
				update idempotency_key set lease_until = :until
				where owner = :owner and scope = :scope and idem_key = :key and response_status is null
				and lease_until = :expired""")
			.param("until", utc(now().plus(LEASE)))
			.param("owner", scope.owner())
			.param("scope", scope.operation())
			.param("key", scope.key())
			.param("expired", utc(expiredLease))
			.update() == 1;
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
