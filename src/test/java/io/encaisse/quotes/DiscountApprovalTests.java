package io.encaisse.quotes;

import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A discount above its author's limit waits for someone whose limit covers it, who says
 * why.
 */
@EncaisseTest
class DiscountApprovalTests {

	@LocalServerPort
	int port;

	Api admin;

	Api sales;

	Api manager;

	String customer;

	String sku;

	@BeforeEach
	void aCatalogAndAKeyPerRole() {
		this.admin = new Api(this.port, EncaisseTest.ADMIN_KEY);
		this.sales = keyOf("SALES");
		this.manager = keyOf("SALES_MANAGER");
		Fixtures fixtures = new Fixtures(this.admin);
		this.customer = fixtures.customer();
		this.sku = fixtures.product("100.00", "20");
	}

	@AfterEach
	void restoreTheDefaultPolicy() {
		this.admin.put("/api/v1/settings/discount-policy",
				map("SALES", "10.00", "SALES_MANAGER", "25.00", "ADMIN", "100.00"), null);
	}

	private Api keyOf(String role) {
		return this.admin.as(this.admin.post("/api/v1/api-keys", map("name", role, "role", role)).get("key"));
	}

	private Api.Response quote(Api as, String discount, String unitPrice) {
		return as.post("/api/v1/quotes", map("customerId", this.customer, "lines",
				List.of(map("sku", this.sku, "quantity", "2", "discountPercent", discount, "unitPrice", unitPrice))));
	}

	@Test
	void aDiscountWithinTheLimitNeedsNoApproval() {
		Api.Response q = quote(this.sales, "10", null);
		assertThat(q.get("status")).isEqualTo("DRAFT");
		assertThat(this.sales.post("/api/v1/quotes/" + q.get("id") + "/send", null).get("status")).isEqualTo("SENT");
	}

	@Test
	void aDiscountAboveTheLimitWaitsAndCannotBeSent() {
		Api.Response q = quote(this.sales, "15", null);
		assertThat(q.get("status")).isEqualTo("PENDING_APPROVAL");
		assertThat(q.get("maxDiscount")).isEqualTo("15");
		Api.Response send = this.sales.post("/api/v1/quotes/" + q.get("id") + "/send", null);
		assertThat(send.status()).isEqualTo(422);
		assertThat(send.json().get("errors").findValuesAsString("field")).contains("approval");
	}

	@Test
	void aTypedPriceBelowTheCatalogCountsAsADiscount() {
		Api.Response q = quote(this.sales, null, "85.00");
		assertThat(q.get("status")).isEqualTo("PENDING_APPROVAL");
		assertThat(q.json().get("lines").get(0).get("source").asString()).isEqualTo("MANUAL");
	}

	@Test
	void aManagerApprovesWithAReasonAndTheQuoteCanThenBeSent() {
		String id = quote(this.sales, "20", null).get("id");
		Api.Response noReason = this.manager.post("/api/v1/quotes/" + id + "/approve", map());
		assertThat(noReason.status()).isEqualTo(422);
		Api.Response approved = this.manager.post("/api/v1/quotes/" + id + "/approve",
				map("reason", "Volume commitment for 2027"));
		assertThat(approved.get("status")).isEqualTo("DRAFT");
		assertThat(approved.get("approvedBy")).startsWith("key:");
		assertThat(approved.get("approvalReason")).isEqualTo("Volume commitment for 2027");
		assertThat(this.sales.post("/api/v1/quotes/" + id + "/send", null).get("status")).isEqualTo("SENT");
	}

	@Test
	void anApproverWhoseLimitDoesNotCoverTheDiscountIsRefused() {
		String id = quote(this.sales, "30", null).get("id");
		assertThat(this.manager.post("/api/v1/quotes/" + id + "/approve", map("reason", "why not")).status())
			.isEqualTo(403);
		assertThat(
				this.admin.post("/api/v1/quotes/" + id + "/approve", map("reason", "strategic account")).get("status"))
			.isEqualTo("DRAFT");
	}

	@Test
	void financeSetsThePolicyAndBadLimitsAreRefused() {
		Api finance = keyOf("FINANCE");
		Api.Response policy = finance.put("/api/v1/settings/discount-policy",
				map("SALES", "20.00", "SALES_MANAGER", "30.00"), null);
		assertThat(policy.status()).isEqualTo(200);
		assertThat(quote(this.sales, "15", null).get("status")).isEqualTo("DRAFT");
		Api.Response bad = finance.put("/api/v1/settings/discount-policy", map("SALES", "120", "NOBODY", "5"), null);
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.json().get("errors").findValuesAsString("field")).contains("SALES", "NOBODY");
		assertThat(this.sales.put("/api/v1/settings/discount-policy", map("SALES", "90"), null).status())
			.isEqualTo(403);
	}

}
