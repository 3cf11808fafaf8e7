package io.encaisse.collections;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;
import io.encaisse.shared.mail.MailOutbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dunning run at a date: every open invoice past a level of its customer's policy gets
 * that level's notice once ever (the notice's primary key is the invoice and the level),
 * only its highest level due; the notices of a customer at a level and currency make one
 * message, mailed through the outbox. Skipped: customers excluded from dunning, the
 * disputed amount of an invoice (all of it when it is all disputed), invoices under a
 * live promise to pay, invoices a direct debit is collecting. Dunning resumes by itself
 * when a dispute closes or a promise breaks, and stops at payment (only open invoices are
 * read). Set-based: one statement per level of each policy, whatever the number of
 * invoices; one run at a time on every node. A dry run says what would leave and writes
 * nothing.
 */
@Service
@Transactional(readOnly = true)
public class DunningRuns {

	static final String DOCUMENT = "dunning-run";

	static final String MAIL_KIND = "DUNNING";

	/** How far back the run looks for invoices paid late to invoice their penalties. */
	static final int PENALTY_DAYS = 31;

	/** A direct debit is trusted to collect this long after its collection date. */
	static final int DIRECT_DEBIT_DAYS = 5;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final DunningPolicies policies;

	private final MailOutbox outbox;

	private final AuditTrail audit;

	private final Today today;

	private final Promises promises;

	private final io.encaisse.customers.CreditHolds holds;

	private final CollectionTasks tasks;

	private final PenaltyNotes penaltyNotes;

	DunningRuns(JdbcClient jdbc, JdbcTemplate batch, DunningPolicies policies, MailOutbox outbox, AuditTrail audit,
			Today today, Promises promises, io.encaisse.customers.CreditHolds holds, CollectionTasks tasks,
			PenaltyNotes penaltyNotes) {
		this.penaltyNotes = penaltyNotes;
		this.tasks = tasks;
		this.promises = promises;
		this.holds = holds;
		this.jdbc = jdbc;
		this.batch = batch;
		this.policies = policies;
		this.outbox = outbox;
		this.audit = audit;
		this.today = today;
	}

	/** One message of a run: a customer's invoices at one level, in one currency. */
	public record Message(String id, String customerId, String customerName, int level, DunningChannel channel,
			String currency, String totalDue, int invoices) {
	}

	/**
	 * A run: its date, what it sent (the largest messages first, at most 1,000 listed).
	 */
	public record Run(String id, LocalDate asOf, boolean dryRun, int messageCount, int noticeCount, String startedBy,
			Instant startedAt, List<Message> messages) {
	}

	/** A run asked for: at a date (today by default), for real or as a preview. */
	public record Request(LocalDate asOf, Boolean dryRun) {
	}

	@Transactional
	public Run run(Request request) {
		LocalDate asOf = request == null || request.asOf() == null ? this.today.date() : request.asOf();
		boolean dry = request != null && Boolean.TRUE.equals(request.dryRun());
		if (asOf.isAfter(this.today.date())) {
			throw new Problem.Invalid("asOf", "must not be after today (" + this.today.date() + ")");
		}
		List<DunningPolicies.Policy> all = this.policies.list();
		if (dry) {
			Map<String, Message> preview = new LinkedHashMap<>();
			forEachBand(all, asOf,
					(band, where, params) -> this.jdbc.sql("""
							select r.customer_id, r.currency, count(*), sum(r.open_amount - coalesce(d.disputed, 0))
							""" + where + " group by r.customer_id, r.currency")
						.params(params)
						.query((rs, n) -> preview.put(rs.getString(1) + "|" + band.level() + "|" + rs.getString(2),
								new Message(null, rs.getString(1), null, band.level(), band.channel(), rs.getString(2),
										Money.of(rs.getBigDecimal(4), rs.getString(2)).toPlainString(), rs.getInt(3))))
						.list());
			List<Message> messages = named(new ArrayList<>(preview.values()));
			return new Run(null, asOf, true, messages.size(), messages.stream().mapToInt(Message::invoices).sum(),
					AuditTrail.currentActor(), this.today.instant(), top(messages));
		}
		// one run at a time, whichever node: the second waits, then finds the notices
		// sent (a preview writes nothing and waits for nobody)
		this.jdbc.sql("select id from dunning_lock where id = 1 for update").query(Integer.class).list();
		// promises decided by now: kept, or broken (their invoices are dunned again, and
		// the collector chases the customer)
		List<String> broken = this.promises.settle(asOf);
		this.tasks.raise(broken.stream()
			.map(this.promises::get)
			.map(p -> new CollectionTasks.Raised("promise:" + p.id(), p.customerId(),
					p.invoiceIds().size() == 1 ? p.invoiceIds().get(0) : null, CollectionTasks.Kind.BROKEN_PROMISE,
					p.amount() + " " + p.currency() + " · " + p.promisedOn(), asOf))
			.toList());
		int courtesy = queueCourtesyReminders(all, asOf);
		int penalties = invoicePenalties(all, asOf);
		String runId = Ids.next("dru");
		Instant now = this.today.instant();
		this.jdbc.sql("""
				insert into dunning_run (id, as_of, started_by, started_at, messages, notices)
				values (:id, :asOf, :by, :at, 0, 0)""")
			.param("id", runId)
			.param("asOf", asOf)
			.param("by", AuditTrail.currentActor())
			.param("at", now.atOffset(ZoneOffset.UTC))
			.update();
		long t0 = System.nanoTime();
		forEachBand(all, asOf, (band, where, params) -> {
			Map<String, Object> p = new HashMap<>(params);
			p.put("run", runId);
			p.put("channel", band.channel().name());
			int inserted = this.jdbc
				.sql("""
						insert into dunning_notice (invoice_id, level, run_id, customer_id, currency, amount, channel,
						  policy_id)
						select r.invoice_id, :level, :run, r.customer_id, r.currency, r.open_amount - coalesce(d.disputed, 0),
						  :channel, :policy
						"""
						+ where + " on conflict do nothing")
				.params(p)
				.update();
			if (inserted > 0 && "CREDIT_HOLD".equals(band.escalation())) {
				// the level escalates: its customers order nothing more until released
				List<String> held = this.jdbc.sql("""
						select distinct customer_id from dunning_notice where run_id = :run and policy_id = :policy
						and level = :level""").params(p).query(String.class).list();
				this.holds.holdAll(held, "dunning level " + band.level() + " (run " + runId + ")");
			}
		});
		long t1 = System.nanoTime();
		List<Object[]> rows = new ArrayList<>();
		List<MailOutbox.ToQueue> mails = new ArrayList<>();
		java.sql.Timestamp at = java.sql.Timestamp.from(now);
		this.jdbc
			.sql("""
					select customer_id, level, currency, channel, count(*), sum(amount) from dunning_notice where run_id = :run
					group by customer_id, level, currency, channel""")
			.param("run", runId)
			.query((rs, n) -> {
				String id = Ids.next("dmg");
				DunningChannel channel = DunningChannel.valueOf(rs.getString(4));
				rows.add(new Object[] { id, runId, rs.getString(1), rs.getInt(2), channel.name(), rs.getString(3),
						rs.getBigDecimal(6), rs.getInt(5), at });
				if (channel.mailed()) {
					mails.add(new MailOutbox.ToQueue(MAIL_KIND, id, MAIL_KIND + ":" + id, "L" + rs.getInt(2), null));
				}
				return null;
			})
			.list();
		for (int from = 0; from < rows.size(); from += 1000) {
			this.batch.batchUpdate("""
					insert into dunning_message (id, run_id, customer_id, level, channel, currency, total_due, invoices,
					  created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
					rows.subList(from, Math.min(rows.size(), from + 1000)));
		}
		long t2 = System.nanoTime();
		this.outbox.queue(mails);
		// a phone level is a call for the customer's collector
		this.tasks.raiseCalls(runId, asOf);
		long t3 = System.nanoTime();
		org.slf4j.LoggerFactory.getLogger(DunningRuns.class)
			.debug("run {}: notices {} ms, messages {} ms, mails queued {} ms", runId, (t1 - t0) / 1_000_000,
					(t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
		int notices = rows.stream().mapToInt(r -> (Integer) r[7]).sum();
		this.jdbc.sql("""
				update dunning_run set messages = :m, notices = :n, finished_at = :at where id = :id""")
			.param("m", rows.size())
			.param("n", notices)
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.param("id", runId)
			.update();
		this.audit.record(DOCUMENT, runId, "run", AuditTrail.changes("asOf", asOf, "messages", rows.size(), "notices",
				notices, "mailed", mails.size(), "courtesy reminders", courtesy, "penalty notes", penalties));
		return get(runId);
	}

	/** One level of one policy, and the invoices it concerns at the date. */
	private interface Band {

		void each(DunningPolicies.Level band, String fromWhere, Map<String, Object> params);

	}

	/**
	 * The segments and the risk classes a policy of their own covers (the default policy
	 * leaves them; a segment's policy comes before a risk class's).
	 */
	private record Covered(Set<String> segments, Set<String> risks) {
	}

	private static Covered riskClassesWithPolicy(List<DunningPolicies.Policy> policies) {
		return new Covered(
				policies.stream()
					.map(DunningPolicies.Policy::segment)
					.filter(r -> r != null)
					.collect(Collectors.toSet()),
				policies.stream()
					.map(DunningPolicies.Policy::riskClass)
					.filter(r -> r != null)
					.collect(Collectors.toSet()));
	}

	/**
	 * The SQL that says a customer follows this policy: explicitly, else by its segment,
	 * else by its risk class, else by default.
	 */
	private static List<String> applies(DunningPolicies.Policy policy, Covered covered) {
		String noSegmentPolicy = covered.segments().isEmpty() ? ""
				: " and (c.segment is null or c.segment not in (:segments))";
		List<String> applies = new ArrayList<>();
		applies.add("s.policy_id = :policy");
		if (policy.segment() != null) {
			applies.add("(s.policy_id is null and c.segment = :segment)");
		}
		if (policy.riskClass() != null) {
			applies.add("(s.policy_id is null and c.risk_class = :risk" + noSegmentPolicy + ")");
		}
		if (policy.isDefault()) {
			applies.add("(s.policy_id is null" + noSegmentPolicy
					+ (covered.risks().isEmpty() ? "" : " and c.risk_class not in (:risks)") + ")");
		}
		return applies;
	}

	private static Map<String, Object> policyParams(DunningPolicies.Policy policy, Covered covered) {
		Map<String, Object> params = new HashMap<>();
		params.put("policy", policy.id());
		if (policy.segment() != null) {
			params.put("segment", policy.segment());
		}
		if (policy.riskClass() != null) {
			params.put("risk", policy.riskClass());
		}
		if ((policy.isDefault() || policy.riskClass() != null) && !covered.segments().isEmpty()) {
			params.put("segments", covered.segments());
		}
		if (policy.isDefault() && !covered.risks().isEmpty()) {
			params.put("risks", covered.risks());
		}
		return params;
	}

	/**
	 * The courtesy reminders of the policies that have one: each open invoice falling due
	 * within the policy's days gets the invoice's reminder mail once (the same outbox row
	 * invoicing's global courtesy reminder uses: never two). Answers how many were
	 * queued.
	 */
	private int queueCourtesyReminders(List<DunningPolicies.Policy> policies, LocalDate asOf) {
		Covered riskClassesWithPolicy = riskClassesWithPolicy(policies);
		int queued = 0;
		for (DunningPolicies.Policy policy : policies) {
			if (policy.courtesyDaysBefore() == null || policy.courtesyDaysBefore() <= 0) {
				continue;
			}
			Map<String, Object> params = policyParams(policy, riskClassesWithPolicy);
			params.put("asOf", asOf);
			params.put("until", asOf.plusDays(policy.courtesyDaysBefore()));
			params.put("now", this.today.instant().atOffset(ZoneOffset.UTC));
			queued += this.jdbc
				.sql("""
						insert into mail_outbox (id, kind, subject_id, dedupe_key, recipient, status, attempts, next_attempt_at,
						  created_at)
						select concat('mob_r_', r.invoice_id), 'INVOICE_REMINDER', r.invoice_id,
						  concat('INVOICE_REMINDER:', r.invoice_id), e.email, 'QUEUED', 0, :now, :now
						from invoicing_receivable r
						join customers_email e on e.customer_id = r.customer_id
						join customers_risk c on c.customer_id = r.customer_id
						left join collection_setting s on s.customer_id = r.customer_id
						where r.status in ('ISSUED', 'PARTIALLY_PAID') and e.email is not null
						  and r.due_date >= :asOf and r.due_date <= :until and coalesce(s.excluded, false) = false
						  and ("""
						+ String.join(" or ", applies(policy, riskClassesWithPolicy)) + """
								)
								on conflict do nothing""")
				.params(params)
				.update();
		}
		return queued;
	}

	/**
	 * The penalty notes of the policies that invoice penalties: each invoice of their
	 * customers paid late in the last {@value #PENALTY_DAYS} days (earlier ones were paid
	 * before anyone asked) that has no note yet and whose charges are not all waived.
	 */
	private int invoicePenalties(List<DunningPolicies.Policy> policies, LocalDate asOf) {
		Covered riskClassesWithPolicy = riskClassesWithPolicy(policies);
		int issued = 0;
		for (DunningPolicies.Policy policy : policies) {
			if (!policy.invoicePenalties()) {
				continue;
			}
			Map<String, Object> params = policyParams(policy, riskClassesWithPolicy);
			params.put("since", asOf.minusDays(PENALTY_DAYS));
			params.put("asOf", asOf);
			List<String> paidLate = this.jdbc
				.sql("""
						select r.invoice_id from invoicing_receivable r
						join customers_risk c on c.customer_id = r.customer_id
						left join collection_setting s on s.customer_id = r.customer_id
						left join late_charge_waiver w on w.invoice_id = r.invoice_id
						where r.status = 'PAID' and r.last_settled_on > r.due_date and r.last_settled_on > :since
						  and r.last_settled_on <= :asOf and coalesce(s.excluded, false) = false
						  and not exists (select 1 from penalty_note p where p.invoice_id = r.invoice_id)
						  and (w.invoice_id is null or w.interest = false or w.indemnity = false) and ("""
						+ String.join(" or ", applies(policy, riskClassesWithPolicy)) + ")")
				.params(params)
				.query(String.class)
				.list();
			issued += this.penaltyNotes.issueAll(paidLate, asOf);
		}
		return issued;
	}

	/**
	 * Calls back once per level of each policy with the SQL {@code from ... where ...} of
	 * the invoices whose highest level due at {@code asOf} is that one, not noticed at it
	 * or higher yet, not paused, for the customers that policy applies to.
	 */
	private void forEachBand(List<DunningPolicies.Policy> policies, LocalDate asOf, Band band) {
		Covered riskClassesWithPolicy = riskClassesWithPolicy(policies);
		for (DunningPolicies.Policy policy : policies) {
			List<String> applies = applies(policy, riskClassesWithPolicy);
			List<DunningPolicies.Level> levels = policy.levels();
			for (int i = 0; i < levels.size(); i++) {
				DunningPolicies.Level level = levels.get(i);
				Map<String, Object> params = policyParams(policy, riskClassesWithPolicy);
				params.put("level", level.level());
				params.put("asOf", asOf);
				params.put("dueBy", asOf.minusDays(level.daysAfterDue()));
				params.put("ddSince", asOf.minusDays(DIRECT_DEBIT_DAYS));
				String upper = "";
				if (i + 1 < levels.size()) {
					// past the next level: that one is due instead
					upper = " and r.due_date > :dueAfter";
					params.put("dueAfter", asOf.minusDays(levels.get(i + 1).daysAfterDue()));
				}
				band.each(level, """
						from invoicing_receivable r
						join customers_risk c on c.customer_id = r.customer_id
						left join collection_setting s on s.customer_id = r.customer_id
						left join (select invoice_id, sum(amount) as disputed from invoice_dispute where status = 'OPEN'
						           group by invoice_id) d on d.invoice_id = r.invoice_id
						left join (select invoice_id, max(level) as top from dunning_notice group by invoice_id) done
						  on done.invoice_id = r.invoice_id
						where r.status in ('ISSUED', 'PARTIALLY_PAID') and r.due_date <= :dueBy""" + upper + """

						and coalesce(s.excluded, false) = false and (""" + String.join(" or ", applies)
						+ """
								)
								  and r.open_amount - coalesce(d.disputed, 0) > 0 and coalesce(done.top, 0) < :level
								  and not exists (select 1 from payment_promise_invoice pi
								                  join payment_promise p on p.id = pi.promise_id
								                  where pi.invoice_id = r.invoice_id and p.status = 'OPEN'
								                  and p.promised_on >= :asOf)
								  and not exists (select 1 from payments_direct_debit_pending dd where dd.invoice_id = r.invoice_id
								                  and dd.collection_date >= :ddSince)""",
						params);
			}
		}
	}

	public Run get(String id) {
		Run run = this.jdbc.sql("""
				select id, as_of, messages, notices, started_by, started_at from dunning_run where id = :id""")
			.param("id", id)
			.query((rs, n) -> new Run(rs.getString(1), rs.getObject(2, LocalDate.class), false, rs.getInt(3),
					rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant(), List.of()))
			.optional()
			.orElseThrow(() -> new Problem.NotFound("dunning run", id));
		List<Message> messages = messages("m.run_id = :v", id, 1000);
		return new Run(run.id(), run.asOf(), false, run.messageCount(), run.noticeCount(), run.startedBy(),
				run.startedAt(), messages);
	}

	/** A past run, and how many of its messages are letters to print. */
	public record Past(String id, LocalDate asOf, int messages, int notices, int letters, Instant startedAt) {
	}

	/** The latest runs, newest first. */
	public List<Past> recent(int limit) {
		return this.jdbc
			.sql("""
					select d.id, d.as_of, d.messages, d.notices, d.started_at,
					  (select count(*) from dunning_message m where m.run_id = d.id and m.channel in ('LETTER', 'FORMAL_NOTICE'))
					from dunning_run d order by d.started_at desc, d.id desc fetch first %d rows only"""
				.formatted(limit))
			.query((rs, n) -> new Past(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getInt(4),
					rs.getInt(6), rs.getTimestamp(5).toInstant()))
			.list();
	}

	/** A customer's reminders, newest first. */
	public List<Message> ofCustomer(String customerId) {
		return messages("m.customer_id = :v", customerId, 500);
	}

	/** One message, for its mail. */
	Optional<Message> message(String id) {
		return messages("m.id = :v", id, 1).stream().findFirst();
	}

	private List<Message> messages(String where, String value, int limit) {
		return this.jdbc
			.sql("""
					select m.id, m.customer_id, c.name, m.level, m.channel, m.currency, m.total_due, m.invoices
					from dunning_message m join customers_name c on c.customer_id = m.customer_id
					where %s order by m.created_at desc, m.total_due desc, m.id fetch first %d rows only"""
				.formatted(where, limit))
			.param("v", value)
			.query((rs, n) -> new Message(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					DunningChannel.valueOf(rs.getString(5)), rs.getString(6),
					Money.of(rs.getBigDecimal(7), rs.getString(6)).toPlainString(), rs.getInt(8)))
			.list();
	}

	private List<Message> named(List<Message> messages) {
		if (messages.isEmpty()) {
			return messages;
		}
		Map<String, String> names = new HashMap<>();
		for (int from = 0; from < messages.size(); from += 1000) {
			this.jdbc.sql("select customer_id, name from customers_name where customer_id in (:ids)")
				.param("ids",
						messages.subList(from, Math.min(messages.size(), from + 1000))
							.stream()
							.map(Message::customerId)
							.distinct()
							.toList())
				.query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
				.list();
		}
		return messages.stream()
			.map(m -> new Message(m.id(), m.customerId(), names.get(m.customerId()), m.level(), m.channel(),
					m.currency(), m.totalDue(), m.invoices()))
			.toList();
	}

	private static List<Message> top(List<Message> messages) {
		return messages.stream()
			.sorted((a, b) -> new BigDecimal(b.totalDue()).compareTo(new BigDecimal(a.totalDue())))
			.limit(1000)
			.toList();
	}

}
