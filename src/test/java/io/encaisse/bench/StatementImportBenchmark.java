package io.encaisse.bench;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.encaisse.EncaisseApplication;
import io.encaisse.invoicing.Receivables.Payable;
import io.encaisse.invoicing.ReceivablesImport;
import io.encaisse.payments.BankStatements;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application's whole import path, on the database it is given: the generator's open
 * invoices loaded through the receivables import, then its statement imported through
 * {@link BankStatements#importFile} (parse, match, payments, allocations, entries, audit,
 * all in one transaction). Run with
 * {@code bench/statement-import.sh [invoices] [entries]}.
 */
public final class StatementImportBenchmark {

	private StatementImportBenchmark() {
	}

	private static int loadDirectly(org.springframework.jdbc.core.JdbcTemplate jdbc, MatchingData data) {
		java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
		java.util.List<Object[]> customers = new java.util.ArrayList<>();
		for (int c = 0; c < data.customerIds.size(); c++) {
			customers.add(new Object[] { "bench-" + data.customerIds.get(c), data.customerNames.get(c),
					data.customerIbans.get(c), now });
		}
		batch(jdbc,
				"""
						insert into customer (id, name, iban, billing_country, payment_terms_days, currency, language, version, created_at)
						values (?, ?, ?, 'FR', 30, 'EUR', 'fr', 0, ?)""",
				customers);
		java.util.List<Object[]> rows = new java.util.ArrayList<>();
		for (Payable p : data.invoices) {
			int c = Integer.parseInt(p.customerId().substring(3));
			rows.add(new Object[] { "bench-" + p.number(), p.number(), "bench-" + p.customerId(),
					data.customerNames.get(c), java.sql.Date.valueOf(p.dueDate().minusDays(30)),
					java.sql.Date.valueOf(p.dueDate()), p.amountDue().amount(), p.amountDue().amount(),
					io.encaisse.shared.CreditorReference.of(p.number()).value(), now, "import:" + p.number() });
		}
		batch(jdbc,
				"""
						insert into invoice (id, kind, number, status, customer_id, customer_name, issue_date, due_date, currency,
						  total_net, total_tax, total, amount_paid, amount_credited, payment_reference, payment_terms_days, version,
						  created_at, origin, source_ref)
						values (?, 'INVOICE', ?, 'ISSUED', ?, ?, ?, ?, 'EUR', ?, 0, ?, 0, 0, ?, 30, 0, ?, 'IMPORTED', ?)""",
				rows);
		return rows.size();
	}

	private static void batch(org.springframework.jdbc.core.JdbcTemplate jdbc, String sql,
			java.util.List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += 5000) {
			jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 5000)));
		}
	}

	public static void main(String[] args) throws Exception {
		int invoices = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
		int entryCount = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
		MatchingData data = new MatchingData(42, invoices, entryCount, new MemoryLedger());
		StringBuilder csv = new StringBuilder(
				"number,customer,customer_name,customer_iban,issue_date,due_date,currency,amount\n");
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (Payable p : data.invoices) {
			int c = Integer.parseInt(p.customerId().substring(3));
			boolean first = seen.add(p.customerId());
			String iban = data.customerIbans.get(c);
			csv.append(p.number())
				.append(',')
				.append(p.customerId())
				.append(',')
				.append(first ? '"' + data.customerNames.get(c) + '"' : "")
				.append(',')
				.append(first && iban != null ? iban : "")
				.append(',')
				.append(p.dueDate().minusDays(30))
				.append(',')
				.append(p.dueDate())
				.append(",EUR,")
				.append(p.amountDue().amount().toPlainString())
				.append('\n');
		}
		Path file = Path.of("target", "bench", "camt053-app-" + entryCount + ".xml");
		Files.createDirectories(file.getParent());
		MatchingBenchmark.write(file, data.entries);
		byte[] statement = Files.readAllBytes(file);

		try (ConfigurableApplicationContext app = SpringApplication.run(EncaisseApplication.class, "--server.port=0",
				"--encaisse.demo-data=false", "--encaisse.einvoicing.connector=none",
				"--encaisse.einvoicing.submit-interval=PT10H", "--encaisse.invoicing.mail-interval=PT10H",
				"--encaisse.mail.interval=PT10H", "--logging.level.root=WARN",
				"--logging.level.io.encaisse.payments.StatementImport=DEBUG",
				"--logging.level.io.encaisse.payments.StatementLedger=DEBUG",
				"--logging.level.io.encaisse.invoicing.Invoicing=DEBUG")) {
			long t0 = System.nanoTime();
			int loadedCount;
			if (invoices <= 20_000) {
				loadedCount = app.getBean(ReceivablesImport.class)
					.importCsv(new StringReader(csv.toString()), false)
					.imported();
			}
			else {
				// set-up only: a million invoices through the receivables import would
				// take
				// half an hour; rows written straight in, as that import would write them
				loadedCount = loadDirectly(app.getBean(org.springframework.jdbc.core.JdbcTemplate.class), data);
				// statistics refreshed, as the receivables import does after a large file
				app.getBean(io.encaisse.shared.Bulk.class).analyze("invoice", "customer");
			}
			long t1 = System.nanoTime();
			BankStatements statements = app.getBean(BankStatements.class);
			if (statements.accounts().stream().noneMatch(a -> a.iban().equals("FR7630006000011234567890189"))) {
				statements.addAccount("Bench", "FR7630006000011234567890189", "EUR", null);
			}
			org.springframework.jdbc.core.JdbcTemplate jdbc = app
				.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
			boolean checkpointed = false;
			if (!"false".equals(System.getenv("BENCH_CHECKPOINT"))) {
				// the set-up's pages written out before the import, as they would be for
				// invoices issued over months (bench_database grants pg_checkpointer)
				try {
					jdbc.execute("checkpoint");
					checkpointed = true;
				}
				catch (org.springframework.dao.DataAccessException ex) {
					System.out.println("no checkpoint after the set-up: " + ex.getMostSpecificCause().getMessage());
				}
			}
			// what the import itself holds: the generator's data let go
			data = null;
			csv = null;
			BenchMemory.resetPeaks();
			long heapBefore = BenchMemory.usedHeap();
			long jvmCpu0 = jvmCpu();
			long pgCpu0 = postgresCpu();
			long t2 = System.nanoTime();
			BankStatements.Summary summary = statements.importFile(statement, BankStatements.Format.CAMT);
			long t3 = System.nanoTime();
			long jvmCpu = jvmCpu() - jvmCpu0;
			long pgCpu = postgresCpu() - pgCpu0;
			System.out.printf(Locale.ROOT, "loaded %d open invoices in %.1f s (%.0f/s)%s%n", loadedCount,
					(t1 - t0) / 1e9, loadedCount / ((t1 - t0) / 1e9), checkpointed ? ", then a checkpoint" : "");
			System.out.printf(Locale.ROOT,
					"imported a %d-entry statement in %.1f s = %.0f entries/s: %d matched, %d suggested, %d unmatched, %d ignored, %d already imported%n",
					entryCount, (t3 - t2) / 1e9, entryCount / ((t3 - t2) / 1e9), summary.matched(), summary.suggested(),
					summary.unmatched(), summary.ignored(), summary.alreadyImported());
			System.out.printf(Locale.ROOT,
					"cpu during the import: JVM %.1f s, PostgreSQL %s; heap before %d MB, peak %d MB, max %d MB%n",
					jvmCpu / 1e9, pgCpu < 0 ? "not readable" : String.format(Locale.ROOT, "%.1f s", pgCpu / 1e9),
					heapBefore >> 20, BenchMemory.peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
		}
	}

	private static long jvmCpu() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/**
	 * CPU time of this machine's PostgreSQL processes (backends, WAL writer,
	 * checkpointer), in nanoseconds, from /proc; -1 where it cannot be read.
	 */
	private static long postgresCpu() {
		long ticks = 0;
		try (var dirs = Files.list(Path.of("/proc"))) {
			for (Path dir : (Iterable<Path>) dirs::iterator) {
				if (!dir.getFileName().toString().chars().allMatch(Character::isDigit)) {
					continue;
				}
				try {
					String stat = Files.readString(dir.resolve("stat"));
					int close = stat.lastIndexOf(')');
					if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
						continue;
					}
					String[] fields = stat.substring(close + 2).split(" ");
					ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				}
				catch (java.io.IOException | RuntimeException ex) {
					// gone meanwhile
				}
			}
		}
		catch (java.io.IOException ex) {
			return -1;
		}
		return ticks * 10_000_000L;
	}

}
