package io.encaisse.collections;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.encaisse.shared.BusinessClock;
import io.encaisse.shared.Today;
import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer on credit hold gets no order from any channel (the API, a file, an accepted
 * quote): each waits ON_HOLD with the hold's reason until the customer is released. A
 * dunning level whose escalation is CREDIT_HOLD puts the customers it reaches on hold.
 */
@EncaisseTest
class CreditHoldTests {

	@LocalServerPort
	int port;

	@Autowired
	BusinessClock clock;

	@Autowired
	Today today;

	@AfterEach
	void reset() {
		this.clock.reset();
	}

	@Test
	void aCustomerOnHoldGetsNoOrderFromAnyChannelUntilReleased() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("10.00", "20");
		String customer = fixtures.customer();
		String quote = fixtures.sentQuote(customer, sku, "1");
		assertThat(api.post("/api/v1/customers/" + customer + "/hold", map()).status()).isEqualTo(422);
		Api.Response held = api.post("/api/v1/customers/" + customer + "/hold",
				map("reason", "Cheque returned unpaid"));
		assertThat(held.status()).as(held.toString()).isEqualTo(200);

		Api.Response byApi = api.post("/api/v1/orders",
				map("customer", customer, "lines", List.of(map("sku", sku, "quantity", "1"))));
		assertThat(byApi.get("status")).isEqualTo("ON_HOLD");
		assertThat(byApi.json().get("reasons").toString()).contains("credit hold: Cheque returned unpaid");

		Api.Response byFile = api.csv("/api/v1/orders/import",
				("customer,reference,item,quantity\n" + customer + "," + Fixtures.unique("PO") + "," + sku + ",1\n")
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(byFile.status()).as(byFile.toString()).isEqualTo(200);
		assertThat(byFile.json().get("data").get(0).get("status").asString()).isEqualTo("ON_HOLD");

		String fromQuote = api.post("/api/v1/quotes/" + quote + "/accept", null).get("orderId");
		assertThat(api.get("/api/v1/orders/" + fromQuote).get("status")).isEqualTo("ON_HOLD");

		assertThat(api.post("/api/v1/customers/" + customer + "/release", map()).status()).isEqualTo(422);
		assertThat(api.post("/api/v1/customers/" + customer + "/release", map("reason", "Paid by transfer")).status())
			.isEqualTo(204);
		assertThat(api.get("/api/v1/customers/" + customer + "/hold").status()).isEqualTo(404);
		Api.Response after = api.post("/api/v1/orders",
				map("customer", customer, "lines", List.of(map("sku", sku, "quantity", "1"))));
		assertThat(after.get("status")).isEqualTo("CONFIRMED");
	}

	@Test
	void aLevelThatEscalatesPutsItsCustomersOnHold() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("10.00", "20");
		String customer = fixtures.customer();
		Api.Response policy = api.post("/api/v1/dunning-policies",
				map("name", Fixtures.unique("Strict"), "levels", List.of(map("daysAfterDue", 3, "channel", "EMAIL"),
						map("daysAfterDue", 10, "channel", "PHONE", "escalation", "CREDIT_HOLD"))));
		assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
		assertThat(api
			.put("/api/v1/customers/" + customer + "/collection-settings", map("policyId", policy.get("id")), null)
			.status()).isEqualTo(200);
		String invoice = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		LocalDate due = LocalDate.parse(api.get("/api/v1/invoices/" + invoice).get("dueDate"));

		this.clock.travelBy(Duration.ofDays(ChronoUnit.DAYS.between(this.today.date(), due.plusDays(4))));
		assertThat(api.post("/api/v1/dunning-runs", map()).status()).isEqualTo(201);
		assertThat(api.get("/api/v1/customers/" + customer + "/hold").status()).isEqualTo(404);

		this.clock.travelBy(Duration.ofDays(7));
		assertThat(api.post("/api/v1/dunning-runs", map()).status()).isEqualTo(201);
		Api.Response hold = api.get("/api/v1/customers/" + customer + "/hold");
		assertThat(hold.status()).as(hold.toString()).isEqualTo(200);
		assertThat(hold.get("reason")).startsWith("dunning level 2");
		assertThat(api.get("/api/v1/customers/" + customer + "/reminders")
			.json()
			.get("data")
			.valueStream()
			.map(m -> m.get("level").asInt() + " " + m.get("channel").asString())
			.toList()).containsExactly("2 PHONE", "1 EMAIL");
	}

}
