package io.encaisse.bench;

import java.io.StringReader;

import io.encaisse.EncaisseApplication;
import io.encaisse.catalog.CatalogFile;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The products and prices CSV import (issue 21, D12) on the database it is given: N
 * lines, each a new product with its list price, and every tenth product with a second,
 * later price (a line of its own), all or nothing in one transaction. Run with
 * {@code bench/product-import.sh [lines]}.
 */
public final class ProductImportBenchmark {

	private ProductImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int lines = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		try (ConfigurableApplicationContext app = SpringApplication.run(EncaisseApplication.class, "--server.port=0",
				"--encaisse.demo-data=false", "--encaisse.einvoicing.submit-interval=PT10H",
				"--encaisse.invoicing.mail-interval=PT10H", "--encaisse.mail.interval=PT10H",
				"--logging.level.root=WARN")) {
			String tag = Long.toString(System.currentTimeMillis(), 36);
			StringBuilder csv = new StringBuilder(
					"sku,name,unit,tax_rate,price,currency,valid_from,valid_to,min_quantity,price_list\n");
			int written = 0;
			for (int p = 0; written < lines; p++) {
				csv.append("PB-")
					.append(tag)
					.append('-')
					.append(p)
					.append(",Article ")
					.append(p)
					.append(" en stock,piece,20.00,")
					.append(10 + p % 500)
					.append(".00,EUR,2026-01-01,2026-12-31,,\n");
				written++;
				if (p % 10 == 0 && written < lines) {
					csv.append("PB-")
						.append(tag)
						.append('-')
						.append(p)
						.append(",,,,")
						.append(11 + p % 500)
						.append(".50,EUR,2027-01-01,,,\n");
					written++;
				}
			}
			System.out.printf("%d lines, %.1f MB%n", written, csv.length() / 1_000_000.0);
			CatalogFile file = app.getBean(CatalogFile.class);
			long start = System.nanoTime();
			CatalogFile.Imported imported = file.importCsv(new StringReader(csv.toString()));
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("imported %d products and %d prices in %.1f s: %.0f lines/s%n", imported.products(),
					imported.prices(), seconds, written / seconds);
		}
	}

}
