package io.encaisse.payments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's webhook: signed with the shared secret, recent, applied once per event
 * id, matched by the invoice number in the metadata.
 */
@EncaisseTest
class GatewayEventTests {

	static final String SECRET = "whsec_test_0123456789abcdef";

	@LocalServerPort
	int port;

	static String signature(String body, long timestamp, String secret) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return "t=" + timestamp + ",v1="
				+ HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
	}

	Api.Response deliver(Api anonymous, String body, String signature) {
		return anonymous.postWithHeader("/api/v1/gateway/events", body, "Stripe-Signature", signature);
	}

	@Test
	void aSignedSucceededPaymentPaysTheInvoiceOnceAndForgeriesAndReplaysAreRefused() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("83.25", "20");
		String invoice = fixtures.deliver(fixtures.acceptedOrder(fixtures.customer(), sku, "1"), sku, "1");
		Api.Response issued = api.get("/api/v1/invoices/" + invoice);
		long cents = new java.math.BigDecimal(issued.get("amountDue")).movePointRight(2).longValueExact();
		String eventId = Fixtures.unique("evt");
		String body = """
				{"id":"%s","type":"payment_intent.succeeded","data":{"object":{"id":"pi_%s","object":"payment_intent",
				"amount":%d,"amount_received":%d,"currency":"eur","metadata":{"invoice_number":"%s"}}}}"""
			.formatted(eventId, eventId, cents, cents, issued.get("number"));
		Api anonymous = new Api(this.port, null);
		long now = Instant.now().getEpochSecond();

		Api.Response forged = deliver(anonymous, body, signature(body, now, "whsec_wrong"));
		assertThat(forged.status()).isEqualTo(403);
		Api.Response stale = deliver(anonymous, body, signature(body, now - 3600, SECRET));
		assertThat(stale.status()).isEqualTo(403);
		assertThat(stale.body()).contains("replayed");
		assertThat(deliver(anonymous, body, null).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/invoices/" + invoice).get("status")).isEqualTo("ISSUED");

		Api.Response applied = deliver(anonymous, body, signature(body, now, SECRET));
		assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
		assertThat(applied.get("status")).isEqualTo("MATCHED");
		assertThat(api.get("/api/v1/invoices/" + invoice).get("status")).isEqualTo("PAID");

		Api.Response again = deliver(anonymous, body, signature(body, now + 1, SECRET));
		assertThat(again.get("alreadyReceived")).isEqualTo("true");
		assertThat(again.get("paymentId")).isEqualTo(applied.get("paymentId"));

		// the same money told again as a charge, or the same intent under another event
		// id
		String charge = """
				{"id":"%s","type":"charge.succeeded","data":{"object":{"id":"ch_%s","amount":%d,"currency":"eur",
				"captured":true,"payment_intent":"pi_%s","metadata":{"invoice_number":"%s"}}}}"""
			.formatted(Fixtures.unique("evt"), eventId, cents, eventId, issued.get("number"));
		assertThat(deliver(anonymous, charge, signature(charge, now, SECRET)).get("status")).isEqualTo("IGNORED");
		String resent = body.replace(eventId + "\",\"type\"", Fixtures.unique("evt") + "\",\"type\"");
		Api.Response twice = deliver(anonymous, resent, signature(resent, now, SECRET));
		assertThat(twice.get("status")).isEqualTo("IGNORED");
		assertThat(twice.get("reason")).contains("already recorded");
		assertThat(api.get("/api/v1/payments?limit=500").json().get("data").findValuesAsString("id"))
			.containsOnlyOnce(applied.get("paymentId"));

		String other = """
				{"id":"%s","type":"customer.created","data":{"object":{"id":"cus_1"}}}"""
			.formatted(Fixtures.unique("evt"));
		assertThat(deliver(anonymous, other, signature(other, now, SECRET)).get("status")).isEqualTo("IGNORED");
		assertThat(deliver(anonymous, "{not json", signature("{not json", now, SECRET)).status()).isEqualTo(422);
	}

}
