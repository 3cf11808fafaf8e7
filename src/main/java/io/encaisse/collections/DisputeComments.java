package io.encaisse.collections;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversation of a dispute: comments by staff and by the customer (from their
 * account page), in the order written, never changed.
 */
@Service
@Transactional(readOnly = true)
public class DisputeComments {

	private final JdbcClient jdbc;

	private final Disputes disputes;

	private final AuditTrail audit;

	private final Today today;

	DisputeComments(JdbcClient jdbc, Disputes disputes, AuditTrail audit, Today today) {
		this.jdbc = jdbc;
		this.disputes = disputes;
		this.audit = audit;
		this.today = today;
	}

	public record Comment(String id, String disputeId, String body, String writtenBy, Instant writtenAt) {
	}

	public record Input(String body) {
	}

	@Transactional
	public Comment add(String disputeId, Input input) {
		Disputes.Dispute dispute = this.disputes.get(disputeId);
		String body = input == null || input.body() == null ? "" : input.body().strip();
		if (body.isEmpty() || body.length() > 2000) {
			throw new Problem.Invalid("body", "is required (at most 2000 characters)");
		}
		if (dispute.status() != Disputes.Status.OPEN) {
			throw new Problem.StateConflict("the dispute is " + dispute.status() + ": it takes no more comments");
		}
		String id = Ids.next("dcm");
		this.jdbc.sql("""
				insert into dispute_comment (id, dispute_id, body, written_by, written_at)
				values (:id, :d, :b, :by, :at)""")
			.param("id", id)
			.param("d", disputeId)
			.param("b", body)
			.param("by", AuditTrail.currentActor())
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.update();
		this.audit.record(Disputes.DOCUMENT, disputeId, "commented", AuditTrail.changes("comment", id));
		return of(disputeId).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
	}

	/** A dispute's comments, oldest first. */
	public List<Comment> of(String disputeId) {
		return ofAll(List.of(disputeId)).getOrDefault(disputeId, List.of());
	}

	/** The comments of several disputes at once, by dispute. */
	public Map<String, List<Comment>> ofAll(List<String> disputeIds) {
		Map<String, List<Comment>> all = new HashMap<>();
		if (disputeIds.isEmpty()) {
			return all;
		}
		this.jdbc.sql("""
				select id, dispute_id, body, written_by, written_at from dispute_comment
				where dispute_id in (:d) order by written_at, id""")
			.param("d", disputeIds)
			.query((rs, n) -> all.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
				.add(new Comment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getTimestamp(5).toInstant())))
			.list();
		return all;
	}

}
