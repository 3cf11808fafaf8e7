package io.encaisse.shared;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Many rows written at once come back as written, whatever their text holds (tabs, line
 * breaks, backslashes, accents, nulls), on PostgreSQL through COPY as on H2 in batches;
 * one bad row writes nothing.
 */
@EncaisseTest
class BulkTests {

	@Autowired
	Bulk bulk;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void valuesInCopyTextFormat() {
		assertThat(Bulk.text(null)).isEqualTo("\\N");
		assertThat(Bulk.text("a\tb\nc\rd\\e")).isEqualTo("a\\tb\\nc\\rd\\\\e");
		assertThat(Bulk.text("\\N")).isEqualTo("\\\\N");
		assertThat(Bulk.text(new BigDecimal("1E+3"))).isEqualTo("1000");
		assertThat(Bulk.text(new BigDecimal("12.50"))).isEqualTo("12.50");
		assertThat(Bulk.text(true)).isEqualTo("t");
		assertThat(Bulk.text(7L)).isEqualTo("7");
		assertThat(Bulk.text(LocalDate.of(2026, 12, 6))).isEqualTo("2026-12-06");
		assertThat(Bulk.text(java.sql.Date.valueOf(LocalDate.of(2026, 1, 2)))).isEqualTo("2026-01-02");
		assertThat(Bulk.text(Timestamp.from(Instant.parse("2026-12-06T04:40:39.525Z"))))
			.isEqualTo("2026-12-06T04:40:39.525Z");
	}

	@Test
	void rowsComeBackAsWritten() {
		this.jdbc.sql("""
				create table if not exists bulk_probe (id varchar(40) primary key, batch varchar(40) not null,
				  text varchar(200), amount numeric(19, 4), yes boolean, on_day date,
				  at timestamp with time zone, count bigint)""").update();
		String batch = Ids.next("blk");
		Instant at = Instant.parse("2026-12-06T10:15:30.123456Z");
		String[] texts = { "plain", "tab\there", "two\nlines", "carriage\r\nreturn", "back\\slash \\N not null",
				"accents: é è ç — €, 日本", "", null };
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < 2500; i++) {
			boolean nulls = i % 9 == 8;
			rows.add(new Object[] { batch + "-" + String.format("%05d", i), batch, texts[i % texts.length],
					nulls ? null : new BigDecimal(i).movePointLeft(2), nulls ? null : i % 2 == 0,
					nulls ? null : LocalDate.of(2026, 1, 1).plusDays(i), nulls ? null : Timestamp.from(at),
					nulls ? null : (long) i });
		}
		this.transactions.executeWithoutResult(
				tx -> this.bulk.insert("bulk_probe", "id, batch, text, amount, yes, on_day, at, count", rows));

		List<Object[]> back = this.jdbc
			.sql("select text, amount, yes, on_day, at, count from bulk_probe where batch = :b order by id")
			.param("b", batch)
			.query((rs,
					n) -> new Object[] { rs.getString(1), rs.getBigDecimal(2), rs.getObject(3, Boolean.class),
							rs.getObject(4, LocalDate.class), rs.getObject(5, java.time.OffsetDateTime.class),
							rs.getObject(6, Long.class) })
			.list();
		assertThat(back).hasSize(2500);
		for (int i = 0; i < 2500; i++) {
			Object[] row = back.get(i);
			boolean nulls = i % 9 == 8;
			assertThat(row[0]).as("text of row %d", i).isEqualTo(texts[i % texts.length]);
			if (nulls) {
				assertThat(row).as("row %d", i).containsOnly(row[0], null);
				continue;
			}
			assertThat((BigDecimal) row[1]).isEqualByComparingTo(new BigDecimal(i).movePointLeft(2));
			assertThat(row[2]).isEqualTo(i % 2 == 0);
			assertThat(row[3]).isEqualTo(LocalDate.of(2026, 1, 1).plusDays(i));
			assertThat(((java.time.OffsetDateTime) row[4]).toInstant()).isEqualTo(at);
			assertThat(row[5]).isEqualTo((long) i);
		}
	}

	@Test
	void oneBadRowWritesNothing() {
		String document = Ids.next("blk");
		List<Object[]> rows = new ArrayList<>();
		Timestamp at = Timestamp.from(Instant.now());
		for (int i = 0; i < 1500; i++) {
			rows.add(new Object[] { document + "-" + i, "TEST", document, "bulk", "system", at, "x" });
		}
		// the same id again: the primary key refuses it
		rows.add(new Object[] { document + "-7", "TEST", document, "bulk", "system", at, "x" });
		assertThatThrownBy(() -> this.transactions.executeWithoutResult(tx -> this.bulk.insert("audit_event",
				"id, document_type, document_id, action, actor, occurred_at, changes", rows)))
			.isInstanceOf(DataAccessException.class);
		assertThat(this.jdbc.sql("select count(*) from audit_event where document_id = :d")
			.param("d", document)
			.query(Integer.class)
			.single()).isZero();
	}

}
