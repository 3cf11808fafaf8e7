package io.encaisse.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The number of rows of every table of the application, to show that a refused request
 * wrote nothing. The scheduler's, the event registry's, Flyway's and the idempotency
 * tables change without a business write and are left out.
 */
public final class RowCounts {

	private static final Set<String> NOT_BUSINESS = Set.of("scheduled_tasks", "event_publication",
			"event_publication_archive", "flyway_schema_history", "idempotency_key");

	private final JdbcClient jdbc;

	private final String sql;

	public RowCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
		List<String> tables = jdbc.sql("""
				select table_name from information_schema.tables
				where table_schema = current_schema() and table_type in ('BASE TABLE', 'TABLE')""")
			.query(String.class)
			.list()
			.stream()
			.map(String::toLowerCase)
			.filter(t -> !NOT_BUSINESS.contains(t))
			.sorted()
			.toList();
		this.sql = tables.stream()
			.map(t -> "select '" + t + "' as t, count(*) as n from " + t)
			.collect(Collectors.joining(" union all "));
	}

	public Map<String, Long> now() {
		Map<String, Long> counts = new TreeMap<>();
		this.jdbc.sql(this.sql).query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
		return counts;
	}

	/** The tables whose counts differ, with before → after. */
	public static Map<String, String> changed(Map<String, Long> before, Map<String, Long> after) {
		Map<String, String> diff = new LinkedHashMap<>();
		after.forEach((table, n) -> {
			long was = before.getOrDefault(table, 0L);
			if (was != n) {
				diff.put(table, was + " -> " + n);
			}
		});
		return diff;
	}

}
