package io.encaisse.orders;

import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every step of an order's life is kept with its time: received, validated (controls
 * passed, or released by sales administration), confirmed, in progress, delivered,
 * invoiced, closed; an order held first shows it. The API and the customer's page show
 * them.
 */
@EncaisseTest
class OrderStepsTests {

	@LocalServerPort
	int port;

	private static List<String> steps(Api api, String orderId) {
		return api.get("/api/v1/orders/" + orderId)
			.json()
			.get("steps")
			.valueStream()
			.map(s -> s.get("status").asString())
			.toList();
	}

	@Test
	void anOrderHeldThenReleasedGoesThroughEveryStep() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("10.00", "20");
		// a price that differs from the book: held
		String id = api
			.post("/api/v1/orders",
					map("customer", customer, "lines", List.of(map("sku", sku, "quantity", "2", "unitPrice", "9.00"))))
			.get("id");
		assertThat(steps(api, id)).containsExactly("RECEIVED", "ON_HOLD");
		api.post("/api/v1/orders/" + id + "/release", map("note", "prix accordé par téléphone"));
		api.post("/api/v1/orders/" + id + "/start", null);
		fixtures.deliver(id, sku, "2");
		api.post("/api/v1/orders/" + id + "/close", null);
		assertThat(steps(api, id)).containsExactly("RECEIVED", "ON_HOLD", "VALIDATED", "CONFIRMED", "IN_PROGRESS",
				"DELIVERED", "INVOICED", "CLOSED");

		// straight through: received, validated, confirmed at once
		String clean = api
			.post("/api/v1/orders", map("customer", customer, "lines", List.of(map("sku", sku, "quantity", "1"))))
			.get("id");
		assertThat(steps(api, clean)).containsExactly("RECEIVED", "VALIDATED", "CONFIRMED");
		// from a quote: the acceptance is the receipt
		String fromQuote = fixtures.acceptedOrder(customer, sku, "1");
		assertThat(steps(api, fromQuote)).containsExactly("RECEIVED", "VALIDATED", "CONFIRMED");
		// the customer's page shows them
		String link = api.get("/api/v1/orders/" + id + "/link").get("url");
		String page = new String(api.bytes(link.substring(link.indexOf("/portal/"))),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"steps\"").contains("CLOSED");
	}

}
