package io.encaisse.access;

import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A colleague is invited with two roles, chooses a password from the mailed link (once),
 * logs in with both roles, and cannot once disabled; the last admin stays.
 */
@EncaisseTest
@AutoConfigureMockMvc
class UserAccountsTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	PasswordLinks links;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aColleagueIsInvitedSetsAPasswordOnceAndLogsInWithTwoRoles() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		String username = Fixtures.unique("claire").toLowerCase().replaceAll("[^a-z0-9._-]", "");
		Api.Response bad = api.post("/api/v1/users", map("username", username, "roles", List.of()));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("\"roles\"").contains("\"email\"");
		Api.Response invited = api.post("/api/v1/users", map("username", username, "displayName", "Claire Martin",
				"email", "claire@example.fr", "roles", List.of("billing", "COLLECTOR")));
		assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
		assertThat(invited.json().get("roles").toString()).contains("BILLING").contains("COLLECTOR");
		assertThat(api
			.post("/api/v1/users", map("username", username, "email", "x@example.fr", "roles", List.of("BILLING")))
			.body()).contains("already exists");
		assertThat(this.jdbc.sql("select count(*) from mail_outbox where kind = 'USER_INVITE' and subject_id = :u")
			.param("u", username)
			.query(Integer.class)
			.single()).isOne();

		// the invited account has no password anybody knows
		this.mvc.perform(formLogin("/login").user(username).password("anything-at-all")).andExpect(unauthenticated());

		String url = this.links.url(username);
		String path = url.substring(url.indexOf("/password/"));
		assertThat(this.mvc.perform(get(path)).andReturn().getResponse().getContentAsString()).contains(username);
		String differ = this.mvc
			.perform(post(path).with(csrf()).param("password", "a-long-password-1").param("again", "another-one-22"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(differ).contains("differ");
		assertThat(this.mvc
			.perform(post(path).with(csrf()).param("password", "a-long-password-1").param("again", "a-long-password-1"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/login?passwordSet");
		assertThat(this.mvc.perform(get(path)).andReturn().getResponse().getStatus()).as("a link sets a password once")
			.isEqualTo(410);

		var login = this.mvc.perform(formLogin("/login").user(username).password("a-long-password-1"))
			.andExpect(authenticated().withRoles("BILLING", "COLLECTOR"))
			.andReturn();
		var session = (org.springframework.mock.web.MockHttpSession) login.getRequest().getSession(false);
		var financeOnly = post("/collections/settings/rates").with(csrf())
			.session(session)
			.param("validFrom", "2020-01-01")
			.param("ecbRate", "0");
		assertThat(this.mvc.perform(financeOnly).andReturn().getResponse().getStatus()).isEqualTo(403);

		// the colleague changes their own password, saying the current one
		String wrong = this.mvc
			.perform(post("/account/password").with(csrf())
				.session(session)
				.param("current", "not-my-password")
				.param("password", "my-own-password-2")
				.param("again", "my-own-password-2"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(wrong).contains("current").contains("is not your current password");
		assertThat(this.mvc
			.perform(post("/account/password").with(csrf())
				.session(session)
				.param("current", "a-long-password-1")
				.param("password", "my-own-password-2")
				.param("again", "my-own-password-2"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/account/password");
		this.mvc.perform(formLogin("/login").user(username).password("my-own-password-2")).andExpect(authenticated());

		// the session follows a change of roles at once
		Api.Response changed = api.request("PATCH", "/api/v1/users/" + username, "{\"roles\": [\"FINANCE\"]}");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().get("roles").toString()).contains("FINANCE").doesNotContain("BILLING");
		assertThat(this.mvc.perform(financeOnly).andReturn().getResponse().getStatus()).isEqualTo(302);

		// a new link spends the one before; disabled, the session ends and no login works
		String before = this.links.url(username);
		assertThat(api.post("/api/v1/users/" + username + "/password-link", map()).status()).isEqualTo(202);
		assertThat(this.mvc.perform(get(before.substring(before.indexOf("/password/"))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(410);
		assertThat(api.post("/api/v1/users/" + username + "/disable", map()).get("enabled")).isEqualTo("false");
		assertThat(this.mvc.perform(get("/").session(session)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
		this.mvc.perform(formLogin("/login").user(username).password("my-own-password-2")).andExpect(unauthenticated());

		int admins = this.jdbc.sql("""
				select count(*) from staff_user u join staff_user_role r on r.username = u.username
				where r.role = 'ADMIN' and u.enabled and u.credential_version > 0""").query(Integer.class).single();
		if (admins == 1) {
			assertThat(api.post("/api/v1/users/admin/disable", map()).status()).as("the last admin stays")
				.isEqualTo(409);
		}
	}

}
