package io.encaisse.catalog;

import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dated prices, tiers and agreements, resolved by one service with the source of each
 * price.
 */
@EncaisseTest
class PricingTests {

	@LocalServerPort
	int port;

	Api api;

	Fixtures fixtures;

	String sku;

	@BeforeEach
	void aProductWithAPriceHistory() {
		this.api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		this.fixtures = new Fixtures(this.api);
		this.sku = Fixtures.unique("PRICED");
		assertThat(this.api
			.post("/api/v1/products",
					map("sku", this.sku, "name", "Priced", "unit", "piece", "taxRate", "20", "currency", "EUR"))
			.status()).isEqualTo(201);
		price("100.00", "2026-01-01", "2026-06-30", null);
		price("110.00", "2026-07-01", null, null);
		price("95.00", "2026-07-01", null, "10");
	}

	private Api.Response price(String unitPrice, String from, String to, String minQuantity) {
		Api.Response r = this.api.post("/api/v1/products/" + this.sku + "/prices", map("currency", "EUR", "unitPrice",
				unitPrice, "validFrom", from, "validTo", to, "minQuantity", minQuantity));
		return r;
	}

	private Api.Response resolve(String query) {
		return this.api.get("/api/v1/prices?sku=" + this.sku + "&currency=EUR&" + query);
	}

	@Test
	void aPastDateIsPricedAsItWasThen() {
		Api.Response june = resolve("date=2026-06-30");
		assertThat(june.get("unitPrice")).isEqualTo("100.00");
		assertThat(june.get("source")).isEqualTo("LIST");
		assertThat(june.get("validTo")).isEqualTo("2026-06-30");
		assertThat(resolve("date=2026-07-01").get("unitPrice")).isEqualTo("110.00");
		assertThat(resolve("date=2025-12-31").status()).isEqualTo(404);
	}

	@Test
	void aVolumeTierAppliesFromItsMinimumQuantity() {
		assertThat(resolve("date=2026-08-01&quantity=9").get("unitPrice")).isEqualTo("110.00");
		Api.Response tier = resolve("date=2026-08-01&quantity=10");
		assertThat(tier.get("unitPrice")).isEqualTo("95.00");
		assertThat(tier.get("source")).isEqualTo("TIER");
	}

	@Test
	void aNewPriceIsSeenAtOnceDespiteTheCache() {
		assertThat(resolve("date=2026-08-01&quantity=50").get("unitPrice")).isEqualTo("95.00");
		assertThat(price("80.00", "2026-07-01", null, "50").status()).isEqualTo(201);
		assertThat(resolve("date=2026-08-01&quantity=50").get("unitPrice")).isEqualTo("80.00");
		String customer = this.fixtures.customer();
		assertThat(resolve("customerId=" + customer + "&date=2026-08-01").get("source")).isEqualTo("LIST");
		this.api.post("/api/v1/customers/" + customer + "/price-agreements",
				map("sku", this.sku, "unitPrice", "77.00", "validFrom", "2026-01-01"));
		assertThat(resolve("customerId=" + customer + "&date=2026-08-01").get("unitPrice")).isEqualTo("77.00");
	}

	@Test
	void aCustomerBuysFromTheirPriceListAndFallsBackToTheDefault() {
		this.api.post("/api/v1/products/" + this.sku + "/prices",
				map("priceList", "wholesale", "currency", "EUR", "unitPrice", "70.00", "validFrom", "2026-01-01"));
		String customer = this.fixtures.customer();
		assertThat(
				this.api.put("/api/v1/customers/" + customer + "/price-list", map("priceList", "nope"), null).status())
			.isEqualTo(422);
		assertThat(this.api.put("/api/v1/customers/" + customer + "/price-list", map("priceList", "wholesale"), null)
			.status()).isEqualTo(200);
		Api.Response wholesale = resolve("customerId=" + customer + "&date=2026-08-01");
		assertThat(wholesale.get("unitPrice")).isEqualTo("70.00");
		assertThat(wholesale.get("priceList")).isEqualTo("wholesale");
		assertThat(resolve("customerId=" + customer + "&date=2025-06-01").status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/price-lists").body()).contains("\"wholesale\"");
		String other = this.fixtures.product("15.00", "20");
		Api.Response fallback = this.api.get("/api/v1/prices?sku=" + other + "&currency=EUR&customerId=" + customer);
		assertThat(fallback.get("unitPrice")).isEqualTo("15.00");
		assertThat(fallback.get("priceList")).isEqualTo("default");
	}

	@Test
	void anAgreementWinsOverListAndTierWhileValid() {
		String fixed = this.fixtures.customer();
		assertThat(
				this.api
					.post("/api/v1/customers/" + fixed + "/price-agreements",
							map("sku", this.sku, "unitPrice", "90.00", "validFrom", "2026-08-01", "validTo",
									"2026-12-31"))
					.status())
			.isEqualTo(201);
		Api.Response agreed = resolve("customerId=" + fixed + "&date=2026-09-01&quantity=50");
		assertThat(agreed.get("unitPrice")).isEqualTo("90.00");
		assertThat(agreed.get("source")).isEqualTo("AGREEMENT");
		assertThat(resolve("customerId=" + fixed + "&date=2027-01-01").get("source")).isEqualTo("LIST");

		String percent = this.fixtures.customer();
		this.api.post("/api/v1/customers/" + percent + "/price-agreements",
				map("sku", this.sku, "discountPercent", "12.5", "validFrom", "2026-07-01"));
		assertThat(resolve("customerId=" + percent + "&date=2026-09-01").get("unitPrice")).isEqualTo("96.25");
	}

	@Test
	void overlappingPeriodsAreRefusedNamingTheField() {
		Api.Response overlap = price("120.00", "2026-06-01", "2026-07-15", null);
		assertThat(overlap.status()).isEqualTo(422);
		assertThat(overlap.json().get("errors").findValuesAsString("field")).contains("validFrom");
		assertThat(price("120.00", "2026-06-01", "2026-07-15", "50").status()).as("another tier").isEqualTo(201);
		String customer = this.fixtures.customer();
		this.api.post("/api/v1/customers/" + customer + "/price-agreements",
				map("sku", this.sku, "unitPrice", "90.00", "validFrom", "2026-01-01", "validTo", "2026-03-31"));
		assertThat(this.api
			.post("/api/v1/customers/" + customer + "/price-agreements",
					map("sku", this.sku, "unitPrice", "80.00", "validFrom", "2026-03-31"))
			.status()).isEqualTo(422);
		assertThat(this.api
			.post("/api/v1/customers/" + customer + "/price-agreements",
					map("sku", this.sku, "unitPrice", "80.00", "validFrom", "2026-04-01"))
			.status()).isEqualTo(201);
	}

	@Test
	void badPricesAreRefusedNamingTheField() {
		assertField(price("-1", "2027-01-01", null, null), "unitPrice");
		assertField(price("1.2.3", "2027-01-01", null, null), "unitPrice");
		assertField(this.api.post("/api/v1/products/" + this.sku + "/prices",
				map("currency", "ZZZ", "unitPrice", "1", "validFrom", "2027-01-01")), "currency");
		assertField(price("10", "2027-02-01", "2027-01-01", null), "validTo");
		String customer = this.fixtures.customer();
		assertField(this.api.post("/api/v1/customers/" + customer + "/price-agreements",
				map("sku", this.sku, "discountPercent", "120")), "discountPercent");
		assertField(this.api.post("/api/v1/customers/" + customer + "/price-agreements", map("sku", this.sku)),
				"unitPrice");
		assertThat(this.api.get("/api/v1/products/" + this.sku + "/prices").json().get("data")).hasSize(3);
	}

	@Test
	void theAgreedPriceFlowsFromQuoteToOrderToInvoiceUnchanged() {
		String customer = this.fixtures.customer();
		String today = io.encaisse.support.Fixtures.today().toString();
		String product = this.fixtures.product("200.00", "20");
		this.api.post("/api/v1/customers/" + customer + "/price-agreements",
				map("sku", product, "unitPrice", "173.3333", "validFrom", today));
		Api.Response quote = this.api.post("/api/v1/quotes",
				map("customerId", customer, "lines", List.of(map("sku", product, "quantity", "3"))));
		assertThat(quote.json().get("lines").get(0).get("unitPrice").asString()).isEqualTo("173.3333");
		assertThat(quote.json().get("lines").get(0).get("source").asString()).isEqualTo("AGREEMENT");
		this.api.post("/api/v1/quotes/" + quote.get("id") + "/send", null);
		String order = this.api.post("/api/v1/quotes/" + quote.get("id") + "/accept", null).get("orderId");
		assertThat(this.api.get("/api/v1/orders/" + order).json().get("lines").get(0).get("source").asString())
			.isEqualTo("AGREEMENT");
		String invoice = this.fixtures.deliver(order, product, "3");
		Api.Response billed = this.api.get("/api/v1/invoices/" + invoice);
		assertThat(billed.json().get("lines").get(0).get("unitPrice").asString()).isEqualTo("173.3333");
		assertThat(billed.json().get("lines").get(0).get("priceSource").asString()).isEqualTo("AGREEMENT");
		assertThat(billed.get("totalNet")).isEqualTo("520.00");
	}

	@Test
	void aRetiredProductStaysReadableButCannotBeSold() {
		Api.Response retired = this.api.post("/api/v1/products/" + this.sku + "/retire", null);
		assertThat(retired.status()).isEqualTo(200);
		assertThat(retired.json().get("active").asBoolean()).isFalse();
		assertThat(this.api.get("/api/v1/products/" + this.sku).json().get("active").asBoolean()).isFalse();
		Api.Response quote = this.api.post("/api/v1/quotes", map("customerId", this.fixtures.customer(), "lines",
				List.of(map("sku", this.sku, "quantity", "1", "unitPrice", "10"))));
		assertField(quote, "lines[0].sku");
	}

	@Test
	void aProductKeepsItsDescriptionExemptionAndRevenueAccount() {
		String exempt = Fixtures.unique("EXEMPT");
		assertField(this.api.post("/api/v1/products",
				map("sku", exempt, "name", "Formation", "unit", "hour", "taxRate", "0")), "exemptionReason");
		assertField(this.api.post("/api/v1/products",
				map("sku", exempt, "name", "Formation", "unit", "hour", "taxRate", "20", "revenueAccount", "411000")),
				"revenueAccount");
		Api.Response created = this.api.post("/api/v1/products",
				map("sku", exempt, "name", "Formation", "unit", "hour", "taxRate", "0", "exemptionReason",
						"Exonération de TVA, art. 261-4-4° du CGI", "revenueAccount", "706300", "description",
						"Formation professionnelle continue"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		Api.Response read = this.api.get("/api/v1/products/" + exempt);
		assertThat(read.get("exemptionReason")).startsWith("Exonération");
		assertThat(read.get("revenueAccount")).isEqualTo("706300");
		assertThat(this.api.get("/api/v1/products/" + this.sku).get("revenueAccount")).isEqualTo("706000");
	}

	private static void assertField(Api.Response r, String field) {
		assertThat(r.status()).as(r.toString()).isEqualTo(422);
		assertThat(r.json().get("errors").findValuesAsString("field")).contains(field);
	}

}
