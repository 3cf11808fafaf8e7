package io.encaisse.orders;

import java.time.Duration;
import java.util.List;

import io.encaisse.quotes.QuotePortal;
import io.encaisse.shared.BusinessClock;
import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * One order intake for every channel (issue 22): a quote accepted by a customer over its
 * credit limit, or on credit hold, gives an order ON_HOLD in the exceptions queue, not
 * invoiced, and the customer's page of the quote says it is being reviewed; released, it
 * goes on like any other.
 */
@EncaisseTest
@AutoConfigureMockMvc
class QuoteIntakeControlsTests {

	@LocalServerPort
	int port;

	@Autowired
	BusinessClock clock;

	@Autowired
	OrderReception reception;

	@Autowired
	OrderExceptions exceptions;

	@Autowired
	QuotePortal portal;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void backToToday() {
		this.clock.reset();
	}

	private String customer(Api api, String creditLimit, String riskClass) {
		Api.Response c = api.post("/api/v1/customers", Fixtures.invoiceable("name", Fixtures.unique("Client"),
				"currency", "EUR", "paymentTermsDays", 30, "creditLimit", creditLimit, "riskClass", riskClass));
		assertThat(c.status()).as(c.toString()).isEqualTo(201);
		return c.get("id");
	}

	@Test
	void aQuoteAcceptedBeyondTheCreditLimitMakesAnOrderOnHoldUntilReleased() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = customer(api, "500.00", "LOW");
		String sku = fixtures.product("1000.00", "20");
		String quote = fixtures.sentQuote(customer, sku, "1");

		Api.Response accepted = api.post("/api/v1/quotes/" + quote + "/accept", null);

		String orderId = accepted.get("orderId");
		Api.Response order = api.get("/api/v1/orders/" + orderId);
		assertThat(order.get("status")).isEqualTo("ON_HOLD");
		assertThat(order.json().get("invoiceIds")).isEmpty();
		assertThat(this.exceptions.onHold()).filteredOn(h -> h.id().equals(orderId))
			.singleElement()
			.satisfies(h -> assertThat(h.reasons()).singleElement().asString().startsWith("credit limit: 1200.00 EUR"));
		String page = this.mvc.perform(get("/portal/quotes/" + this.portal.token(quote)).param("lang", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"order-held\"").contains("being reviewed");

		Api.Response released = api.post("/api/v1/orders/" + orderId + "/release",
				map("note", "Garantie bancaire reçue"));
		assertThat(released.get("status")).isEqualTo("CONFIRMED");
		assertThat(fixtures.deliver(orderId, sku, "1")).isNotNull();
	}

	@Test
	void aQuoteAcceptedByAHighRiskCustomerWithSomethingOverdueIsHeld() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = customer(api, "100000.00", "HIGH");
		String sku = fixtures.product("100.00", "20");
		fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		this.clock.travelBy(Duration.ofDays(45));
		String quote = fixtures.sentQuote(customer, sku, "1");

		String orderId = api.post("/api/v1/quotes/" + quote + "/accept", null).get("orderId");

		Api.Response order = api.get("/api/v1/orders/" + orderId);
		assertThat(order.get("status")).isEqualTo("ON_HOLD");
		assertThat(this.exceptions.reasons(orderId)).singleElement()
			.asString()
			.startsWith("credit hold: a high-risk customer with 120.00 EUR overdue");
	}

	@Test
	void theSameCustomerWithinItsLimitGetsItsOrderConfirmedAndOpenOrdersCount() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = customer(api, "2000.00", "LOW");
		String sku = fixtures.product("1000.00", "20");
		String first = fixtures.acceptedOrder(customer, sku, "1");
		assertThat(api.get("/api/v1/orders/" + first).get("status")).isEqualTo("CONFIRMED");
		// 1,200 on order, not yet delivered: another 1,200 goes beyond 2,000
		Api.Response second = api.post("/api/v1/orders",
				map("customer", customer, "lines", List.of(map("sku", sku, "quantity", "1"))));
		assertThat(second.get("status")).isEqualTo("ON_HOLD");
		assertThat(second.json().get("reasons").toString()).contains("1200.00 ordered not yet invoiced");
	}

}
