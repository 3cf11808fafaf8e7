package io.encaisse.catalog;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The largest discount each role may grant alone. A role without a line may grant none;
 * work done by the system itself (imports, the demo) is not limited.
 */
@Service
@Transactional(readOnly = true)
public class DiscountPolicy {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	DiscountPolicy(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public Map<Role, BigDecimal> limits() {
		Map<Role, BigDecimal> limits = new EnumMap<>(Role.class);
		this.jdbc.sql("select role, max_percent from discount_policy")
			.query((rs, i) -> Map.entry(Role.valueOf(rs.getString(1)), rs.getBigDecimal(2)))
			.list()
			.forEach(e -> limits.put(e.getKey(), e.getValue()));
		return limits;
	}

	/** The largest discount any of these roles may grant alone. */
	public BigDecimal limitOf(Collection<Role> roles) {
		Map<Role, BigDecimal> limits = limits();
		// an admin may grant any discount: they set the policy anyway
		limits.put(Role.ADMIN, BigDecimal.valueOf(100));
		return roles.stream()
			.map(r -> limits.getOrDefault(r, BigDecimal.ZERO))
			.max(BigDecimal::compareTo)
			.orElse(BigDecimal.ZERO);
	}

	@Transactional
	public Map<Role, BigDecimal> replace(Map<String, String> input) {
		Problem.Errors errors = new Problem.Errors();
		if (input == null || input.isEmpty()) {
			throw new Problem.Invalid("policy", "give the limit of at least one role, e.g. {\"SALES\": \"10.00\"}");
		}
		Map<Role, BigDecimal> limits = new EnumMap<>(Role.class);
		input.forEach((role, value) -> {
			Role r = null;
			try {
				r = Role.valueOf(role);
			}
			catch (IllegalArgumentException ex) {
				errors.add(role, "is not a role");
			}
			BigDecimal percent = io.encaisse.shared.Amounts.percent(errors, role, value);
			if (value == null || value.isBlank()) {
				errors.add(role, "is required");
			}
			if (r != null && percent != null) {
				limits.put(r, percent);
			}
		});
		errors.throwIfAny();
		this.jdbc.sql("delete from discount_policy").update();
		limits.forEach((role, percent) -> this.jdbc
			.sql("insert into discount_policy (role, max_percent) values (:role, :percent)")
			.param("role", role.name())
			.param("percent", percent)
			.update());
		Map<String, Object> changes = new java.util.LinkedHashMap<>();
		limits.forEach((role, percent) -> changes.put(role.name(), percent));
		this.audit.record("settings", "discount-policy", "replaced", changes);
		return limits;
	}

}
