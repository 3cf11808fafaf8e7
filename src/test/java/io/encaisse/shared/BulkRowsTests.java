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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows written in bulk (COPY on PostgreSQL, batched INSERTs on H2) come back exactly:
 * quotes, commas, line breaks, accents, empty strings and nulls, decimals, dates,
 * instants, booleans; and they belong to the transaction (rolled back with it).
 */
@EncaisseTest
class BulkRowsTests {

	@Autowired
	BulkRows bulk;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void whatIsWrittenInBulkIsReadBackExactlyAndRollsBackWithItsTransaction() {
		this.jdbc.execute(
				"""
						create table if not exists bulk_probe (id varchar(20) primary key, label varchar(200), amount numeric(19, 4),
						  the_day date, at timestamp with time zone, flag boolean, n integer)""");
		this.jdbc.update("delete from bulk_probe");
		Instant at = Instant.parse("2026-11-23T18:30:15.123Z");
		List<Object[]> rows = new ArrayList<>();
		rows.add(new Object[] { "a", "Société \"Générale\", Paris\nligne 2", new BigDecimal("1234.5600"),
				LocalDate.of(2026, 2, 28), Timestamp.from(at), true, 7 });
		rows.add(new Object[] { "b", "", BigDecimal.ZERO, null, null, false, null });
		rows.add(new Object[] { "c", null, new BigDecimal("-0.01"), LocalDate.of(2026, 12, 31), Timestamp.from(at),
				null, -1 });
		for (int i = 0; i < 2500; i++) {
			rows.add(new Object[] { "r" + i, "ligne " + i, BigDecimal.valueOf(i, 2), null, null, null, i });
		}
		this.transactions.executeWithoutResult(
				s -> this.bulk.insert("bulk_probe", List.of("id", "label", "amount", "the_day", "at", "flag", "n"), rows));
		assertThat(this.jdbc.queryForObject("select count(*) from bulk_probe", Integer.class)).isEqualTo(2503);
		var a = this.jdbc.queryForMap("select * from bulk_probe where id = 'a'");
		assertThat(a.get("label")).isEqualTo("Société \"Générale\", Paris\nligne 2");
		assertThat((BigDecimal) a.get("amount")).isEqualByComparingTo("1234.56");
		assertThat(this.jdbc.queryForObject("select the_day from bulk_probe where id = 'a'", LocalDate.class))
			.isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(this.jdbc.queryForObject("select at from bulk_probe where id = 'a'", Timestamp.class).toInstant())
			.isEqualTo(at);
		assertThat(this.jdbc.queryForObject("select flag from bulk_probe where id = 'a'", Boolean.class)).isTrue();
		var b = this.jdbc.queryForMap("select * from bulk_probe where id = 'b'");
		assertThat(b.get("label")).isEqualTo("");
		assertThat(b.get("the_day")).isNull();
		assertThat(b.get("n")).isNull();
		assertThat(this.jdbc.queryForMap("select * from bulk_probe where id = 'c'").get("label")).isNull();

		// in a transaction that fails, nothing stays
		try {
			this.transactions.executeWithoutResult(s -> {
				this.bulk.insert("bulk_probe", List.of("id", "label"), List.<Object[]>of(new Object[] { "z", "x" }));
				throw new IllegalStateException("rolled back");
			});
		}
		catch (IllegalStateException expected) {
			// the point
		}
		assertThat(this.jdbc.queryForObject("select count(*) from bulk_probe where id = 'z'", Integer.class)).isZero();
		this.jdbc.execute("drop table bulk_probe");
	}

}
