package io.encaisse.bench;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.encaisse.EncaisseApplication;
import io.encaisse.invoicing.InvoiceRuns;
import io.encaisse.invoicing.Invoicing;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 5's targets on the database it is given: a billing run issuing N drafts of five
 * lines each (the application's path: a run, its db-scheduler task, chunks of 250 issued
 * in batches, audit, mail outbox, events), then M Factur-X PDFs rendered on two threads.
 * The drafts are written straight into the tables (set-up, not measured). Run with
 * {@code bench/invoicing.sh [invoices] [pdfs]}.
 */
public final class InvoicingBenchmark {

	private InvoicingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int invoices = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int pdfs = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
		try (ConfigurableApplicationContext app = SpringApplication.run(EncaisseApplication.class, "--server.port=0",
				"--encaisse.demo-data=false", "--encaisse.einvoicing.connector=none",
				"--encaisse.einvoicing.submit-interval=PT10H", "--encaisse.invoicing.mail-interval=PT10H",
				"--encaisse.mail.interval=PT10H", "--logging.level.root=WARN")) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			String tag = Long.toString(System.currentTimeMillis(), 36);
			long s0 = System.nanoTime();
			List<String> drafts = drafts(jdbc, tag, invoices);
			long s1 = System.nanoTime();
			System.out.printf(Locale.ROOT, "set-up: %d drafts of 5 lines written in %.1f s%n", drafts.size(),
					(s1 - s0) / 1e9);

			InvoiceRuns runs = app.getBean(InvoiceRuns.class);
			long t0 = System.nanoTime();
			InvoiceRuns.Run run = runs.start(InvoiceRuns.Kind.ISSUE, drafts);
			while (!"DONE".equals(run.status())) {
				Thread.sleep(200);
				run = runs.get(run.id());
			}
			long t1 = System.nanoTime();
			System.out.printf(Locale.ROOT, "billing run: %d issued, %d refused in %.1f s = %.0f invoices/s%n",
					run.done(), run.failed(), (t1 - t0) / 1e9, run.done() / ((t1 - t0) / 1e9));

			if (pdfs == 0) {
				return;
			}
			Invoicing invoicing = app.getBean(Invoicing.class);
			List<String> sample = drafts.subList(0, Math.min(pdfs, drafts.size()));
			// warm-up: fonts, schema, the PDF/A machinery
			for (int i = 0; i < Math.min(50, sample.size()); i++) {
				invoicing.document(sample.get(i), "pdf");
			}
			BenchMemory.resetPeaks();
			ExecutorService pool = Executors.newFixedThreadPool(2);
			AtomicLong bytes = new AtomicLong();
			long p0 = System.nanoTime();
			List<Future<?>> work = new ArrayList<>();
			for (String id : sample) {
				work.add(pool.submit(() -> bytes.addAndGet(invoicing.document(id, "pdf").length)));
			}
			for (Future<?> f : work) {
				f.get();
			}
			long p1 = System.nanoTime();
			pool.shutdown();
			System.out.printf(Locale.ROOT, "Factur-X: %d PDFs on 2 threads in %.1f s = %.1f PDFs/s, %.0f KB each%n",
					sample.size(), (p1 - p0) / 1e9, sample.size() / ((p1 - p0) / 1e9),
					bytes.get() / 1024.0 / sample.size());
			System.out.printf(Locale.ROOT, "heap: peak %d MB used, max %d MB%n", BenchMemory.peakHeap() / (1024 * 1024),
					Runtime.getRuntime().maxMemory() / (1024 * 1024));
		}
	}

	/** Customers with complete files, and drafts of five lines at three VAT rates. */
	private static List<String> drafts(JdbcTemplate jdbc, String tag, int count) {
		Timestamp now = Timestamp.from(Instant.now());
		int customers = Math.max(1, count / 200);
		List<Object[]> rows = new ArrayList<>();
		for (int c = 0; c < customers; c++) {
			rows.add(new Object[] { "bc-" + tag + "-" + c, "Client " + tag + " " + c, "732829320", "FR44732829320",
					"compta" + c + "@client.example", now });
		}
		batch(jdbc, """
				insert into customer (id, name, legal_id, vat_number, email, billing_line1, billing_postal_code,
				  billing_city, billing_country, payment_terms_days, currency, language, version, created_at)
				values (?, ?, ?, ?, ?, '1 rue de la Paix', '75002', 'Paris', 'FR', 30, 'EUR', 'fr', 0, ?)""", rows);
		List<String> ids = new ArrayList<>(count);
		List<Object[]> invoices = new ArrayList<>();
		List<Object[]> lines = new ArrayList<>();
		String[] rates = { "20.00", "20.00", "10.00", "5.50", "20.00" };
		for (int i = 0; i < count; i++) {
			String id = "bi-" + tag + "-" + i;
			ids.add(id);
			int c = i % customers;
			BigDecimal net = BigDecimal.ZERO;
			java.util.Map<String, BigDecimal> bases = new java.util.TreeMap<>();
			for (int l = 0; l < 5; l++) {
				BigDecimal price = BigDecimal.valueOf(1000 + (i * 7 + l * 13) % 9000, 2);
				BigDecimal qty = BigDecimal.valueOf(1 + l);
				BigDecimal lineNet = price.multiply(qty);
				net = net.add(lineNet);
				bases.merge(rates[l], lineNet, BigDecimal::add);
				lines.add(new Object[] { id, l, "SKU-" + l, "Article " + l + " de la facture " + i, qty, price,
						new BigDecimal(rates[l]), lineNet });
			}
			// EN 16931: VAT per rate on the sum of that rate's nets, rounded
			BigDecimal tax = bases.entrySet()
				.stream()
				.map(e -> e.getValue()
					.multiply(new BigDecimal(e.getKey()))
					.movePointLeft(2)
					.setScale(2, java.math.RoundingMode.HALF_UP))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			invoices.add(
					new Object[] { id, "bc-" + tag + "-" + c, "Client " + tag + " " + c, net, tax, net.add(tax), now });
		}
		batch(jdbc,
				"""
						insert into invoice (id, kind, status, customer_id, customer_name, currency, total_net, total_tax, total,
						  amount_paid, amount_credited, payment_terms_days, version, created_at)
						values (?, 'INVOICE', 'DRAFT', ?, ?, 'EUR', ?, ?, ?, 0, 0, 30, 0, ?)""",
				invoices);
		batch(jdbc, """
				insert into invoice_line (invoice_id, line_index, sku, description, unit, quantity, unit_price,
				  discount_percent, tax_rate, net_amount, price_source, tax_category)
				values (?, ?, ?, ?, 'piece', ?, ?, 0, ?, ?, 'LIST', 'S')""", lines);
		return ids;
	}

	private static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += 5000) {
			jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 5000)));
		}
	}

}
