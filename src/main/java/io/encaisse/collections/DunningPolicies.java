package io.encaisse.collections;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dunning policies: a courtesy reminder some days before the due date, then any number of
 * levels at set days after it, each with a channel and an escalation. A customer follows
 * the policy set for it, else the one of its risk class, else the default (one ships:
 * courtesy 5 days before, levels at 7, 21 and 45 days, the last a formal notice).
 */
@Service
@Transactional(readOnly = true)
public class DunningPolicies {

	static final String DOCUMENT = "dunning-policy";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Today today;

	DunningPolicies(JdbcClient jdbc, AuditTrail audit, Today today) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.today = today;
	}

	/** One level of a policy. */
	public record Level(int level, int daysAfterDue, DunningChannel channel, String escalation) {
	}

	/**
	 * A policy; {@code invoicePenalties}: the run issues a penalty note for each invoice
	 * of its customers paid late.
	 */
	public record Policy(String id, String name, Integer courtesyDaysBefore, String riskClass, boolean isDefault,
			List<Level> levels, boolean invoicePenalties, String segment) {
	}

	/** What a policy is made of, as typed. */
	public record Input(String name, Integer courtesyDaysBefore, String riskClass, Boolean isDefault,
			List<LevelInput> levels, Boolean invoicePenalties, String segment) {

		public record LevelInput(Integer daysAfterDue, String channel, String escalation) {
		}

	}

	public List<Policy> list() {
		Map<String, List<Level>> levels = new HashMap<>();
		this.jdbc.sql("select policy_id, level, days_after_due, channel, escalation from dunning_level order by level")
			.query((rs, n) -> levels.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
				.add(new Level(rs.getInt(2), rs.getInt(3), DunningChannel.valueOf(rs.getString(4)), rs.getString(5))))
			.list();
		return this.jdbc.sql("""
				select id, name, courtesy_days_before, risk_class, is_default, invoice_penalties, segment
				from dunning_policy order by name""")
			.query((rs, n) -> new Policy(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4),
					rs.getBoolean(5), levels.getOrDefault(rs.getString(1), List.of()), rs.getBoolean(6),
					rs.getString(7)))
			.list();
	}

	public Policy get(String id) {
		return list().stream()
			.filter(p -> p.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new Problem.NotFound("dunning policy", id));
	}

	/**
	 * A new policy, checked: levels in increasing days, channels and escalations known.
	 */
	@Transactional
	public Policy create(Input input) {
		Problem.Errors errors = new Problem.Errors();
		if (input == null || input.name() == null || input.name().isBlank() || input.name().length() > 100) {
			errors.add("name", "is required (at most 100 characters)");
		}
		else if (this.jdbc.sql("select count(*) from dunning_policy where name = :n")
			.param("n", input.name().strip())
			.query(Integer.class)
			.single() > 0) {
			errors.add("name", "a policy is already called '" + input.name().strip() + "'");
		}
		if (input != null && input.courtesyDaysBefore() != null
				&& (input.courtesyDaysBefore() < 0 || input.courtesyDaysBefore() > 30)) {
			errors.add("courtesyDaysBefore", "must be between 0 and 30 days");
		}
		String risk = input == null || input.riskClass() == null || input.riskClass().isBlank() ? null
				: input.riskClass().strip().toUpperCase(Locale.ROOT);
		if (risk != null && io.encaisse.shared.RiskClass.parse(risk).isEmpty()) {
			errors.add("riskClass", "must be LOW, MEDIUM or HIGH");
		}
		String segment = input == null || input.segment() == null || input.segment().isBlank() ? null
				: input.segment().strip();
		if (segment != null && risk != null) {
			errors.add("segment", "a policy is for a segment or for a risk class, not both");
		}
		else if (segment != null
				&& (segment.length() > 40 || this.jdbc.sql("select count(*) from dunning_policy where segment = :s")
					.param("s", segment)
					.query(Integer.class)
					.single() > 0)) {
			errors.add("segment", "a policy covers the segment '" + segment + "' already (at most 40 characters)");
		}
		List<Level> levels = new ArrayList<>();
		if (input == null || input.levels() == null || input.levels().isEmpty()) {
			errors.add("levels", "a policy needs at least one level after the due date");
		}
		else {
			int previous = 0;
			for (int i = 0; i < input.levels().size(); i++) {
				Input.LevelInput l = input.levels().get(i);
				String field = "levels[" + i + "]";
				if (l == null || l.daysAfterDue() == null || l.daysAfterDue() <= previous || l.daysAfterDue() > 365) {
					errors.add(field + ".daysAfterDue",
							"must be after the previous level (" + previous + " days) and at most 365 days");
					continue;
				}
				previous = l.daysAfterDue();
				DunningChannel channel = null;
				try {
					channel = DunningChannel.valueOf(String.valueOf(l.channel()).strip().toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					errors.add(field + ".channel", "must be EMAIL, LETTER, PHONE or FORMAL_NOTICE");
				}
				String escalation = l.escalation() == null || l.escalation().isBlank() ? null
						: l.escalation().strip().toUpperCase(Locale.ROOT);
				if (escalation != null && !List.of("CREDIT_HOLD", "COLLECTION_AGENCY").contains(escalation)) {
					errors.add(field + ".escalation", "must be CREDIT_HOLD or COLLECTION_AGENCY");
				}
				if (channel != null) {
					levels.add(new Level(i + 1, l.daysAfterDue(), channel, escalation));
				}
			}
		}
		errors.throwIfAny();
		String id = Ids.next("dpo");
		boolean isDefault = Boolean.TRUE.equals(input.isDefault());
		if (isDefault) {
			this.jdbc.sql("update dunning_policy set is_default = false where is_default").update();
		}
		this.jdbc.sql("""
				insert into dunning_policy (id, name, courtesy_days_before, risk_class, is_default, created_at,
				  invoice_penalties, segment) values (:id, :name, :courtesy, :risk, :def, :at, :penalties, :segment)""")
			.param("segment", segment)
			.param("penalties", Boolean.TRUE.equals(input.invoicePenalties()))
			.param("id", id)
			.param("name", input.name().strip())
			.param("courtesy", input.courtesyDaysBefore())
			.param("risk", risk)
			.param("def", isDefault)
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.update();
		for (Level l : levels) {
			this.jdbc.sql("""
					insert into dunning_level (policy_id, level, days_after_due, channel, escalation)
					values (:p, :l, :d, :c, :e)""")
				.param("p", id)
				.param("l", l.level())
				.param("d", l.daysAfterDue())
				.param("c", l.channel().name())
				.param("e", l.escalation())
				.update();
		}
		this.audit.record(DOCUMENT, id, "created", AuditTrail.changes("name", input.name().strip(), "levels",
				levels.stream().map(l -> l.daysAfterDue() + " d " + l.channel()).toList(), "default", isDefault));
		return get(id);
	}

}
