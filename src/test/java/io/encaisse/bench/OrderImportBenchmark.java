package io.encaisse.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.encaisse.EncaisseApplication;
import io.encaisse.orders.OrderReception;
import io.encaisse.orders.intake.OrderFiles;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 4's intake figures on the database it is given: a CSV of N lines (orders of ten
 * lines, 500 customers, 200 products) and M UBL orders through the application's intake
 * ({@link OrderFiles} then {@link OrderReception#receiveAll}: customers and items
 * resolved, prices checked against the price book, credit and duplicate controls, orders
 * written, audit, events). Run with {@code bench/order-import.sh [lines] [ubl orders]}.
 */
public final class OrderImportBenchmark {

	private OrderImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int lines = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int ubl = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
		try (ConfigurableApplicationContext app = SpringApplication.run(EncaisseApplication.class, "--server.port=0",
				"--encaisse.demo-data=false", "--encaisse.einvoicing.submit-interval=PT10H",
				"--encaisse.invoicing.mail-interval=PT10H", "--encaisse.mail.interval=PT10H",
				"--logging.level.root=WARN")) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			String tag = Long.toString(System.currentTimeMillis(), 36);
			Timestamp now = Timestamp.from(Instant.now());
			List<Object[]> customers = new ArrayList<>();
			for (int c = 0; c < 500; c++) {
				customers.add(new Object[] { "oc-" + tag + "-" + c, "Client " + c, now });
			}
			jdbc.batchUpdate("""
					insert into customer (id, name, legal_id, billing_line1, billing_postal_code, billing_city,
					  billing_country, payment_terms_days, currency, language, version, created_at)
					values (?, ?, '732829320', '1 rue de la Paix', '75002', 'Paris', 'FR', 30, 'EUR', 'fr', 0, ?)""",
					customers);
			var catalog = app.getBean(io.encaisse.catalog.Catalog.class);
			for (int p = 0; p < 200; p++) {
				catalog.create(new io.encaisse.catalog.ProductInput("ob-" + tag + "-" + p, "Article " + p, "piece",
						"20", String.valueOf(10 + p) + ".00", "EUR"));
			}
			StringBuilder csv = new StringBuilder("customer,reference,item,quantity\n");
			for (int i = 0; i < lines; i++) {
				int order = i / 10;
				csv.append("oc-")
					.append(tag)
					.append('-')
					.append(order % 500)
					.append(",PO-")
					.append(tag)
					.append('-')
					.append(order)
					.append(",ob-")
					.append(tag)
					.append('-')
					.append(i % 200)
					.append(',')
					.append(1 + i % 7)
					.append('\n');
			}
			// the file on disk, read as a stream, as the API reads a request body
			java.nio.file.Path file = java.nio.file.Files.createTempFile("orders", ".csv");
			java.nio.file.Files.writeString(file, csv);
			csv.setLength(0);
			csv.trimToSize();
			OrderReception reception = app.getBean(OrderReception.class);
			System.gc();
			long baseline = BenchMemory.usedHeap();
			BenchMemory.resetPeaks();
			long t0 = System.nanoTime();
			List<OrderReception.Received> received;
			try (var in = java.nio.file.Files.newBufferedReader(file)) {
				received = reception.receiveFile((errors, each) -> OrderFiles.csv(in, errors, each));
			}
			long t2 = System.nanoTime();
			java.nio.file.Files.delete(file);
			long held = received.stream().filter(r -> !"CONFIRMED".equals(r.status())).count();
			System.out.printf(Locale.ROOT,
					"CSV: %d lines, %d orders read and taken in in %.1f s = %.0f lines/s, %.0f orders/s (%d on hold); heap before %d MB, peak %d MB%n",
					lines, received.size(), (t2 - t0) / 1e9, lines / ((t2 - t0) / 1e9),
					received.size() / ((t2 - t0) / 1e9), held, baseline / (1024 * 1024),
					BenchMemory.peakHeap() / (1024 * 1024));
			byte[] sample;
			try (var in = OrderImportBenchmark.class.getResourceAsStream("/samples/orders/UBL-Order-2.1-Example.xml")) {
				sample = in.readAllBytes();
			}
			jdbc.update("update customer set external_ref = null where external_ref = '7300070011115'");
			jdbc.update("update customer set external_ref = '7300070011115' where id = ?", "oc-" + tag + "-0");
			for (String sku : List.of("SItemNo001", "SItemNo011")) {
				if (catalog.findBySku(sku).isEmpty()) {
					catalog.create(new io.encaisse.catalog.ProductInput(sku, sku, "piece", "20", "50.00", "SEK"));
				}
			}
			BenchMemory.resetPeaks();
			long u0 = System.nanoTime();
			for (int i = 0; i < ubl; i++) {
				String xml = new String(sample, java.nio.charset.StandardCharsets.UTF_8)
					.replaceFirst("<cbc:ID>34</cbc:ID>", "<cbc:ID>U-" + tag + "-" + i + "</cbc:ID>");
				reception.receiveAll(OrderFiles.ubl(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			}
			long u1 = System.nanoTime();
			System.out.printf(Locale.ROOT, "UBL: %d orders, one by one, in %.1f s = %.0f orders/s; heap peak %d MB%n",
					ubl, (u1 - u0) / 1e9, ubl / ((u1 - u0) / 1e9), BenchMemory.peakHeap() / (1024 * 1024));
		}
	}

}
