package io.encaisse.quotes;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.encaisse.shared.BusinessClock;
import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sent quote past its validity expires by itself (stored, audited) and can no longer be
 * accepted.
 */
@EncaisseTest
class QuoteExpiryTests {

	@LocalServerPort
	int port;

	@Autowired
	Quotes quotes;

	@Autowired
	BusinessClock clock;

	@Test
	void aQuotePastItsValidityExpiresAndCannotBeAccepted() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("80.00", "20");
		Api.Response quote = api.post("/api/v1/quotes", map("customerId", fixtures.customer(), "validUntil",
				Fixtures.today().toString(), "lines", List.of(map("sku", sku, "quantity", "1"))));
		assertThat(quote.status()).as(quote.toString()).isEqualTo(201);
		String id = quote.get("id");
		api.post("/api/v1/quotes/" + id + "/send", null);
		try {
			this.clock.travelBy(Duration.ofDays(2));
			assertThat(this.quotes.expireDue()).isPositive();
			assertThat(this.quotes.expireDue()).as("once").isZero();
			assertThat(api.get("/api/v1/quotes/" + id).get("status")).isEqualTo("EXPIRED");
			assertThat(api.post("/api/v1/quotes/" + id + "/accept", null).status()).isEqualTo(409);
		}
		finally {
			this.clock.reset();
		}
	}

}
