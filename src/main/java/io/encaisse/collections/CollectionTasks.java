package io.encaisse.collections;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.encaisse.customers.Customers;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collectors' tasks: something to do for a customer by a date, assigned to a
 * collector (by default the customer's). Set by hand, or raised by the dunning run: a
 * phone level asks for a call, a broken promise for a chase. A raised task names what
 * raised it, and the database keeps that name unique: a second run raises nothing more.
 */
@Service
@Transactional(readOnly = true)
public class CollectionTasks {

	static final String DOCUMENT = "collection-task";

	private final JdbcClient jdbc;

	private final Customers customers;

	private final AuditTrail audit;

	private final Today today;

	CollectionTasks(JdbcClient jdbc, Customers customers, AuditTrail audit, Today today) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.audit = audit;
		this.today = today;
	}

	public enum Status {

		OPEN, DONE

	}

	/**
	 * What a task is: set by hand, a call a phone level asks for, a promise broken to
	 * chase.
	 */
	public enum Kind {

		MANUAL, CALL, BROKEN_PROMISE

	}

	public record Task(String id, String customerId, String customerName, String invoiceId, Kind kind, String title,
			LocalDate dueOn, String assignee, Status status, String raisedBy, String createdBy, Instant createdAt,
			String doneBy, Instant doneAt) {

		public boolean overdue(LocalDate today) {
			return this.status == Status.OPEN && this.dueOn.isBefore(today);
		}

	}

	public record Input(String title, LocalDate dueOn, String assignee, String invoiceId) {
	}

	/** Which tasks: of a customer, of an assignee, open only. */
	public record Filter(String customerId, String assignee, boolean openOnly) {
	}

	@Transactional
	public Task create(String customerId, Input input) {
		this.customers.get(customerId);
		Problem.Errors errors = new Problem.Errors();
		if (input == null) {
			throw new Problem.Invalid("title", "is required");
		}
		String title = input.title() == null ? "" : input.title().strip();
		if (title.isEmpty()) {
			errors.add("title", "is required");
		}
		else if (title.length() > 300) {
			errors.add("title", "must not exceed 300 characters");
		}
		LocalDate due = input.dueOn() == null ? this.today.date() : input.dueOn();
		if (due.isBefore(this.today.date())) {
			errors.add("dueOn", "must not be before today (" + this.today.date() + ")");
		}
		String invoiceId = blank(input.invoiceId());
		InvoiceOfCustomer.check(this.jdbc, errors, invoiceId, customerId);
		errors.throwIfAny();
		String assignee = blank(input.assignee());
		if (assignee == null) {
			assignee = collectorOf(customerId);
		}
		String id = Ids.next("ctk");
		try {
			this.jdbc.sql("""
					insert into collection_task (id, customer_id, invoice_id, kind, title, due_on, assignee, status,
					  created_by, created_at) values (:id, :c, :i, 'MANUAL', :t, :d, :a, 'OPEN', :by, :at)""")
				.param("id", id)
				.param("c", customerId)
				.param("i", invoiceId)
				.param("t", title)
				.param("d", due)
				.param("a", assignee)
				.param("by", AuditTrail.currentActor())
				.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DataIntegrityViolationException unknown) {
			throw new Problem.Invalid("assignee", "no user " + assignee);
		}
		this.audit.record(DOCUMENT, id, "created",
				AuditTrail.changes("customer", customerId, "title", title, "dueOn", due, "assignee", assignee));
		return get(id);
	}

	/** Marks an open task done (done twice is the same as once). */
	@Transactional
	public Task done(String id) {
		Task task = get(id);
		if (task.status() == Status.DONE) {
			return task;
		}
		this.jdbc.sql("""
				update collection_task set status = 'DONE', done_by = :by, done_at = :at
				where id = :id and status = 'OPEN'""")
			.param("by", AuditTrail.currentActor())
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.param("id", id)
			.update();
		this.audit.record(DOCUMENT, id, "done");
		return get(id);
	}

	public Task get(String id) {
		return select("t.id = :id", Map.of("id", id), 1).stream()
			.findFirst()
			.orElseThrow(() -> new Problem.NotFound("task", id));
	}

	/** Tasks, the earliest due first. */
	public List<Task> list(Filter filter, int limit) {
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		where.add("1 = 1");
		if (filter.customerId() != null) {
			where.add("t.customer_id = :c");
			params.put("c", filter.customerId());
		}
		if (filter.assignee() != null) {
			where.add("t.assignee = :a");
			params.put("a", filter.assignee());
		}
		if (filter.openOnly()) {
			where.add("t.status = 'OPEN'");
		}
		return select(String.join(" and ", where), params, Math.max(1, Math.min(limit, 500)));
	}

	private List<Task> select(String where, Map<String, Object> params, int limit) {
		return this.jdbc
			.sql("""
					select t.id, t.customer_id, n.name, t.invoice_id, t.kind, t.title, t.due_on, t.assignee, t.status, t.raised_by,
					       t.created_by, t.created_at, t.done_by, t.done_at
					from collection_task t join customers_name n on n.customer_id = t.customer_id
					where %s order by t.status desc, t.due_on, t.id fetch first %d rows only"""
				.formatted(where, limit))
			.params(params)
			.query((rs, n) -> new Task(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					Kind.valueOf(rs.getString(5)), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8),
					Status.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11),
					rs.getTimestamp(12).toInstant(), rs.getString(13),
					rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant()))
			.list();
	}

	/** A task the run raises: what raised it (unique), for whom, what, by when. */
	record Raised(String raisedBy, String customerId, String invoiceId, Kind kind, String title, LocalDate dueOn) {
	}

	/**
	 * Raises tasks once each (a task already raised by the same thing is left as it is),
	 * assigned to the customers' collectors. Answers how many were new.
	 */
	@Transactional
	int raise(List<Raised> tasks) {
		int raised = 0;
		var at = this.today.instant().atOffset(ZoneOffset.UTC);
		for (Raised task : tasks) {
			raised += this.jdbc
				.sql("""
						insert into collection_task (id, customer_id, invoice_id, kind, title, due_on, assignee, status,
						  raised_by, created_by, created_at)
						select :id, :c, :i, :k, :t, :d, (select s.collector from collection_setting s where s.customer_id = :c),
						  'OPEN', :raised, 'system', :at
						where not exists (select 1 from collection_task where raised_by = :raised)
						on conflict do nothing""")
				.param("id", Ids.next("ctk"))
				.param("c", task.customerId())
				.param("i", task.invoiceId())
				.param("k", task.kind().name())
				.param("t", task.title().length() > 300 ? task.title().substring(0, 299) + "…" : task.title())
				.param("d", task.dueOn())
				.param("raised", task.raisedBy())
				.param("at", at)
				.update();
		}
		return raised;
	}

	/**
	 * Raises a call for each message of the run on the phone channel, due the run's date,
	 * once per message. Answers how many.
	 */
	@Transactional
	int raiseCalls(String runId, LocalDate dueOn) {
		return this.jdbc.sql("""
				insert into collection_task (id, customer_id, invoice_id, kind, title, due_on, assignee, status,
				  raised_by, created_by, created_at)
				select concat('ctk_', m.id), m.customer_id, null, 'CALL',
				  cast(m.level as varchar(10)), :d,
				  s.collector, 'OPEN', concat('dunning-message:', m.id), 'system', :at
				from dunning_message m left join collection_setting s on s.customer_id = m.customer_id
				where m.run_id = :run and m.channel = 'PHONE'
				on conflict do nothing""")
			.param("d", dueOn)
			.param("run", runId)
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

	/** The collector the customer is assigned to, if any. */
	String collectorOf(String customerId) {
		return this.jdbc.sql("select collector from collection_setting where customer_id = :c")
			.param("c", customerId)
			.query(String.class)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
