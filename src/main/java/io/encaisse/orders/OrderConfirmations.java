package io.encaisse.orders;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.encaisse.shared.Today;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of order confirmations: a row written with each confirmed order, in its
 * transaction, so that no confirmation is lost and none is mailed for an order that was
 * rolled back. Whoever mails one first takes a lease on it (a node that dies while
 * mailing leaves it to be tried again once the lease ends); a failure is tried again
 * after 2, 4, 8, 16 minutes, then given up.
 */
@Component
public class OrderConfirmations {

	static final int MAX_ATTEMPTS = 5;

	private static final Duration LEASE = Duration.ofMinutes(10);

	private final JdbcTemplate jdbc;

	private final Today today;

	OrderConfirmations(JdbcTemplate jdbc, Today today) {
		this.jdbc = jdbc;
		this.today = today;
	}

	/** One confirmation to mail, in the order's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void queue(String orderId) {
		queueAll(List.<Object[]>of(new Object[] { orderId, Timestamp.from(this.today.instant()) }));
	}

	/** Rows of {order id, due at}. */
	@Transactional(propagation = Propagation.MANDATORY)
	void queueAll(List<Object[]> rows) {
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate("""
					insert into order_confirmation (order_id, status, attempts, next_attempt_at)
					values (?, 'PENDING', 0, ?)""", rows);
		}
	}

	/** The confirmations due now, oldest first. */
	List<String> due(int max) {
		return this.jdbc.queryForList("""
				select order_id from order_confirmation where status = 'PENDING' and next_attempt_at <= ?
				and attempts < ? order by next_attempt_at, order_id fetch first %d rows only""".formatted(max),
				String.class, Timestamp.from(this.today.instant()), MAX_ATTEMPTS);
	}

	/**
	 * Takes a confirmation to mail it; false when it is not due or someone else has it.
	 * Commits at once (its own transaction), so that the lease is seen by every node.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean take(String orderId) {
		Instant now = this.today.instant();
		return this.jdbc.update("""
				update order_confirmation set attempts = attempts + 1, next_attempt_at = ?
				where order_id = ? and status = 'PENDING' and next_attempt_at <= ? and attempts < ?""",
				Timestamp.from(now.plus(LEASE)), orderId, Timestamp.from(now), MAX_ATTEMPTS) == 1;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void sent(String orderId) {
		this.jdbc.update(
				"update order_confirmation set status = 'SENT', sent_at = ?, last_error = null where order_id = ?",
				Timestamp.from(this.today.instant()), orderId);
	}

	/**
	 * Mailing failed: tried again later, unless it cannot succeed ({@code retry} false:
	 * no address) or this was the last attempt.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(String orderId, String error, boolean retry) {
		Integer attempts = this.jdbc.queryForObject("select attempts from order_confirmation where order_id = ?",
				Integer.class, orderId);
		int done = attempts == null ? MAX_ATTEMPTS : attempts;
		String status = !retry ? "SKIPPED" : done >= MAX_ATTEMPTS ? "FAILED" : "PENDING";
		Instant next = this.today.instant().plus(Duration.ofMinutes(1L << Math.min(done, 10)));
		this.jdbc.update("""
				update order_confirmation set status = ?, last_error = ?, next_attempt_at = ? where order_id = ?""",
				status, error == null ? null : error.length() > 500 ? error.substring(0, 500) : error,
				Timestamp.from(next), orderId);
	}

	/**
	 * Where an order's confirmation stands: status, attempts, last error; empty if none.
	 */
	public java.util.Optional<Status> of(String orderId) {
		return this.jdbc
			.query("select status, attempts, last_error, sent_at from order_confirmation where order_id = ?",
					(rs, n) -> new Status(rs.getString(1), rs.getInt(2), rs.getString(3),
							rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()),
					orderId)
			.stream()
			.findFirst();
	}

	public record Status(String status, int attempts, String lastError, Instant sentAt) {
	}

}
