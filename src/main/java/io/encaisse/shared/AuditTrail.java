package io.encaisse.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who changed which business document, when, and what changed. Every module records its
 * changes here in the transaction of the change; document pages show
 * {@link #of(String, String)}.
 */
@Component
public class AuditTrail {

	private final JdbcClient jdbc;

	private final Today today;

	private final Bulk bulk;

	public AuditTrail(JdbcClient jdbc, Today today, Bulk bulk) {
		this.bulk = bulk;
		this.jdbc = jdbc;
		this.today = today;
	}

	public record Entry(Instant at, String actor, String action, String changes) {

		public OffsetDateTime atUtc() {
			return this.at.atOffset(ZoneOffset.UTC);
		}

	}

	/**
	 * Records one change. {@code changes} maps a field to its new value (or "old → new").
	 */
	public void record(String documentType, String documentId, String action, Map<String, ?> changes) {
		String text = changes.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining("; "));
		text = text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
		this.jdbc.sql("""
				insert into audit_event (id, document_type, document_id, action, actor, actor_id, occurred_at, changes)
				values (:id, :type, :docId, :action, :actor, :actorId, :at, :changes)""")
			.param("id", Ids.next("aud"))
			.param("type", documentType)
			.param("docId", documentId)
			.param("action", action)
			.param("actor", currentActor())
			.param("actorId", currentActorId())
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.param("changes", text)
			.update();
	}

	/** One change among many recorded at once. */
	public record Change(String documentType, String documentId, String action, Map<String, ?> changes) {
	}

	/** Records many changes in batches (a statement's thousands of payments). */
	public void recordAll(List<Change> changes) {
		String actor = currentActor();
		String actorId = currentActorId();
		java.sql.Timestamp at = java.sql.Timestamp.from(this.today.instant());
		List<Object[]> rows = new java.util.ArrayList<>(changes.size());
		for (Change c : changes) {
			String text = c.changes()
				.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; "));
			rows.add(new Object[] { Ids.next("aud"), c.documentType(), c.documentId(), c.action(), actor, actorId, at,
					text.length() <= 4000 ? text : text.substring(0, 3999) + "…" });
		}
		this.bulk.insert("audit_event", "id, document_type, document_id, action, actor, actor_id, occurred_at, changes",
				rows);
	}

	public void record(String documentType, String documentId, String action) {
		record(documentType, documentId, action, Map.of());
	}

	public List<Entry> of(String documentType, String documentId) {
		return this.jdbc.sql("""
				select occurred_at, actor, action, changes from audit_event
				where document_type = :type and document_id = :id order by id""")
			.param("type", documentType)
			.param("id", documentId)
			.query((rs, i) -> new Entry(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
					rs.getString(3), rs.getString(4)))
			.list();
	}

	/**
	 * {@code user:alice}, {@code key:CRM sync} or {@code system} for work nobody
	 * triggered.
	 */
	public static String currentActor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
			return "system";
		}
		// an API key's actor is "key:" and a name of up to 200 characters: every column
		// that keeps who did something holds 100
		String name = auth.getName();
		return name.length() <= 100 ? name : name.substring(0, 99) + "…";
	}

	/**
	 * The caller's unique id: {@code key:<key id>} for an API key (whose names may
	 * repeat), {@code user:<username>} for a person, {@code system} for work nobody
	 * triggered.
	 */
	public static String currentActorId() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
			return "system";
		}
		if (auth.getPrincipal() instanceof ActingPrincipal acting) {
			return acting.actorId();
		}
		String id = "user:" + auth.getName();
		return id.length() <= 100 ? id : id.substring(0, 100);
	}

	/** Convenience for building ordered change maps. */
	public static Map<String, Object> changes(Object... keyValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i + 1 < keyValues.length; i += 2) {
			map.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
		}
		return map;
	}

}
