package io.encaisse.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.encaisse.EncaisseApplication;
import io.encaisse.customers.Customers;
import io.encaisse.invoicing.InvoiceView;
import io.encaisse.invoicing.Invoicing;
import io.encaisse.quotes.Quotes;
import io.encaisse.shared.Cursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command: the embedded database under ENCAISSE_DATA_DIR, demo data on
 * first start, kept on the second, none with ENCAISSE_DEMO_DATA=false. Always on H2,
 * whatever else is configured.
 */
class DemoDataTests {

	@TempDir
	Path dir;

	@Test
	void firstStartLoadsTheDemoAndTheSecondKeepsItWithoutLoadingTwice() {
		Path data = this.dir.resolve("data");
		int customers;
		try (ConfigurableApplicationContext app = start(data, true)) {
			customers = app.getBean(Customers.class).list(Cursor.of(500, null)).data().size();
			assertThat(customers).isEqualTo(10);
			Map<String, Long> invoices = app.getBean(Invoicing.class)
				.list(new Invoicing.Filter(null, null, null, "INVOICE"), Cursor.of(500, null))
				.data()
				.stream()
				.collect(Collectors.groupingBy(i -> i.status().name() + (i.overdue() ? "/overdue" : ""),
						Collectors.counting()));
			assertThat(invoices).containsKeys("PAID", "ISSUED", "ISSUED/overdue", "CANCELLED");
			assertThat(invoices.keySet()).anyMatch(k -> k.startsWith("PARTIALLY_PAID"));
			Set<String> quoteStates = app.getBean(Quotes.class)
				.list(Cursor.of(500, null))
				.data()
				.stream()
				.map(q -> q.status().name())
				.collect(Collectors.toSet());
			assertThat(quoteStates).contains("DRAFT", "PENDING_APPROVAL", "SENT", "ACCEPTED", "DECLINED", "EXPIRED");
			InvoiceView any = app.getBean(Invoicing.class)
				.list(new Invoicing.Filter(null, null, null, null), Cursor.of(1, null))
				.data()
				.get(0);
			assertThat(any.number()).isNotNull();
		}
		assertThat(Files.exists(data.resolve("encaisse.mv.db"))).isTrue();
		try (ConfigurableApplicationContext again = start(data, true)) {
			assertThat(again.getBean(Customers.class).list(Cursor.of(500, null)).data()).hasSize(customers);
		}
	}

	@Test
	void startsEmptyWhenAskedTo() {
		try (ConfigurableApplicationContext app = start(this.dir.resolve("empty"), false)) {
			assertThat(app.getBean(Customers.class).list(Cursor.of(10, null)).data()).isEmpty();
		}
	}

	private static ConfigurableApplicationContext start(Path data, boolean demo) {
		return new SpringApplicationBuilder(EncaisseApplication.class).run("--server.port=0",
				"--ENCAISSE_DATA_DIR=" + data, "--ENCAISSE_DEMO_DATA=" + demo,
				"--ENCAISSE_ADMIN_PASSWORD=demo-password-123",
				// the embedded default, even where a PostgreSQL is configured around the
				// build
				"--spring.datasource.url=${encaisse.embedded-database-url}", "--spring.datasource.username=sa",
				"--spring.datasource.password=");
	}

}
