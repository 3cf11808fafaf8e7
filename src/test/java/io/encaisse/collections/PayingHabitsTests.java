package io.encaisse.collections;

import java.time.LocalDate;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DSO, CEI and paying habits against hand computations: four invoices of 1,200.00 EUR,
 * one paid 10 days late half a year ago, one paid 30 days late last month, one 5 days
 * overdue, one not due yet.
 */
@EncaisseTest
class PayingHabitsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void dsoCeiAndAHabitThatWorsenedAsComputedByHand() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		LocalDate today = Fixtures.today();
		String sku = fixtures.product("1000.00", "20");
		String customer = fixtures.customer();
		String a = invoice(fixtures, customer, sku, today.minusDays(200), today.minusDays(170));
		String b = invoice(fixtures, customer, sku, today.minusDays(60), today.minusDays(50));
		invoice(fixtures, customer, sku, today.minusDays(30), today.minusDays(5));
		invoice(fixtures, customer, sku, today.minusDays(10), today.plusDays(20));
		pay(api, customer, a, today.minusDays(160));
		pay(api, customer, b, today.minusDays(20));

		Api.Response habits = api.get("/api/v1/customers/" + customer + "/paying-habits");
		assertThat(habits.status()).as(habits.toString()).isEqualTo(200);
		// receivables today 2,400.00 over the 3,600.00 sold in the last 90 days, x 90
		var now = habits.json().get("dsoTrend").get(11);
		assertThat(now.get("receivables").asString()).isEqualTo("2400.00");
		assertThat(now.get("sales").asString()).isEqualTo("3600.00");
		assertThat(now.get("dso").asString()).isEqualTo("60.0");
		assertThat(habits.json().get("dsoTrend").size()).isEqualTo(12);
		// nothing open 90 days ago, 3,600.00 sold, 2,400.00 open now of which 1,200.00
		// not
		// due: (0 + 3600 - 2400) / (0 + 3600 - 1200) = 50 %
		assertThat(habits.json().get("cei").get("cei").asString()).isEqualTo("50.0");
		// paid 30 days late lately, 10 days late before: +20 days
		var habit = habits.json().get("habit");
		assertThat(habit.get("recentDaysLate").asString()).isEqualTo("30.0");
		assertThat(habit.get("earlierDaysLate").asString()).isEqualTo("10.0");
		assertThat(habit.get("change").asString()).isEqualTo("20.0");

		Api.Response report = api.get("/api/v1/reports/collections");
		assertThat(report.json()
			.get("payingHabitsChanged")
			.valueStream()
			.filter(h -> customer.equals(h.get("customerId").asString()))
			.map(h -> h.get("change").asString())
			.toList()).containsExactly("20.0");
		assertThat(report.json().get("cei").valueStream().map(c -> c.get("currency").asString()).toList())
			.contains("EUR");
	}

	private String invoice(Fixtures fixtures, String customer, String sku, LocalDate issued, LocalDate due) {
		String invoice = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		this.jdbc.sql("update invoice set issue_date = :issued, due_date = :due where id = :id")
			.param("issued", issued)
			.param("due", due)
			.param("id", invoice)
			.update();
		return invoice;
	}

	private void pay(Api api, String customer, String invoice, LocalDate on) {
		Api.Response payment = api.post("/api/v1/payments",
				map("amount", "1200.00", "currency", "EUR", "reference",
						api.get("/api/v1/invoices/" + invoice).get("number"), "customerId", customer, "receivedOn",
						on.toString()));
		assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
		assertThat(api.get("/api/v1/invoices/" + invoice).get("status")).isEqualTo("PAID");
	}

}
