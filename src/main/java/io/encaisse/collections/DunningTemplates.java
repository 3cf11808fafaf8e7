package io.encaisse.collections;

import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dunning level's wording per language, set by finance, replacing the built-in one: a
 * subject and a body with placeholders ({@code {{customer}}}, {@code {{invoices}}}: one
 * line per invoice, {@code {{count}}}, {@code {{total}}}, {@code {{interest}}},
 * {@code {{rate}}}, {@code {{payee}}}, {@code {{iban}}}, {@code {{bic}}},
 * {@code {{link}}}: the customer's account) filled when the reminder leaves.
 */
@Service
@Transactional(readOnly = true)
public class DunningTemplates {

	/** The placeholders a template may use. */
	public static final Set<String> PLACEHOLDERS = Set.of("customer", "invoices", "count", "total", "interest", "rate",
			"payee", "iban", "bic", "link");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

	private final JdbcClient jdbc;

	private final DunningPolicies policies;

	private final AuditTrail audit;

	private final Today today;

	DunningTemplates(JdbcClient jdbc, DunningPolicies policies, AuditTrail audit, Today today) {
		this.jdbc = jdbc;
		this.policies = policies;
		this.audit = audit;
		this.today = today;
	}

	public record Template(String policyId, int level, String language, String subject, String body) {
	}

	public record Input(String subject, String body) {
	}

	public List<Template> of(String policyId) {
		this.policies.get(policyId);
		return this.jdbc
			.sql("""
					select level, language, subject, body from dunning_template where policy_id = :p order by level, language""")
			.param("p", policyId)
			.query((rs, n) -> new Template(policyId, rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	public Optional<Template> find(String policyId, int level, String language) {
		return this.jdbc.sql("""
				select subject, body from dunning_template where policy_id = :p and level = :l and language = :lang""")
			.param("p", policyId)
			.param("l", level)
			.param("lang", language)
			.query((rs, n) -> new Template(policyId, level, language, rs.getString(1), rs.getString(2)))
			.optional();
	}

	@Transactional
	public Template save(String policyId, int level, String language, Input input) {
		DunningPolicies.Policy policy = this.policies.get(policyId);
		if (policy.levels().stream().noneMatch(l -> l.level() == level)) {
			throw new Problem.NotFound("level of policy " + policy.name(), String.valueOf(level));
		}
		Problem.Errors errors = new Problem.Errors();
		if (!List.of("fr", "en").contains(language)) {
			errors.add("language", "must be fr or en");
		}
		String subject = input == null || input.subject() == null ? "" : input.subject().strip();
		String body = input == null || input.body() == null ? "" : input.body().strip();
		if (subject.isEmpty() || subject.length() > 200) {
			errors.add("subject", "is required (at most 200 characters)");
		}
		if (body.isEmpty() || body.length() > 10_000) {
			errors.add("body", "is required (at most 10,000 characters)");
		}
		unknown(errors, "subject", subject);
		unknown(errors, "body", body);
		if (!body.contains("{{invoices}}") && !body.isEmpty()) {
			errors.add("body", "must list the invoices: put {{invoices}} where they go");
		}
		errors.throwIfAny();
		this.jdbc.sql("delete from dunning_template where policy_id = :p and level = :l and language = :lang")
			.param("p", policyId)
			.param("l", level)
			.param("lang", language)
			.update();
		this.jdbc.sql("""
				insert into dunning_template (policy_id, level, language, subject, body, updated_by, updated_at)
				values (:p, :l, :lang, :s, :b, :by, :at)""")
			.param("p", policyId)
			.param("l", level)
			.param("lang", language)
			.param("s", subject)
			.param("b", body)
			.param("by", AuditTrail.currentActor())
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.update();
		this.audit.record(DunningPolicies.DOCUMENT, policyId, "template",
				AuditTrail.changes("level", level, "language", language, "subject", subject));
		return find(policyId, level, language).orElseThrow();
	}

	private static void unknown(Problem.Errors errors, String field, String text) {
		Set<String> unknown = new LinkedHashSet<>();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			if (!PLACEHOLDERS.contains(m.group(1))) {
				unknown.add(m.group(1));
			}
		}
		if (!unknown.isEmpty()) {
			errors.add(field, "unknown placeholder(s) " + unknown + "; known: " + PLACEHOLDERS);
		}
	}

	/** The text with its placeholders filled. */
	static String render(String text, Map<String, String> values) {
		Matcher m = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group(0))));
		}
		m.appendTail(out);
		return out.toString();
	}

}
