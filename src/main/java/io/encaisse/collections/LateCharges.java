package io.encaisse.collections;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import io.encaisse.shared.Money;

/**
 * Late-payment penalties of French B2B law (L441-10 Code de commerce), pure: interest on
 * what is still due, incl. VAT, for each day after the due date, at the contractual
 * annual rate or, by default, the ECB main refinancing rate of the half-year (the rate in
 * force on 1 January or 1 July) plus 10 points, simple interest on 365 days; and the
 * fixed indemnity for recovery costs, 40 EUR once per invoice paid late. The rate changes
 * at each half-year and the balance at each payment: each stretch is counted at its own
 * rate and balance, and the sum is rounded once, to the cent (half up).
 */
public final class LateCharges {

	/** Points added to the ECB rate by default. */
	public static final BigDecimal PENALTY_POINTS = BigDecimal.TEN;

	/** The fixed indemnity for recovery costs (D441-5), once per invoice paid late. */
	public static final Money INDEMNITY = Money.of("40.00", "EUR");

	private static final BigDecimal DAYS_IN_YEAR = BigDecimal.valueOf(365);

	private LateCharges() {
	}

	/** The ECB reference rate in force from a half-year's first day (percent). */
	public record ReferenceRate(LocalDate validFrom, BigDecimal ecbRate) {
	}

	/** Money that settled part of the invoice on a day (a payment, a credit note). */
	public record Settlement(LocalDate on, BigDecimal amount) {
	}

	/**
	 * What is owed for lateness at {@code asOf}: days late, the annual rate that applied
	 * last (percent), the interest and the indemnity.
	 */
	public record Charges(int daysLate, BigDecimal rate, Money interest, Money indemnity) {
	}

	/**
	 * @param total the invoice's total incl. VAT
	 * @param dueDate its due date
	 * @param settlements what settled it, on which day (any order)
	 * @param asOf the day the charges are counted to (included)
	 * @param rates the ECB reference rates by half-year
	 * @param contractualRate the annual rate the terms set (percent), or null for ECB +
	 * 10
	 */
	public static Charges of(Money total, LocalDate dueDate, List<Settlement> settlements, LocalDate asOf,
			List<ReferenceRate> rates, BigDecimal contractualRate) {
		List<Settlement> sorted = new ArrayList<>(settlements);
		sorted.sort(Comparator.comparing(Settlement::on));
		// a day is late while something is due at its start: a payment made on a day
		// lowers the balance from the next day (paid three days late: three days of
		// interest)
		TreeSet<LocalDate> cuts = new TreeSet<>();
		sorted.stream().map(x -> x.on().plusDays(1)).filter(d -> d.isAfter(dueDate)).forEach(cuts::add);
		if (contractualRate == null) {
			for (LocalDate half = halfYearStart(dueDate.plusDays(1)).plusMonths(6); !half.isAfter(asOf); half = half
				.plusMonths(6)) {
				cuts.add(half);
			}
		}
		BigDecimal balance = total.amount();
		BigDecimal interest = BigDecimal.ZERO;
		BigDecimal lastRate = null;
		int daysLate = 0;
		int next = 0;
		LocalDate day = dueDate.plusDays(1);
		while (!day.isAfter(asOf)) {
			while (next < sorted.size() && sorted.get(next).on().isBefore(day)) {
				balance = balance.subtract(sorted.get(next).amount());
				next++;
			}
			if (balance.signum() <= 0) {
				break;
			}
			LocalDate cut = cuts.higher(day);
			LocalDate end = cut == null || cut.isAfter(asOf) ? asOf.plusDays(1) : cut;
			long days = ChronoUnit.DAYS.between(day, end);
			BigDecimal rate = rateOn(rates, day, contractualRate);
			interest = interest.add(balance.multiply(rate).multiply(BigDecimal.valueOf(days)));
			daysLate += (int) days;
			lastRate = rate;
			day = end;
		}
		Money interestDue = new Money(
				interest.divide(DAYS_IN_YEAR.multiply(BigDecimal.valueOf(100)), total.scale(), RoundingMode.HALF_UP),
				total.currency());
		return new Charges(daysLate, lastRate == null ? rateOn(rates, dueDate.plusDays(1), contractualRate) : lastRate,
				interestDue, daysLate > 0 ? INDEMNITY : Money.zero("EUR"));
	}

	/** The annual rate that applies on a day (percent). */
	public static BigDecimal rateOn(List<ReferenceRate> rates, LocalDate day, BigDecimal contractualRate) {
		return contractualRate != null ? contractualRate : ecbRate(rates, day).add(PENALTY_POINTS);
	}

	private static BigDecimal ecbRate(List<ReferenceRate> rates, LocalDate day) {
		LocalDate half = halfYearStart(day);
		return rates.stream()
			.filter(r -> !r.validFrom().isAfter(half))
			.max(Comparator.comparing(ReferenceRate::validFrom))
			.map(ReferenceRate::ecbRate)
			.orElseThrow(() -> new IllegalStateException("no ECB reference rate known for " + day
					+ ": add the rate of its half-year (Collections > Late-payment rates)"));
	}

	static LocalDate halfYearStart(LocalDate day) {
		return LocalDate.of(day.getYear(), day.getMonthValue() <= 6 ? 1 : 7, 1);
	}

}
