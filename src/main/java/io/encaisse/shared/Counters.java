package io.encaisse.shared;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gapless counters: one row per series, incremented in the caller's transaction. The row
 * stays locked until that transaction ends, so concurrent callers (on any number of
 * nodes) queue; a rollback gives the number back. Never a database sequence or
 * {@code max()+1}: both leave gaps or duplicates.
 */
@Component
public class Counters {

	private final JdbcClient jdbc;

	public Counters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public long next(String series) {
		return next(series, 1);
	}

	/**
	 * Takes {@code count} consecutive values at once; answers the last of them (the first
	 * is {@code last - count + 1}).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long next(String series, int count) {
		if (count < 1) {
			throw new IllegalArgumentException("count must be at least 1");
		}
		int updated = increment(series, count);
		if (updated == 0) {
			// a concurrent first use of the series may insert too: whoever loses waits on
			// the row lock
			this.jdbc.sql("insert into document_counter (series, last_value) values (:s, 0) on conflict do nothing")
				.param("s", series)
				.update();
			increment(series, count);
		}
		return this.jdbc.sql("select last_value from document_counter where series = :s")
			.param("s", series)
			.query(Long.class)
			.single();
	}

	private int increment(String series, int count) {
		return this.jdbc.sql("update document_counter set last_value = last_value + :n where series = :s")
			.param("n", count)
			.param("s", series)
			.update();
	}

}
