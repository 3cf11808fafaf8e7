package io.encaisse.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links given to customers (their quote, their order): the payload and its expiry, signed
 * with HMAC-SHA256 under a key made once and kept in the database, so every node signs
 * and checks alike. The purpose is signed too: a quote's link opens no order.
 */
@Component
public class SignedLinks {

	private final JdbcClient jdbc;

	private final Today today;

	private volatile byte[] key;

	private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

	private final String publicUrl;

	SignedLinks(JdbcClient jdbc, Today today, org.springframework.transaction.PlatformTransactionManager transactions,
			@org.springframework.beans.factory.annotation.Value("${encaisse.public-url:http://localhost:8080}") String publicUrl) {
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
		this.ownTransaction
			.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		this.today = today;
	}

	/** The address of a page as people outside reach it ({@code encaisse.public-url}). */
	public String url(String path) {
		return this.publicUrl + path;
	}

	/** A token for {@code fields} (none may hold ':'), valid until {@code expires}. */
	public String token(String purpose, Instant expires, String... fields) {
		String payload = purpose + ":" + expires.getEpochSecond() + ":" + String.join(":", fields);
		return b64(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64(sign(payload));
	}

	/**
	 * The fields of a token signed for this purpose; a forged, mangled or foreign token
	 * is a 404, an expired one a 409.
	 */
	public String[] fields(String purpose, String token) {
		Problem.NotFound unknown = new Problem.NotFound("link", "(this link is not valid)");
		if (token == null || token.length() > 400 || token.indexOf('.') < 1) {
			throw unknown;
		}
		String[] halves = token.split("\\.", 2);
		String payload;
		byte[] signature;
		try {
			payload = new String(Base64.getUrlDecoder().decode(halves[0]), StandardCharsets.UTF_8);
			signature = Base64.getUrlDecoder().decode(halves[1]);
		}
		catch (IllegalArgumentException ex) {
			throw unknown;
		}
		if (!MessageDigest.isEqual(sign(payload), signature)) {
			throw unknown;
		}
		String[] parts = payload.split(":");
		if (parts.length < 3 || !parts[0].equals(purpose)) {
			throw unknown;
		}
		long expires;
		try {
			expires = Long.parseLong(parts[1]);
		}
		catch (NumberFormatException ex) {
			throw unknown;
		}
		if (this.today.instant().isAfter(Instant.ofEpochSecond(expires))) {
			throw new Problem.StateConflict("this link has expired; ask for a new one");
		}
		String[] fields = new String[parts.length - 2];
		System.arraycopy(parts, 2, fields, 0, fields.length);
		return fields;
	}

	/** When a token expires (it must verify first). */
	public Instant expiry(String purpose, String token) {
		fields(purpose, token);
		String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.", 2)[0]), StandardCharsets.UTF_8);
		return Instant.ofEpochSecond(Long.parseLong(payload.split(":")[1]));
	}

	private byte[] sign(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] key() {
		byte[] k = this.key;
		if (k == null) {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			// made and read in a transaction of its own: a caller's rollback must not
			// leave
			// this node with a key no other node has
			String stored = this.ownTransaction.execute(tx -> {
				this.jdbc
					.sql("insert into app_secret (name, secret) values ('customer-links', :v) on conflict do nothing")
					.param("v", Base64.getEncoder().encodeToString(fresh))
					.update();
				return this.jdbc.sql("select secret from app_secret where name = 'customer-links'")
					.query(String.class)
					.single();
			});
			k = Base64.getDecoder().decode(stored);
			this.key = k;
		}
		return k;
	}

	private static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
