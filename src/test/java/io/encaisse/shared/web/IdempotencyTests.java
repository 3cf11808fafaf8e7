package io.encaisse.shared.web;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key}: replays belong to one caller's id and one operation, are
 * authorised like the request, never hold a secret, are kept 24 hours, and a request cut
 * by a crash does not block its key for ever (issue 21, D1, D3, D4).
 */
@EncaisseTest
class IdempotencyTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdempotencyRecords records;

	Api admin;

	@BeforeEach
	void connect() {
		this.admin = new Api(this.port, EncaisseTest.ADMIN_KEY);
	}

	private Api key(String name, String role) {
		Api.Response created = this.admin.post("/api/v1/api-keys", map("name", name, "role", role));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return this.admin.as(created.get("key"));
	}

	@Test
	void aKeyNamedLikeAnotherNeverReplaysItsAnswers() {
		String name = Fixtures.unique("shared-name");
		Api reader = key(name, "READ_ONLY");
		Api otherAdmin = key(name, "ADMIN");
		String idem = Fixtures.unique("create-ci-key");
		Object body = map("name", "ci-deployer", "role", "ADMIN");
		Api.Response first = otherAdmin.post("/api/v1/api-keys", body, idem);
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.get("key")).startsWith("enc_");

		Api.Response stolen = reader.post("/api/v1/api-keys", body, idem);

		assertThat(stolen.status()).as(stolen.toString()).isEqualTo(403);
		assertThat(stolen.body()).doesNotContain(first.get("key")).doesNotContain(first.get("id"));
		assertThat(stolen.headers()).doesNotContainKey("idempotent-replayed");
	}

	@Test
	void aReplayIsAuthorisedLikeTheRequest() {
		Api.Response created = this.admin.post("/api/v1/api-keys",
				map("name", Fixtures.unique("demoted"), "role", "ADMIN"));
		Api demoted = this.admin.as(created.get("key"));
		String idem = Fixtures.unique("k");
		Object body = map("name", Fixtures.unique("made-by-demoted"), "role", "READ_ONLY");
		assertThat(demoted.post("/api/v1/api-keys", body, idem).status()).isEqualTo(201);
		// the key loses its rights (a person's role can change; a key's cannot through
		// the API)
		this.jdbc.sql("update api_key set role = 'READ_ONLY' where id = :id").param("id", created.get("id")).update();

		Api.Response replay = demoted.post("/api/v1/api-keys", body, idem);

		assertThat(replay.status()).as(replay.toString()).isEqualTo(403);
		assertThat(replay.headers()).doesNotContainKey("idempotent-replayed");
	}

	@Test
	void aKeyBelongsToOneOperation() {
		String idem = Fixtures.unique("k");
		Api.Response customer = this.admin.post("/api/v1/customers",
				map("name", Fixtures.unique("Idem"), "currency", "EUR"), idem);
		Api.Response product = this.admin.post("/api/v1/products",
				map("sku", Fixtures.unique("IDEM"), "name", "P", "unit", "piece", "taxRate", "20.00", "price", "10.00"),
				idem);
		assertThat(customer.status()).isEqualTo(201);
		assertThat(product.status()).as(product.toString()).isEqualTo(201);
		assertThat(product.headers()).doesNotContainKey("idempotent-replayed");
	}

	@Test
	void aNewSecretIsNeverKeptForAReplay() {
		String idem = Fixtures.unique("k");
		Object body = map("name", Fixtures.unique("shown-once"), "role", "READ_ONLY");
		Api.Response first = this.admin.post("/api/v1/api-keys", body, idem);
		String secret = first.get("key");
		assertThat(secret).startsWith("enc_");
		assertThat(this.jdbc.sql("select count(*) from idempotency_key where response_body like :s")
			.param("s", "%" + secret + "%")
			.query(Integer.class)
			.single()).isZero();

		Api.Response replay = this.admin.post("/api/v1/api-keys", body, idem);

		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.headers().get("idempotent-replayed")).isEqualTo("true");
		assertThat(replay.get("id")).isEqualTo(first.get("id"));
		assertThat(replay.get("key")).isNull();
	}

	@Test
	void answersAreKeptTwentyFourHours() {
		String idem = Fixtures.unique("k");
		Object body = map("name", Fixtures.unique("Kept"), "currency", "EUR");
		Api.Response first = this.admin.post("/api/v1/customers", body, idem);
		OffsetDateTime dayAndMinuteAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(24).minusMinutes(1);
		this.jdbc.sql("update idempotency_key set created_at = :at where idem_key = :k")
			.param("at", dayAndMinuteAgo)
			.param("k", idem)
			.update();

		Api.Response later = this.admin.post("/api/v1/customers", body, idem);

		assertThat(later.status()).isEqualTo(201);
		assertThat(later.get("id")).isNotEqualTo(first.get("id"));
		assertThat(later.headers()).doesNotContainKey("idempotent-replayed");
	}

	@Test
	void thePurgeDeletesWhatIsPastItsRetention() {
		String old = Fixtures.unique("old");
		this.admin.post("/api/v1/customers", map("name", Fixtures.unique("Old"), "currency", "EUR"), old);
		String recent = Fixtures.unique("recent");
		this.admin.post("/api/v1/customers", map("name", Fixtures.unique("Recent"), "currency", "EUR"), recent);
		this.jdbc.sql("update idempotency_key set created_at = :at where idem_key = :k")
			.param("at", OffsetDateTime.now(ZoneOffset.UTC).minusDays(2))
			.param("k", old)
			.update();

		this.records.purge();

		assertThat(count(old)).isZero();
		assertThat(count(recent)).isOne();
	}

	@Test
	void aRequestCutByACrashDoesNotBlockItsKeyForEver() {
		String idem = Fixtures.unique("k");
		Object body = map("name", Fixtures.unique("Cut"), "currency", "EUR");
		Api.Response first = this.admin.post("/api/v1/customers", body, idem);
		assertThat(first.status()).isEqualTo(201);
		// as a kill -9 leaves it: claimed, never answered, its lease still running
		this.jdbc.sql("""
				update idempotency_key set response_status = null, response_body = null, lease_until = :until
				where idem_key = :k""")
			.param("until", OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(30))
			.param("k", idem)
			.update();
		Api.Response meanwhile = this.admin.post("/api/v1/customers", body, idem);
		assertThat(meanwhile.status()).isEqualTo(409);
		assertThat(Integer.parseInt(meanwhile.headers().get("retry-after"))).isBetween(1, 61);

		// the lease runs out: nobody is running it any more, the retry does
		this.jdbc.sql("update idempotency_key set lease_until = :until where idem_key = :k")
			.param("until", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1))
			.param("k", idem)
			.update();
		Api.Response retry = this.admin.post("/api/v1/customers", body, idem);

		assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
		assertThat(this.admin.post("/api/v1/customers", body, idem).headers().get("idempotent-replayed"))
			.isEqualTo("true");
	}

	@Test
	void aStatementOverTwentyMegabytesMayCarryAKey() {
		byte[] big = new byte[21 * 1024 * 1024];
		java.util.Arrays.fill(big, (byte) ' ');
		System.arraycopy("<x>".getBytes(), 0, big, 0, 3);
		Api.Response r = this.admin.send("/api/v1/bank-statements", big, "application/xml");
		Api.Response keyed = this.admin.sendWithKey("/api/v1/bank-statements", big, "application/xml",
				Fixtures.unique("big"));

		assertThat(keyed.status()).as(keyed.toString()).isEqualTo(r.status()).isNotEqualTo(413);
	}

	private int count(String idem) {
		return this.jdbc.sql("select count(*) from idempotency_key where idem_key = :k")
			.param("k", idem)
			.query(Integer.class)
			.single();
	}

}
