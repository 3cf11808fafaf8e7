package io.encaisse.payments;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Card and wallet payments reported by a payment gateway's webhook, in the
 * Stripe-compatible event format. The signature ({@code t=<unix time>,v1=<hex
 * HMAC-SHA256 of "t.body">}) is verified with the shared secret and must be recent (a
 * replayed old delivery is refused); each event id is applied once, so a delivery
 * repeated by the gateway changes nothing. Succeeded payments become payments matched
 * like any other, by the invoice number the checkout put in the metadata; other event
 * types are acknowledged and recorded as ignored.
 */
@Service
public class GatewayEvents {

	/**
	 * The one event a payment is recorded from: a gateway also sends charge.succeeded and
	 * checkout.session.completed for the same money, under other event ids.
	 */
	private static final String PAYMENT_TYPE = "payment_intent.succeeded";

	private final Payments payments;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Today today;

	private final String secret;

	private final long toleranceSeconds;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	GatewayEvents(Payments payments, JdbcClient jdbc, AuditTrail audit, Today today,
			@Value("${encaisse.gateway.webhook-secret:}") String secret,
			@Value("${encaisse.gateway.tolerance-seconds:300}") long toleranceSeconds) {
		this.payments = payments;
		this.jdbc = jdbc;
		this.audit = audit;
		this.today = today;
		this.secret = secret;
		this.toleranceSeconds = toleranceSeconds;
		// signatures carry the gateway's wall-clock time, not the business clock
		this.clock = Clock.systemUTC();
	}

	/** What became of an event. */
	public record Outcome(String eventId, String type, String status, String reason, String paymentId,
			boolean alreadyReceived) {
	}

	/**
	 * Verifies and applies one delivery. A bad or stale signature is a
	 * {@link Problem.Forbidden}; a malformed body a {@link Problem.Invalid}.
	 */
	@Transactional
	public Outcome receive(byte[] body, String signatureHeader) {
		verify(body, signatureHeader);
		JsonNode event;
		try {
			event = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new Problem.Invalid("body", "is not a JSON event");
		}
		String id = text(event, "id");
		String type = text(event, "type");
		if (id == null || type == null) {
			throw new Problem.Invalid("id", "an event needs an id and a type");
		}
		Optional<Outcome> known = find(id);
		if (known.isPresent()) {
			return known.get();
		}
		JsonNode object = event.path("data").path("object");
		String objectId = text(object, "id");
		String status = "IGNORED";
		String reason = "event type " + type + " moves no money we match";
		String paymentId = null;
		Optional<String> samePayment = objectId == null ? Optional.empty()
				: this.jdbc.sql("""
						select payment_id from gateway_event where object_id = :object and payment_id is not null""")
					.param("object", objectId)
					.query(String.class)
					.list()
					.stream()
					.findFirst();
		if (PAYMENT_TYPE.equals(type)) {
			PaymentInput input = paymentOf(object);
			if (samePayment.isPresent()) {
				reason = "the payment " + objectId + " was already recorded as " + samePayment.get();
			}
			else if (object.has("status") && !"succeeded".equals(text(object, "status"))) {
				reason = "the payment is " + text(object, "status") + ", not succeeded";
			}
			else if (input == null) {
				reason = "the event holds no amount";
			}
			else {
				PaymentView payment = this.payments.receive(input, false);
				paymentId = payment.id();
				status = payment.status().name();
				reason = payment.matchReason();
			}
		}
		try {
			this.jdbc.sql("""
					insert into gateway_event (event_id, type, object_id, status, reason, payment_id, received_at)
					values (:id, :type, :object, :status, :reason, :payment, :at)""")
				.param("id", id)
				.param("type", type)
				.param("object", objectId)
				.param("status", status)
				.param("reason", reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500))
				.param("payment", paymentId)
				.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException concurrent) {
			// the same event delivered twice at once: the other delivery won; this
			// transaction rolls back with its payment
			throw new Problem.StateConflict("event " + id + " is being applied by another delivery");
		}
		this.audit.record("gateway-event", id, "received",
				AuditTrail.changes("type", type, "status", status, "payment", paymentId));
		return new Outcome(id, type, status, reason, paymentId, false);
	}

	private Optional<Outcome> find(String id) {
		return this.jdbc
			.sql("select event_id, type, status, reason, payment_id from gateway_event where event_id = :id")
			.param("id", id)
			.query((rs, i) -> new Outcome(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), true))
			.optional();
	}

	private PaymentInput paymentOf(JsonNode object) {
		JsonNode minor = object.has("amount_received") ? object.get("amount_received")
				: object.has("amount_total") ? object.get("amount_total") : object.get("amount");
		String currencyCode = text(object, "currency");
		if (minor == null || !minor.canConvertToLong() || minor.asLong() <= 0 || currencyCode == null) {
			return null;
		}
		Currency currency;
		try {
			currency = Currency.getInstance(currencyCode.toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new Problem.Invalid("data.object.currency", "'" + currencyCode + "' is not a currency");
		}
		BigDecimal amount = BigDecimal.valueOf(minor.asLong(), currency.getDefaultFractionDigits());
		JsonNode metadata = object.path("metadata");
		List<String> reference = new ArrayList<>();
		for (String key : List.of("invoice_number", "invoice", "payment_reference")) {
			String v = text(metadata, key);
			if (v != null) {
				reference.add(v);
			}
		}
		if (reference.isEmpty() && text(object, "description") != null) {
			reference.add(text(object, "description"));
		}
		String payer = text(object.path("billing_details"), "name");
		if (payer == null) {
			payer = text(object.path("customer_details"), "name");
		}
		return new PaymentInput(null, amount.toPlainString(), currency.getCurrencyCode(), this.today.date(),
				reference.isEmpty() ? null : String.join(" ", reference), null, payer);
	}

	private void verify(byte[] body, String header) {
		if (this.secret == null || this.secret.isBlank()) {
			throw new Problem.Forbidden("no gateway webhook secret is configured (encaisse.gateway.webhook-secret)");
		}
		if (header == null || header.isBlank()) {
			throw new Problem.Forbidden("the Stripe-Signature header is missing");
		}
		Long timestamp = null;
		List<String> signatures = new ArrayList<>();
		for (String part : header.split(",")) {
			String[] kv = part.trim().split("=", 2);
			if (kv.length != 2) {
				continue;
			}
			if (kv[0].equals("t")) {
				try {
					timestamp = Long.parseLong(kv[1]);
				}
				catch (NumberFormatException ex) {
					throw new Problem.Forbidden("the signature's timestamp is not a number");
				}
			}
			else if (kv[0].equals("v1")) {
				signatures.add(kv[1]);
			}
		}
		if (timestamp == null || signatures.isEmpty()) {
			throw new Problem.Forbidden("the signature needs t= and v1=");
		}
		long age = Math.abs(this.clock.instant().getEpochSecond() - timestamp);
		if (age > this.toleranceSeconds) {
			throw new Problem.Forbidden("the signature is " + age + " s old (at most " + this.toleranceSeconds
					+ " s): a replayed or delayed delivery");
		}
		byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
		byte[] signed = new byte[prefix.length + body.length];
		System.arraycopy(prefix, 0, signed, 0, prefix.length);
		System.arraycopy(body, 0, signed, prefix.length, body.length);
		byte[] expected = sign(signed);
		for (String candidate : signatures) {
			byte[] given;
			try {
				given = HexFormat.of().parseHex(candidate);
			}
			catch (IllegalArgumentException ex) {
				continue;
			}
			if (MessageDigest.isEqual(expected, given)) {
				return;
			}
		}
		throw new Problem.Forbidden("the signature does not match the body");
	}

	/** HMAC-SHA256 with the webhook secret. */
	byte[] sign(byte[] payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(payload);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode v = node == null ? null : node.get(field);
		return v == null || v.isNull() || !v.isValueNode() ? null : v.asString();
	}

}
