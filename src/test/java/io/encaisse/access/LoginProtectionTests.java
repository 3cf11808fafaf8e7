package io.encaisse.access;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.encaisse.shared.Role;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login page against guessing, and the session cookie and headers a browser is given
 * (issue 21, D9), through the real server.
 */
@EncaisseTest
class LoginProtectionTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffUsers users;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private HttpResponse<String> login(String username, String password) throws Exception {
		HttpResponse<String> page = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).as(page.body()).isTrue();
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void thirtyWrongPasswordsLockTheNameAndTheRightOneDoesNotGetThrough() throws Exception {
		String name = Fixtures.unique("guessed").toLowerCase();
		this.users.create(name, "Guessed", Role.BILLING, "the-right-password");
		for (int i = 0; i < 30; i++) {
			HttpResponse<String> wrong = login(name, "wrong-" + i);
			assertThat(wrong.statusCode()).isEqualTo(302);
			assertThat(wrong.headers().firstValue("Location").orElseThrow()).contains("/login?");
		}

		HttpResponse<String> right = login(name, "the-right-password");

		assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith("/login?locked");
		// once the lock has run out, the right password gets in and clears the count
		this.jdbc.sql("update login_failure set locked_until = :past where username = :u")
			.param("past", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(1))
			.param("u", name)
			.update();
		HttpResponse<String> later = login(name, "the-right-password");
		assertThat(later.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
		assertThat(this.jdbc.sql("select count(*) from login_failure where username = :u")
			.param("u", name)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aLockDoublesWithEachFailureAfterTheFifthUpToAnHour() {
		assertThat(LoginThrottle.lock(5)).hasMinutes(1);
		assertThat(LoginThrottle.lock(6)).hasMinutes(2);
		assertThat(LoginThrottle.lock(8)).hasMinutes(8);
		assertThat(LoginThrottle.lock(30)).hasHours(1);
	}

	@Test
	void theSessionCookieIsSameSiteAndSecureOverHttps() throws Exception {
		HttpResponse<String> plain = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());
		String cookie = plain.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
		assertThat(plain.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(plain.headers().firstValue("Permissions-Policy").orElseThrow()).contains("camera=()");

		HttpResponse<String> behindTls = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login"))
				.header("X-Forwarded-Proto", "https")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(behindTls.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure")
			.contains("SameSite=Lax");
	}

}
