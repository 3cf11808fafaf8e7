package io.encaisse.customers;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers on credit hold: put there by hand with a reason, or by a dunning level's
 * escalation; while on hold, every new order waits ON_HOLD, whatever its channel
 * (accepted quotes included), until someone releases the customer, with a reason. Each
 * hold and release is audited on the customer.
 */
@Service
@Transactional(readOnly = true)
public class CreditHolds {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Customers customers;

	private final AuditTrail audit;

	private final Today today;

	CreditHolds(JdbcClient jdbc, JdbcTemplate batch, Customers customers, AuditTrail audit, Today today) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.customers = customers;
		this.audit = audit;
		this.today = today;
	}

	/** Why, by whom and since when a customer is on hold. */
	public record Hold(String customerId, String reason, String heldBy, Instant heldAt) {
	}

	public Optional<Hold> of(String customerId) {
		return this.jdbc.sql("select reason, held_by, held_at from customer_credit_hold where customer_id = :c")
			.param("c", customerId)
			.query((rs, n) -> new Hold(customerId, rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.optional();
	}

	/** Puts a customer on hold (a hold already there is kept as it was). */
	@Transactional
	public Hold hold(String customerId, String reason) {
		this.customers.get(customerId);
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw new Problem.Invalid("reason", "say why the customer is held (at most 500 characters)");
		}
		holdAll(List.of(customerId), reason.strip());
		return of(customerId).orElseThrow();
	}

	/**
	 * Puts customers on hold for one reason, in the caller's transaction; answers how
	 * many were not held yet.
	 */
	@Transactional
	public int holdAll(Collection<String> customerIds, String reason) {
		// a customer held already keeps its hold, its reason and its history as they are
		java.util.Set<String> already = new java.util.HashSet<>();
		List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(customerIds));
		for (int from = 0; from < ids.size(); from += 1000) {
			already.addAll(this.jdbc.sql("select customer_id from customer_credit_hold where customer_id in (:c)")
				.param("c", ids.subList(from, Math.min(ids.size(), from + 1000)))
				.query(String.class)
				.list());
		}
		List<String> fresh = ids.stream().filter(c -> !already.contains(c)).toList();
		String by = AuditTrail.currentActor();
		java.sql.Timestamp at = java.sql.Timestamp.from(this.today.instant());
		List<Object[]> rows = new ArrayList<>();
		fresh.forEach(c -> rows.add(new Object[] { c, reason, by, at }));
		for (int from = 0; from < rows.size(); from += 1000) {
			this.batch.batchUpdate("""
					insert into customer_credit_hold (customer_id, reason, held_by, held_at) values (?, ?, ?, ?)
					on conflict do nothing""", rows.subList(from, Math.min(rows.size(), from + 1000)));
		}
		this.audit.recordAll(fresh.stream()
			.map(c -> new AuditTrail.Change("customer", c, "credit hold", AuditTrail.changes("reason", reason)))
			.toList());
		return fresh.size();
	}

	/**
	 * Releases a customer from hold, saying why; its next orders go through the usual
	 * controls.
	 */
	@Transactional
	public void release(String customerId, String reason) {
		this.customers.get(customerId);
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw new Problem.Invalid("reason", "say why the customer may order again (at most 500 characters)");
		}
		int released = this.jdbc.sql("delete from customer_credit_hold where customer_id = :c")
			.param("c", customerId)
			.update();
		if (released == 0) {
			throw new Problem.StateConflict("the customer is not on credit hold");
		}
		this.audit.record("customer", customerId, "credit hold released",
				AuditTrail.changes("reason", reason.strip(), "at", this.today.instant().atOffset(ZoneOffset.UTC)));
	}

}
