package io.encaisse.invoicing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * A run whose node stopped beating (a crash) says so while another takes it up (issue 21,
 * D5): the API answers RESUMING and the page explains that nothing done is lost. The
 * take-over itself, within about a minute, is in {@code crash.KillNineTests}.
 */
@EncaisseTest
@AutoConfigureMockMvc
class ResumingRunTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	@WithMockUser(roles = "BILLING")
	void aRunWhoseNodeStoppedBeatingIsShownResuming() throws Exception {
		String run = "run_" + Fixtures.unique("RESUMING").replace("-", "").toUpperCase();
		this.jdbc.sql("""
				insert into invoice_run (id, kind, status, total, done, failed, created_by, created_at)
				values (:id, 'ISSUE', 'RUNNING', 3000, 2500, 0, 'key:bootstrap', :at)""")
			.param("id", run)
			.param("at", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		// picked by a node whose last beat is four beats old: not yet revived (six), but
		// gone
		this.jdbc
			.sql("""
					insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, last_heartbeat,
					version)
					values ('invoice-run', :id, :at, true, 'a-node-that-died', :beat, 1)""")
			.param("id", run)
			.param("at", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5))
			.param("beat", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(40))
			.update();
		try {
			Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
			Api.Response resuming = api.get("/api/v1/invoice-runs/" + run);
			assertThat(resuming.get("status")).isEqualTo("RESUMING");
			assertThat(resuming.json().get("done").asInt()).isEqualTo(2500);
			this.mvc.perform(get("/invoices/runs/" + run).param("lang", "en"))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Nothing done is lost")));

			this.jdbc.sql("update scheduled_tasks set last_heartbeat = :now where task_instance = :id")
				.param("now", OffsetDateTime.now(ZoneOffset.UTC))
				.param("id", run)
				.update();
			assertThat(api.get("/api/v1/invoice-runs/" + run).get("status")).isEqualTo("RUNNING");
		}
		finally {
			this.jdbc.sql("delete from scheduled_tasks where task_instance = :id").param("id", run).update();
			this.jdbc.sql("update invoice_run set status = 'DONE' where id = :id").param("id", run).update();
		}
	}

}
