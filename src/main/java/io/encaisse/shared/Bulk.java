package io.encaisse.shared;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Many rows written at once, in the caller's transaction: on PostgreSQL through
 * {@code COPY ... FROM STDIN} (a statement's hundred thousand payments, allocations,
 * entries and audit lines cost a fraction of what as many inserts do, in the database and
 * in the driver), elsewhere (H2) in batches of inserts. A row that breaks a constraint
 * fails the whole call either way, and with it the transaction. See ADR 0014.
 */
@Component
public class Bulk {

	private static final int BATCH = 1000;

	private static final int BUFFER = 1 << 16;

	private final JdbcTemplate jdbc;

	private volatile Boolean postgres;

	public Bulk(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the database is PostgreSQL (else H2, the embedded default). */
	public boolean postgres() {
		Boolean is = this.postgres;
		if (is == null) {
			is = this.jdbc.execute((ConnectionCallback<Boolean>) con -> con.isWrapperFor(PGConnection.class));
			this.postgres = is;
		}
		return is;
	}

	/**
	 * Refreshes the planner's statistics of these tables after a large load, on
	 * PostgreSQL (H2 has none to refresh): autovacuum would within a minute or so, and
	 * meanwhile a query planned on an empty table's statistics reads the whole table
	 * where an index would answer (a statement imported right after a million receivables
	 * read its payers' open invoices three times slower). Runs in the caller's
	 * transaction.
	 */
	public void analyze(String... tables) {
		if (postgres()) {
			for (String table : tables) {
				this.jdbc.execute("analyze " + table);
			}
		}
	}

	/**
	 * Inserts the rows into {@code table}: {@code columns} lists its columns as SQL does
	 * ({@code "id, amount, created_at"}), each row holds their values in that order:
	 * strings, numbers, booleans, dates, timestamps, instants, enums, or null.
	 */
	public void insert(String table, String columns, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		if (!postgres()) {
			int count = columns.split(",").length;
			String sql = "insert into " + table + " (" + columns + ") values ("
					+ String.join(", ", Collections.nCopies(count, "?")) + ")";
			for (int from = 0; from < rows.size(); from += BATCH) {
				this.jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
			}
			return;
		}
		this.jdbc.execute((ConnectionCallback<Void>) con -> {
			copy(con, "copy " + table + " (" + columns + ") from stdin", rows);
			return null;
		});
	}

	private static void copy(Connection con, String sql, List<Object[]> rows) throws SQLException {
		CopyIn in = con.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
		try {
			StringBuilder text = new StringBuilder(BUFFER + 4096);
			for (Object[] row : rows) {
				for (int i = 0; i < row.length; i++) {
					if (i > 0) {
						text.append('\t');
					}
					append(text, row[i]);
				}
				text.append('\n');
				if (text.length() >= BUFFER) {
					write(in, text);
				}
			}
			write(in, text);
			in.endCopy();
		}
		finally {
			if (in.isActive()) {
				in.cancelCopy();
			}
		}
	}

	private static void write(CopyIn in, StringBuilder text) throws SQLException {
		if (!text.isEmpty()) {
			byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
			in.writeToCopy(bytes, 0, bytes.length);
			text.setLength(0);
		}
	}

	/** One value in COPY's text format. */
	static void append(StringBuilder text, Object value) {
		switch (value) {
			case null -> text.append("\\N");
			case String s -> escape(text, s);
			case CharSequence s -> escape(text, s.toString());
			case BigDecimal d -> text.append(d.toPlainString());
			case Integer n -> text.append(n.intValue());
			case Long n -> text.append(n.longValue());
			case Short n -> text.append(n.shortValue());
			case Boolean b -> text.append(b ? 't' : 'f');
			case java.sql.Timestamp t -> text.append(t.toInstant());
			case java.sql.Date d -> text.append(d.toLocalDate());
			case Instant t -> text.append(t);
			case OffsetDateTime t -> text.append(t);
			case LocalDate d -> text.append(d);
			case Enum<?> e -> escape(text, e.name());
			default -> throw new IllegalArgumentException(
					"no COPY text for a " + value.getClass().getName() + " (" + value + ")");
		}
	}

	private static void escape(StringBuilder text, String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '\\' -> text.append("\\\\");
				case '\t' -> text.append("\\t");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				default -> text.append(c);
			}
		}
	}

	/** For tests: what a value becomes in COPY's text format. */
	static String text(Object value) {
		StringBuilder text = new StringBuilder();
		append(text, value);
		return text.toString();
	}

}
