package io.encaisse.collections;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.encaisse.EncaisseApplication;
import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one database, each with its own pool and scheduler, run
 * the dunning at the same time, several times: each overdue invoice gets its level once,
 * each customer one message, each message one mail in the outbox.
 */
@EncaisseTest
class TwoNodeDunningTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoNodesRunningTheDunningAtOnceSendEachReminderOnce() throws Exception {
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(EncaisseApplication.class)
			.profiles("test")
			.properties("server.port=0", "spring.jmx.enabled=false")
			.run()) {
			int otherPort = ((WebServerApplicationContext) second).getWebServer().getPort();
			Api one = new Api(this.port, EncaisseTest.ADMIN_KEY);
			Api two = new Api(otherPort, EncaisseTest.ADMIN_KEY);
			Fixtures fixtures = new Fixtures(one);
			String sku = fixtures.product("70.00", "20");
			List<String> customers = new ArrayList<>();
			for (int c = 0; c < 3; c++) {
				String customer = fixtures.customer();
				customers.add(customer);
				for (int i = 0; i < 2; i++) {
					String invoice = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
					this.jdbc.sql("update invoice set due_date = due_date - 40 where id = :i")
						.param("i", invoice)
						.update();
				}
			}
			ExecutorService pool = Executors.newFixedThreadPool(6);
			List<Future<Api.Response>> runs = new ArrayList<>();
			for (int t = 0; t < 6; t++) {
				Api api = t % 2 == 0 ? one : two;
				runs.add(pool.submit(() -> api.post("/api/v1/dunning-runs", map())));
			}
			for (Future<Api.Response> run : runs) {
				assertThat(run.get().status()).as(run.get().toString()).isEqualTo(201);
			}
			pool.shutdown();
			for (String customer : customers) {
				assertThat(this.jdbc.sql("select count(*) from dunning_notice where customer_id = :c")
					.param("c", customer)
					.query(Integer.class)
					.single()).as("two invoices, one level each").isEqualTo(2);
				List<String> messages = this.jdbc.sql("select id from dunning_message where customer_id = :c")
					.param("c", customer)
					.query(String.class)
					.list();
				assertThat(messages).as("one message for the customer's level").hasSize(1);
				assertThat(this.jdbc.sql("select count(*) from mail_outbox where kind = 'DUNNING' and subject_id = :m")
					.param("m", messages.get(0))
					.query(Integer.class)
					.single()).isEqualTo(1);
			}
		}
	}

}
