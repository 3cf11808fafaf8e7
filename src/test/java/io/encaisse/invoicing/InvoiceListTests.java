package io.encaisse.invoicing;

import java.time.LocalDate;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoice list filters: overdue only, issued within a period. */
@EncaisseTest
class InvoiceListTests {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	io.encaisse.shared.BusinessClock clock;

	@Test
	void overdueAndPeriodFilters() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("33.00", "20");
		String invoice = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		String today = Fixtures.today().toString();
		assertThat(api.get("/api/v1/invoices?customerId=" + customer + "&issuedFrom=" + today + "&issuedTo=" + today)
			.json()
			.get("data")
			.findValuesAsString("id")).containsExactly(invoice);
		assertThat(api.get("/api/v1/invoices?customerId=" + customer + "&issuedTo=" + Fixtures.today().minusDays(1))
			.json()
			.get("data")).isEmpty();
		assertThat(api.get("/api/v1/invoices?customerId=" + customer + "&overdue=true").json().get("data"))
			.as("due in 30 days: not overdue")
			.isEmpty();
		assertThat(
				api.get("/api/v1/invoices?issuedFrom=" + today + "&issuedTo=" + Fixtures.today().minusDays(3)).status())
			.isEqualTo(422);
		try {
			this.clock.travelBy(java.time.Duration.ofDays(45));
			assertThat(api.get("/api/v1/invoices?customerId=" + customer + "&overdue=true")
				.json()
				.get("data")
				.findValuesAsString("id")).as("45 days later").containsExactly(invoice);
		}
		finally {
			this.clock.reset();
		}
	}

}
