package io.encaisse.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ECB main refinancing rate in force on 1 January and 1 July, which late-payment
 * interest runs on (plus 10 points) unless the terms set another: entered by finance each
 * half-year as the Banque de France publishes it, corrected if mistyped, audited.
 */
@Service
@Transactional(readOnly = true)
public class LatePaymentRates {

	static final String DOCUMENT = "late-payment-rate";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Today today;

	LatePaymentRates(JdbcClient jdbc, AuditTrail audit, Today today) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.today = today;
	}

	public record Rate(LocalDate validFrom, String ecbRate, String source) {
	}

	public record Input(String ecbRate, String source) {
	}

	public List<Rate> list() {
		return this.jdbc.sql("select valid_from, ecb_rate, source from late_payment_rate order by valid_from desc")
			.query((rs, n) -> new Rate(rs.getObject(1, LocalDate.class),
					rs.getBigDecimal(2).stripTrailingZeros().toPlainString(), rs.getString(3)))
			.list();
	}

	/** The rate of the half-year starting {@code validFrom} (1 January or 1 July). */
	@Transactional
	public Rate set(LocalDate validFrom, Input input) {
		Problem.Errors errors = new Problem.Errors();
		if (validFrom == null || validFrom.getDayOfMonth() != 1
				|| (validFrom.getMonthValue() != 1 && validFrom.getMonthValue() != 7)) {
			errors.add("validFrom", "a half-year starts on 1 January or 1 July");
		}
		else if (validFrom.isAfter(this.today.date().plusMonths(6))) {
			errors.add("validFrom", "must not be more than a half-year ahead");
		}
		BigDecimal rate = null;
		if (input == null || input.ecbRate() == null || input.ecbRate().isBlank()) {
			errors.add("ecbRate", "is required (percent a year, e.g. 2.15)");
		}
		else {
			try {
				rate = new BigDecimal(input.ecbRate().strip().replace(',', '.'));
				if (rate.scale() > 3 || rate.compareTo(BigDecimal.valueOf(-5)) < 0
						|| rate.compareTo(BigDecimal.valueOf(25)) > 0) {
					errors.add("ecbRate", "must be a percentage between -5 and 25 with at most 3 decimals");
				}
			}
			catch (NumberFormatException ex) {
				errors.add("ecbRate", "must be a number, e.g. 2.15");
			}
		}
		String source = input == null || input.source() == null || input.source().isBlank()
				? "ECB main refinancing operations rate on " + validFrom : input.source().strip();
		if (source.length() > 200) {
			errors.add("source", "must not exceed 200 characters");
		}
		errors.throwIfAny();
		String before = this.jdbc.sql("select ecb_rate from late_payment_rate where valid_from = :d")
			.param("d", validFrom)
			.query(BigDecimal.class)
			.optional()
			.map(BigDecimal::toPlainString)
			.orElse(null);
		this.jdbc.sql("delete from late_payment_rate where valid_from = :d").param("d", validFrom).update();
		this.jdbc.sql("""
				insert into late_payment_rate (valid_from, ecb_rate, source, created_at) values (:d, :r, :s, :at)""")
			.param("d", validFrom)
			.param("r", rate)
			.param("s", source)
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.update();
		this.audit.record(DOCUMENT, validFrom.toString(), before == null ? "entered" : "corrected",
				AuditTrail.changes("ecbRate", rate.toPlainString(), "before", before, "source", source));
		return list().stream().filter(r -> r.validFrom().equals(validFrom)).findFirst().orElseThrow();
	}

}
