package io.encaisse.invoicing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.encaisse.EncaisseApplication;
import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one database (PostgreSQL in CI), each with its own
 * connection pool and scheduler, issue invoices from many threads, one at a time and in a
 * billing run, at the same time: the numbers of the series are consecutive, without gap
 * or duplicate, and their dates never go back.
 */
@EncaisseTest
class TwoInstanceNumberingTests {

	@LocalServerPort
	int port;

	@Test
	void twoInstancesIssuingTogetherLeaveNoGapAndNoDuplicate() throws Exception {
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(EncaisseApplication.class)
			.profiles("test")
			.properties("server.port=0", "spring.jmx.enabled=false")
			.run()) {
			int otherPort = ((WebServerApplicationContext) second).getWebServer().getPort();
			assertThat(otherPort).isNotEqualTo(this.port);
			Api one = new Api(this.port, EncaisseTest.ADMIN_KEY);
			Api two = new Api(otherPort, EncaisseTest.ADMIN_KEY);
			Fixtures fixtures = new Fixtures(one);
			String customer = fixtures.customer();
			String sku = fixtures.product("15.00", "20");
			// a billing run of 40 drafts on the second instance ...
			List<String> runDrafts = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				runDrafts.add(draft(two, customer, sku));
			}
			int threads = 8;
			int each = 6;
			List<List<String>> prepared = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				List<String> mine = new ArrayList<>();
				for (int i = 0; i < each; i++) {
					mine.add(draft(t % 2 == 0 ? one : two, customer, sku));
				}
				prepared.add(mine);
			}
			ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
			List<Future<?>> work = new ArrayList<>();
			String[] run = new String[1];
			work.add(pool.submit(() -> {
				Api.Response started = two.post("/api/v1/invoice-runs", map("kind", "ISSUE", "invoiceIds", runDrafts));
				assertThat(started.status()).as(started.toString()).isEqualTo(202);
				run[0] = started.get("id");
			}));
			// ... while eight threads issue one at a time, half through each instance
			for (int t = 0; t < threads; t++) {
				Api api = t % 2 == 0 ? one : two;
				List<String> mine = prepared.get(t);
				work.add(pool.submit(() -> {
					for (String id : mine) {
						Api.Response issued = api.post("/api/v1/invoices/" + id + "/issue", null);
						assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
					}
				}));
			}
			for (Future<?> f : work) {
				f.get();
			}
			pool.shutdown();
			org.awaitility.Awaitility.await("the run to finish")
				.atMost(java.time.Duration.ofSeconds(30))
				.pollInterval(java.time.Duration.ofMillis(100))
				.until(() -> "DONE".equals(one.get("/api/v1/invoice-runs/" + run[0]).get("status")));
			assertThat(one.get("/api/v1/invoice-runs/" + run[0]).get("done")).isEqualTo("40");
			List<String> all = new ArrayList<>(runDrafts);
			prepared.forEach(all::addAll);
			List<Integer> numbers = new ArrayList<>();
			List<String> byNumber = new ArrayList<>();
			for (String id : all) {
				Api.Response invoice = one.get("/api/v1/invoices/" + id);
				String number = invoice.get("number");
				assertThat(number).as(id + " issued").isNotNull();
				numbers.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
				byNumber.add(number + " " + invoice.get("issueDate"));
			}
			assertThat(numbers).hasSize(40 + threads * each).doesNotHaveDuplicates();
			int min = Collections.min(numbers);
			int max = Collections.max(numbers);
			assertThat(max - min + 1).as("no gap between the first and the last number").isEqualTo(numbers.size());
			Collections.sort(byNumber);
			List<String> dates = byNumber.stream().map(s -> s.substring(s.indexOf(' ') + 1)).toList();
			assertThat(dates).as("dates follow the numbers").isSorted();
		}
	}

	private static String draft(Api api, String customer, String sku) {
		Api.Response r = api.post("/api/v1/invoices",
				map("customerId", customer, "lines", List.of(map("sku", sku, "quantity", "1"))));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.get("id");
	}

}
