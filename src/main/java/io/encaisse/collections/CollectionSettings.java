package io.encaisse.collections;

import java.math.BigDecimal;
import java.time.ZoneOffset;

import io.encaisse.customers.Customers;
import io.encaisse.shared.Amounts;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's collection settings: the dunning policy it follows (none: its risk
 * class's, else the default), whether it is left out of dunning, the contractual annual
 * late-payment rate its terms set (none: ECB + 10 points).
 */
@Service
@Transactional(readOnly = true)
public class CollectionSettings {

	private final JdbcClient jdbc;

	private final Customers customers;

	private final DunningPolicies policies;

	private final AuditTrail audit;

	private final Today today;

	CollectionSettings(JdbcClient jdbc, Customers customers, DunningPolicies policies, AuditTrail audit, Today today) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.policies = policies;
		this.audit = audit;
		this.today = today;
	}

	public record Settings(String customerId, String policyId, boolean excluded, String lateInterestRate,
			String collector) {
	}

	/** The settings as a whole (what is left out is cleared). */
	public record Input(String policyId, Boolean excluded, String lateInterestRate, String collector) {
	}

	public Settings of(String customerId) {
		this.customers.get(customerId);
		return this.jdbc
			.sql("""
					select policy_id, excluded, late_interest_rate, collector from collection_setting where customer_id = :c""")
			.param("c", customerId)
			.query((rs, n) -> new Settings(customerId, rs.getString(1), rs.getBoolean(2),
					rs.getBigDecimal(3) == null ? null : rs.getBigDecimal(3).stripTrailingZeros().toPlainString(),
					rs.getString(4)))
			.optional()
			.orElse(new Settings(customerId, null, false, null, null));
	}

	@Transactional
	public Settings set(String customerId, Input input) {
		this.customers.get(customerId);
		Problem.Errors errors = new Problem.Errors();
		String policy = input == null || input.policyId() == null || input.policyId().isBlank() ? null
				: input.policyId().strip();
		if (policy != null && this.policies.list().stream().noneMatch(p -> p.id().equals(policy))) {
			errors.add("policyId", "no dunning policy " + policy);
		}
		BigDecimal rate = input == null || input.lateInterestRate() == null || input.lateInterestRate().isBlank() ? null
				: Amounts.notNegative(errors, "lateInterestRate", input.lateInterestRate(), 3);
		if (rate != null && rate.compareTo(BigDecimal.valueOf(100)) > 0) {
			errors.add("lateInterestRate", "is an annual rate in percent: at most 100");
		}
		errors.throwIfAny();
		boolean excluded = input != null && Boolean.TRUE.equals(input.excluded());
		String collector = input == null || input.collector() == null || input.collector().isBlank() ? null
				: input.collector().strip();
		this.jdbc.sql("delete from collection_setting where customer_id = :c").param("c", customerId).update();
		try {
			this.jdbc.sql("""
					insert into collection_setting (customer_id, policy_id, excluded, late_interest_rate, collector,
					  updated_at) values (:c, :p, :x, :r, :who, :at)""")
				.param("c", customerId)
				.param("p", policy)
				.param("x", excluded)
				.param("r", rate)
				.param("who", collector)
				.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (org.springframework.dao.DataIntegrityViolationException unknown) {
			// the collector is a user of Encaisse: the database refuses anyone else
			throw new Problem.Invalid("collector", "no user " + collector);
		}
		this.audit.record("customer", customerId, "collection settings", AuditTrail.changes("policy", policy,
				"excluded", excluded, "lateInterestRate", rate, "collector", collector));
		return of(customerId);
	}

}
