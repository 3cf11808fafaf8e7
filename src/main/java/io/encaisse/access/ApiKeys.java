package io.encaisse.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Role;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys: created by an admin, shown once, stored as a SHA-256 hash (keys are long
 * random secrets, so a fast hash is enough and lets every request be checked in one
 * indexed lookup), revocable.
 */
@Service
@Transactional(readOnly = true)
public class ApiKeys {

	static final String DOCUMENT = "api-key";

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Today today;

	ApiKeys(JdbcClient jdbc, AuditTrail audit, Today today) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.today = today;
	}

	public record ApiKey(String id, String name, Role role, String prefix, Instant createdAt, String createdBy,
			Instant revokedAt) {

		public boolean active() {
			return this.revokedAt == null;
		}

	}

	/** A new key: {@code secret} is shown once and never again. */
	public record Created(ApiKey key, String secret) {
	}

	@Transactional
	public Created create(String name, String role) {
		Problem.Errors errors = new Problem.Errors();
		if (name == null || name.isBlank()) {
			errors.add("name", "is required");
		}
		else if (name.length() > 200) {
			errors.add("name", "must not exceed 200 characters");
		}
		Role r = null;
		try {
			r = role == null ? null : Role.valueOf(role);
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		if (r == null) {
			errors.add("role", "must be one of " + java.util.Arrays.toString(Role.values()));
		}
		errors.throwIfAny();
		StringBuilder secret = new StringBuilder("enc_");
		for (int i = 0; i < 40; i++) {
			secret.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		ApiKey key = store(name.trim(), r, secret.toString(), AuditTrail.currentActor());
		return new Created(key, secret.toString());
	}

	/** The bootstrap key of {@code ENCAISSE_BOOTSTRAP_API_KEY}. */
	@Transactional
	public void createBootstrapKey(String secret) {
		if (secret.length() < 16) {
			throw new IllegalArgumentException("ENCAISSE_BOOTSTRAP_API_KEY must hold at least 16 characters");
		}
		// once revoked, the bootstrap key stays revoked: look for it whatever its state
		boolean known = this.jdbc.sql("select count(*) from api_key where key_hash = :hash")
			.param("hash", hash(secret))
			.query(Integer.class)
			.single() > 0;
		if (!known) {
			store("bootstrap", Role.ADMIN, secret, "system");
		}
	}

	private ApiKey store(String name, Role role, String secret, String by) {
		String id = Ids.next("key");
		Instant now = this.today.instant();
		String prefix = secret.substring(0, Math.min(8, secret.length()));
		this.jdbc.sql("""
				insert into api_key (id, name, role, key_hash, key_prefix, created_at, created_by)
				values (:id, :name, :role, :hash, :prefix, :at, :by)""")
			.param("id", id)
			.param("name", name)
			.param("role", role.name())
			.param("hash", hash(secret))
			.param("prefix", prefix)
			.param("at", now.atOffset(ZoneOffset.UTC))
			.param("by", by)
			.update();
		this.audit.record(DOCUMENT, id, "created", AuditTrail.changes("name", name, "role", role));
		return new ApiKey(id, name, role, prefix, now, by, null);
	}

	public List<ApiKey> all() {
		return this.jdbc.sql("select * from api_key order by id desc")
			.query((rs, i) -> new ApiKey(rs.getString("id"), rs.getString("name"), Role.valueOf(rs.getString("role")),
					rs.getString("key_prefix"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					rs.getString("created_by"),
					Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class))
						.map(OffsetDateTime::toInstant)
						.orElse(null)))
			.list();
	}

	@Transactional
	public void revoke(String id) {
		int n = this.jdbc.sql("update api_key set revoked_at = :at where id = :id and revoked_at is null")
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.param("id", id)
			.update();
		if (n == 0) {
			boolean exists = this.jdbc.sql("select count(*) from api_key where id = :id")
				.param("id", id)
				.query(Integer.class)
				.single() > 0;
			if (!exists) {
				throw new Problem.NotFound("api key", id);
			}
			return;
		}
		this.audit.record(DOCUMENT, id, "revoked");
	}

	/** The active key with this secret, if any. */
	public Optional<ApiKey> authenticate(String secret) {
		return this.jdbc.sql(
				"select id, name, role, key_prefix, created_at, created_by from api_key where key_hash = :hash and revoked_at is null")
			.param("hash", hash(secret))
			.query((rs, i) -> new ApiKey(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
					rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6), null))
			.optional();
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
