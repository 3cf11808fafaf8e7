package io.encaisse.shared;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The references a bank statement writes by the ten thousand (payments to their customer,
 * allocations and suggestions to their payment, settlements and lifecycle steps to their
 * invoice, entries to their statement and account) refuse what a foreign key refuses: a
 * reference to a missing row, on insert or on update; deleting a row still referred to;
 * changing its key; truncating its table; an upsert changing it; a delete racing an
 * uncommitted write. Foreign keys on both databases (ADR 0019, superseding ADR 0015's
 * statement triggers on PostgreSQL). Each case runs in a transaction rolled back.
 */
@EncaisseTest
class ReferenceTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Bulk bulk;

	@Autowired
	javax.sql.DataSource dataSource;

	/**
	 * A referencing column, the row it refers to, and a row of its own referring to it.
	 */
	record Reference(String table, String column, String parent, String parentId, String insert) {

		@Override
		public String toString() {
			return this.table + "." + this.column + " → " + this.parent;
		}

	}

	static List<Reference> references() {
		return List.of(new Reference("payment", "customer_id", "customer", "ref-cus", """
				insert into payment (id, customer_id, amount, currency, received_on, status, unallocated,
				  version, created_at) values ('ref-pay2', :ref, 10, 'EUR', date '2026-12-07', 'UNMATCHED', 10,
				  0, current_timestamp)"""), new Reference("payment_allocation", "payment_id", "payment", "ref-pay", """
				insert into payment_allocation (payment_id, line_index, invoice_id, invoice_number, amount)
				values (:ref, 0, 'ref-inv', 'F-REF-1', 10)"""),
				new Reference("payment_suggestion", "payment_id", "payment", "ref-pay", """
						insert into payment_suggestion (payment_id, line_index, invoice_id, invoice_number, amount,
						  confidence, reason) values (:ref, 0, 'ref-inv', 'F-REF-1', 10, 0.5, 'amount')"""),
				new Reference("invoice_payment", "invoice_id", "invoice", "ref-inv", """
						insert into invoice_payment (invoice_id, payment_id, amount, paid_on)
						values (:ref, 'ref-pay', 10, date '2026-12-07')"""),
				new Reference("invoice_lifecycle", "invoice_id", "invoice", "ref-inv", """
						insert into invoice_lifecycle (id, invoice_id, code, set_at, set_by)
						values ('ref-lcy', :ref, '212', current_timestamp, 'test')"""),
				new Reference("bank_entry", "statement_id", "bank_statement", "ref-bst", """
						insert into bank_entry (id, statement_id, bank_account_id, entry_key, amount, currency, credit,
						  status) values ('ref-ben', :ref, 'ref-bac', 'ref-key', 10, 'EUR', true, 'UNMATCHED')"""),
				new Reference("bank_entry", "bank_account_id", "bank_account", "ref-bac", """
						insert into bank_entry (id, statement_id, bank_account_id, entry_key, amount, currency, credit,
						  status) values ('ref-ben', 'ref-bst', :ref, 'ref-key', 10, 'EUR', true, 'UNMATCHED')"""));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("references")
	void aReferenceToAnExistingRowIsKept(Reference r) {
		inRolledBack(db -> {
			db.sql(r.insert()).param("ref", r.parentId()).update();
			assertThat(db.sql("select count(*) from " + r.table() + " where " + r.column() + " = :ref")
				.param("ref", r.parentId())
				.query(Integer.class)
				.single()).isPositive();
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("references")
	void aReferenceToAMissingRowIsRefused(Reference r) {
		refused(db -> db.sql(r.insert()).param("ref", "ref-missing").update());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("references")
	void aReferenceChangedToAMissingRowIsRefused(Reference r) {
		refused(db -> {
			db.sql(r.insert()).param("ref", r.parentId()).update();
			db.sql("update " + r.table() + " set " + r.column() + " = 'ref-missing' where " + r.column() + " = :ref")
				.param("ref", r.parentId())
				.update();
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("references")
	void aRowStillReferredToIsNotDeleted(Reference r) {
		refused(db -> {
			db.sql(r.insert()).param("ref", r.parentId()).update();
			if (r.parent().equals("customer")) {
				// the customer's invoice refers to it through a foreign key of its own
				db.sql("delete from invoice where id = 'ref-inv'").update();
			}
			db.sql("delete from " + r.parent() + " where id = :id").param("id", r.parentId()).update();
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("references")
	void theKeyOfARowReferredToDoesNotChange(Reference r) {
		refused(db -> {
			db.sql(r.insert()).param("ref", r.parentId()).update();
			db.sql("update " + r.parent() + " set id = 'ref-other' where id = :id").param("id", r.parentId()).update();
		});
	}

	@Test
	void manyRowsWrittenAtOnceAreCheckedTogether() {
		inRolledBack(db -> this.bulk.insert("invoice_lifecycle", "id, invoice_id, code, set_at, set_by",
				lifecycleRows("ref-inv")));
		// one row in three thousand refers to no invoice: the whole write is refused
		refused(db -> this.bulk.insert("invoice_lifecycle", "id, invoice_id, code, set_at, set_by",
				lifecycleRows("ref-missing")));
	}

	/** 3,000 lifecycle rows of the test invoice, the last one of the invoice given. */
	private static List<Object[]> lifecycleRows(String lastInvoice) {
		List<Object[]> rows = new ArrayList<>();
		Timestamp at = Timestamp.from(Instant.now());
		for (int i = 0; i < 3000; i++) {
			rows.add(new Object[] { "ref-lcy-" + i, i == 2999 ? lastInvoice : "ref-inv", "212", at, "test" });
		}
		return rows;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("references")
	void aTableReferredToIsNotTruncated(Reference r) throws Exception {
		// PostgreSQL only: a truncate on H2 commits what came before it. On a connection
		// of its own: the pool closes a connection whose statement failed with 0A000
		assumeTrue(this.bulk.postgres(), "PostgreSQL only");
		com.zaxxer.hikari.HikariDataSource pool = this.dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
		try (java.sql.Connection connection = java.sql.DriverManager.getConnection(pool.getJdbcUrl(),
				pool.getUsername(), pool.getPassword())) {
			connection.setAutoCommit(false);
			JdbcClient db = JdbcClient
				.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true));
			parents(db);
			db.sql(r.insert()).param("ref", r.parentId()).update();
			assertThatThrownBy(() -> db.sql("truncate table " + r.parent()).update())
				.hasMessageContaining("cannot truncate a table referenced in a foreign key constraint");
			connection.rollback();
		}
	}

	@Test
	void anUpsertThatChangesAReferenceToAMissingRowIsRefused() {
		assumeTrue(this.bulk.postgres(), "PostgreSQL only");
		refused(db -> {
			db.sql(references().get(3).insert()).param("ref", "ref-inv").update();
			db.sql("""
					insert into invoice_payment (invoice_id, payment_id, amount, paid_on)
					values ('ref-inv', 'ref-pay', 10, date '2026-12-07')
					on conflict (invoice_id, payment_id) do update set invoice_id = 'ref-missing'""").update();
		});
	}

	@Test
	void aRowReferredToIsNotDeletedUnderRepeatableRead() {
		TransactionTemplate repeatable = new TransactionTemplate(this.transactions.getTransactionManager());
		repeatable.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		assertThatThrownBy(() -> repeatable.executeWithoutResult(tx -> {
			tx.setRollbackOnly();
			parents(this.jdbc);
			this.jdbc.sql(references().get(5).insert()).param("ref", "ref-bst").update();
			this.jdbc.sql("delete from bank_statement where id = 'ref-bst'").update();
		})).isInstanceOf(DataIntegrityViolationException.class);
	}

	/**
	 * The race ADR 0015 left open (ADR 0019 closes it): while a statement's entries are
	 * written and not yet committed, the statement they refer to cannot be deleted by
	 * another transaction; the foreign key's lock on the referenced row makes the delete
	 * wait (here: give up after a second) instead of leaving orphans behind.
	 */
	@Test
	void aRowReferredToByAnUncommittedWriteIsNotDeletedMeanwhile() throws Exception {
		assumeTrue(this.bulk.postgres(), "PostgreSQL only: H2 locks the whole table");
		this.jdbc.sql("""
				insert into bank_account (id, name, iban, currency, created_at)
				values ('race-bac', 'Race test', 'XX00REFERENCETESTSRACE000001', 'EUR', current_timestamp)""").update();
		this.jdbc.sql("""
				insert into bank_statement (id, file_hash, imported_by, imported_at, format)
				values ('race-bst', 'race-hash', 'test', current_timestamp, 'CAMT053')""").update();
		java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService importer = java.util.concurrent.Executors.newSingleThreadExecutor();
		try {
			var importing = importer.submit(() -> this.transactions.executeWithoutResult(tx -> {
				tx.setRollbackOnly();
				this.jdbc
					.sql("""
							insert into bank_entry (id, statement_id, bank_account_id, entry_key, amount, currency, credit,
							  status) values ('race-ben', 'race-bst', 'race-bac', 'race-key', 10, 'EUR', true, 'UNMATCHED')""")
					.update();
				written.countDown();
				try {
					done.await(30, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(written.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			assertThatThrownBy(() -> this.transactions.executeWithoutResult(tx -> {
				this.jdbc.sql("set local lock_timeout = '1s'").update();
				this.jdbc.sql("delete from bank_statement where id = 'race-bst'").update();
			})).hasMessageContaining("lock timeout");
			done.countDown();
			importing.get(30, java.util.concurrent.TimeUnit.SECONDS);
		}
		finally {
			done.countDown();
			importer.shutdown();
			this.jdbc.sql("delete from bank_statement where id = 'race-bst'").update();
			this.jdbc.sql("delete from bank_account where id = 'race-bac'").update();
		}
	}

	private void refused(Consumer<JdbcClient> action) {
		assertThatThrownBy(() -> inRolledBack(action)).isInstanceOf(DataIntegrityViolationException.class)
			.satisfies(ex -> {
				if (this.bulk.postgres()) {
					Throwable cause = ex;
					while (cause != null && !(cause instanceof SQLException)) {
						cause = cause.getCause();
					}
					assertThat(cause).isInstanceOf(SQLException.class);
					assertThat(((SQLException) cause).getSQLState()).isEqualTo("23503");
				}
			});
		assertThat(this.jdbc.sql("select count(*) from customer where id = 'ref-cus'").query(Integer.class).single())
			.isZero();
	}

	private void inRolledBack(Consumer<JdbcClient> action) {
		this.transactions.executeWithoutResult(tx -> {
			tx.setRollbackOnly();
			parents(this.jdbc);
			action.accept(this.jdbc);
		});
	}

	private static void parents(JdbcClient db) {
		db.sql("""
				insert into customer (id, name, language, created_at, billing_country, payment_terms_days, currency,
				  version) values ('ref-cus', 'Reference Test SARL', 'fr', current_timestamp, 'FR', 30, 'EUR', 0)""")
			.update();
		db.sql("""
				insert into invoice (id, kind, status, customer_id, customer_name, currency, total_net, total_tax, total,
				  amount_paid, amount_credited, payment_terms_days, version, created_at)
				values ('ref-inv', 'INVOICE', 'ISSUED', 'ref-cus', 'Reference Test SARL', 'EUR', 10, 0, 10, 0, 0, 30, 0,
				  current_timestamp)""")
			.update();
		db.sql("""
				insert into payment (id, customer_id, amount, currency, received_on, status, unallocated, version,
				  created_at) values ('ref-pay', 'ref-cus', 10, 'EUR', date '2026-12-07', 'UNMATCHED', 10, 0,
				  current_timestamp)""").update();
		db.sql("""
				insert into bank_account (id, name, iban, currency, created_at)
				values ('ref-bac', 'Reference test', 'XX00REFERENCETESTS0000000001', 'EUR', current_timestamp)""")
			.update();
		db.sql("""
				insert into bank_statement (id, file_hash, imported_by, imported_at, format)
				values ('ref-bst', 'ref-hash', 'test', current_timestamp, 'CAMT053')""").update();
	}

}
