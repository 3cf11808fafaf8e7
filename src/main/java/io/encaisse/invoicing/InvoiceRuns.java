package io.encaisse.invoicing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk work on invoices with progress: issue a set of drafts, or send a set of issued
 * invoices. A run is stored with one row per invoice; a db-scheduler task (so any node,
 * and again after a crash) takes the pending rows in chunks and records each outcome. A
 * draft lacking mandatory data, or a mail that fails, is recorded as failed with its
 * reason; the others go on.
 */
@Service
public class InvoiceRuns {

	public static final String TASK = "invoice-run";

	static final int CHUNK = 250;

	private static final int MAX_INVOICES = 200_000;

	private final JdbcClient jdbc;

	private final InvoiceIssuer issuer;

	private final InvoiceDrafts drafts;

	private final InvoiceMail mail;

	private final TransactionTemplate transactions;

	private final Today today;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final org.springframework.jdbc.core.JdbcTemplate batch;

	private final Duration stalledAfter;

	/** The scheduler's heartbeats are wall time, whatever the business clock says. */
	private final java.time.Clock wallClock = java.time.Clock.systemUTC();

	InvoiceRuns(JdbcClient jdbc, InvoiceIssuer issuer, InvoiceDrafts drafts, InvoiceMail mail,
			TransactionTemplate transactions, Today today, ObjectProvider<SchedulerClient> scheduler,
			org.springframework.jdbc.core.JdbcTemplate batch,
			@Value("${db-scheduler.heartbeat-interval:PT5M}") Duration heartbeat) {
		this.batch = batch;
		// a node beats every heartbeat while it runs a task: three beats missed, it is
		// gone
		this.stalledAfter = heartbeat.multipliedBy(3);
		this.jdbc = jdbc;
		this.issuer = issuer;
		this.drafts = drafts;
		this.mail = mail;
		this.transactions = transactions;
		this.today = today;
		this.scheduler = scheduler;
	}

	public enum Kind {

		ISSUE, SEND

	}

	/**
	 * A run as the page and the API show it. {@code status} is RUNNING, DONE, or RESUMING
	 * while the node that ran it has stopped (a crash) and another is about to take it up
	 * where it stopped.
	 */
	public record Run(String id, String kind, String status, int total, int done, int failed, String createdBy,
			Instant createdAt, Instant finishedAt, List<Failure> failures) {

		public int percent() {
			return this.total == 0 ? 100 : (this.done + this.failed) * 100 / this.total;
		}

	}

	public record Failure(String invoiceId, String message) {
	}

	/**
	 * Starts a run over these invoices (each once, in the given order); with no ids, an
	 * issuing run takes every draft invoice, oldest first.
	 */
	public Run start(Kind kind, List<String> invoiceIds) {
		if (kind == null) {
			throw new Problem.Invalid("kind", "must be ISSUE or SEND");
		}
		List<String> ids = new ArrayList<>(new LinkedHashSet<>(invoiceIds == null ? List.of() : invoiceIds));
		if (ids.isEmpty() && kind == Kind.ISSUE) {
			ids = this.jdbc
				.sql("select id from invoice where status = 'DRAFT' and kind = 'INVOICE' order by created_at, id")
				.query(String.class)
				.list();
		}
		if (ids.isEmpty()) {
			throw new Problem.Invalid("invoiceIds",
					kind == Kind.ISSUE ? "there is no draft to issue" : "choose the invoices to send");
		}
		for (int i = 0; i < ids.size(); i++) {
			if (ids.get(i) == null || ids.get(i).isBlank() || ids.get(i).length() > 40) {
				throw new Problem.Invalid("invoiceIds[" + i + "]", "is not an invoice id");
			}
		}
		if (ids.size() > MAX_INVOICES) {
			throw new Problem.Invalid("invoiceIds", "at most " + MAX_INVOICES + " invoices per run");
		}
		String id = Ids.next("run");
		String actor = AuditTrail.currentActor();
		List<String> all = ids;
		this.transactions.executeWithoutResult(tx -> {
			this.jdbc.sql("""
					insert into invoice_run (id, kind, status, total, done, failed, created_by, created_at)
					values (:id, :kind, 'RUNNING', :total, 0, 0, :by, :at)""")
				.param("id", id)
				.param("kind", kind.name())
				.param("total", all.size())
				.param("by", actor)
				.param("at", this.today.instant().atOffset(java.time.ZoneOffset.UTC))
				.update();
			List<Object[]> rows = new ArrayList<>();
			for (int i = 0; i < all.size(); i++) {
				rows.add(new Object[] { id, i, all.get(i) });
			}
			for (int from = 0; from < rows.size(); from += 1000) {
				batch(rows.subList(from, Math.min(rows.size(), from + 1000)));
			}
		});
		SchedulerClient client = this.scheduler.getIfAvailable();
		if (client != null) {
			// due at once, whatever the business clock says (the scheduler runs on wall
			// time)
			client.scheduleIfNotExists(new com.github.kagkarlsson.scheduler.task.TaskInstance<>(TASK, id, id),
					Instant.EPOCH);
		}
		return get(id);
	}

	private void batch(List<Object[]> rows) {
		this.batch.batchUpdate(
				"insert into invoice_run_item (run_id, position, invoice_id, status) values (?, ?, ?, 'PENDING')",
				rows);
	}

	public Run get(String id) {
		// the run first, its failures after: a run read as DONE has all its outcomes
		// committed, so the list read next holds every one of them (read the other way
		// round, a chunk committing in between gave a DONE run with a failure count and
		// no failure listed)
		Run run = this.jdbc.sql("""
				select id, kind, status, total, done, failed, created_by, created_at, finished_at
				from invoice_run where id = :id""")
			.param("id", id)
			.query((rs, n) -> new Run(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6), rs.getString(7), rs.getObject(8, java.time.OffsetDateTime.class).toInstant(),
					rs.getObject(9, java.time.OffsetDateTime.class) == null ? null
							: rs.getObject(9, java.time.OffsetDateTime.class).toInstant(),
					List.of()))
			.optional()
			.orElseThrow(() -> new Problem.NotFound("invoice run", id));
		List<Failure> failures = this.jdbc.sql("""
				select invoice_id, message from invoice_run_item where run_id = :id and status = 'FAILED'
				order by position limit 200""")
			.param("id", id)
			.query((rs, n) -> new Failure(rs.getString(1), rs.getString(2)))
			.list();
		String status = "RUNNING".equals(run.status()) && stalled(id) ? "RESUMING" : run.status();
		return new Run(run.id(), run.kind(), status, run.total(), run.done(), run.failed(), run.createdBy(),
				run.createdAt(), run.finishedAt(), failures);
	}

	/**
	 * Whether the node working the run stopped beating: db-scheduler revives the task
	 * once its heartbeat is {@code db-scheduler.missed-heartbeats-limit} beats old.
	 */
	private boolean stalled(String id) {
		return this.jdbc.sql("""
				select last_heartbeat from scheduled_tasks
				where task_name = :task and task_instance = :id and picked = true""")
			.param("task", TASK)
			.param("id", id)
			.query((rs, n) -> Optional.ofNullable(rs.getObject(1, java.time.OffsetDateTime.class)))
			.list()
			.stream()
			.flatMap(Optional::stream)
			.anyMatch(beat -> beat.toInstant().isBefore(this.wallClock.instant().minus(this.stalledAfter)));
	}

	/** The latest runs, newest first. */
	public List<Run> recent() {
		return this.jdbc.sql("select id from invoice_run order by created_at desc, id desc limit 20")
			.query(String.class)
			.list()
			.stream()
			.map(this::get)
			.toList();
	}

	/**
	 * Works a run through: pending invoices in chunks until none is left. Safe to run
	 * again (after a crash the task is picked up and continues where it stopped).
	 */
	public void process(String runId) {
		var run = get(runId);
		var previous = SecurityContextHolder.getContext().getAuthentication();
		// the audit trail names who started the run
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(run.createdBy(), null, List.of()));
		try {
			while (true) {
				List<String[]> chunk = this.jdbc.sql("""
						select position, invoice_id from invoice_run_item where run_id = :id and status = 'PENDING'
						order by position limit :n""")
					.param("id", runId)
					.param("n", CHUNK)
					.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
					.list();
				if (chunk.isEmpty()) {
					break;
				}
				if (Kind.ISSUE.name().equals(run.kind())) {
					issue(runId, chunk);
				}
				else {
					send(runId, chunk);
				}
			}
			this.jdbc.sql("update invoice_run set status = 'DONE', finished_at = :at where id = :id")
				.param("at", this.today.instant().atOffset(java.time.ZoneOffset.UTC))
				.param("id", runId)
				.update();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}

	private void issue(String runId, List<String[]> chunk) {
		List<String> ids = chunk.stream().map(c -> c[1]).toList();
		try {
			this.transactions.executeWithoutResult(tx -> {
				Map<String, InvoiceIssuer.Issued> outcome = this.issuer.issueAll(ids);
				List<Object[]> rows = new ArrayList<>();
				int done = 0;
				for (String[] item : chunk) {
					InvoiceIssuer.Issued o = outcome.get(item[1]);
					done += o.number() != null ? 1 : 0;
					rows.add(new Object[] { o.number() != null ? "DONE" : "FAILED",
							o.number() != null ? o.number() : o.refusal(), runId, Integer.parseInt(item[0]) });
				}
				this.batch.batchUpdate("""
						update invoice_run_item set status = ?, message = ?
						where run_id = ? and position = ? and status = 'PENDING'""", rows);
				this.jdbc.sql("update invoice_run set done = done + :done, failed = failed + :failed where id = :id")
					.param("done", done)
					.param("failed", chunk.size() - done)
					.param("id", runId)
					.update();
			});
		}
		catch (Problem.Refused | org.springframework.dao.DataAccessException conflict) {
			// someone changed a draft meanwhile: one at a time, each with its own outcome
			for (String[] item : chunk) {
				try {
					this.transactions.executeWithoutResult(tx -> {
						InvoiceView issued = this.drafts.issue(item[1], null);
						record(runId, item[0], true, issued.number());
					});
				}
				catch (Problem.Refused refused) {
					this.transactions.executeWithoutResult(tx -> record(runId, item[0], false, refused.getMessage()));
				}
			}
		}
	}

	private void send(String runId, List<String[]> chunk) {
		for (String[] item : chunk) {
			boolean ok;
			String message;
			try {
				InvoiceMail.Sending sending = this.mail.sendNow(item[1]);
				ok = "SENT".equals(sending.status());
				message = ok ? sending.recipient() : sending.lastError();
			}
			catch (Problem.Refused refused) {
				ok = false;
				message = refused.getMessage();
			}
			boolean sent = ok;
			String why = message;
			this.transactions.executeWithoutResult(tx -> record(runId, item[0], sent, why));
		}
	}

	private void record(String runId, String position, boolean ok, String message) {
		String text = message == null ? null : message.length() > 500 ? message.substring(0, 499) + "…" : message;
		int updated = this.jdbc.sql("""
				update invoice_run_item set status = :status, message = :message
				where run_id = :id and position = :position and status = 'PENDING'""")
			.param("status", ok ? "DONE" : "FAILED")
			.param("message", text)
			.param("id", runId)
			.param("position", Integer.parseInt(position))
			.update();
		if (updated == 1) {
			this.jdbc
				.sql(ok ? "update invoice_run set done = done + 1 where id = :id"
						: "update invoice_run set failed = failed + 1 where id = :id")
				.param("id", runId)
				.update();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class RunTask {

		@Bean
		OneTimeTask<String> invoiceRunTask(ObjectProvider<InvoiceRuns> runs) {
			return Tasks.oneTime(TASK, String.class)
				.execute((instance, ctx) -> runs.getObject().process(instance.getData()));
		}

	}

}
