package io.encaisse.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The EN 16931 arithmetic of a commercial document: each line net is quantity × unit
 * price less its discount, rounded to the currency's decimals (BT-131); VAT is computed
 * per rate on the sum of the line nets of that rate, then rounded (BT-117); totals are
 * sums of rounded amounts (BR-CO-10, -13, -14, -15).
 */
public final class LineAmounts {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private LineAmounts() {
	}

	/**
	 * A line as the arithmetic needs it, with its VAT category (UNCL 5305: S, E, AE, K,
	 * G...); without one, S above zero and E at zero.
	 */
	public record Line(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate,
			String category) {

		public Line(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate) {
			this(quantity, unitPrice, discountPercent, taxRate, null);
		}

		String vatCategory() {
			return this.category != null ? this.category : VatTreatment.defaultCategory(this.taxRate);
		}

	}

	/**
	 * A document-level allowance (a discount on the whole invoice) or charge (shipping,
	 * handling), with the VAT rate and category it falls under (BG-20, BG-21).
	 */
	public record Adjustment(boolean charge, BigDecimal amount, BigDecimal taxRate, String category) {

		String vatCategory() {
			return this.category != null ? this.category : VatTreatment.defaultCategory(this.taxRate);
		}

	}

	/** The VAT breakdown of one category and rate (BG-23). */
	public record VatGroup(String category, BigDecimal rate, Money base, Money tax) {
	}

	/**
	 * The document's totals: {@code net} is the total without VAT (BT-109), that is the
	 * sum of line nets (BT-106) less allowances (BT-107) plus charges (BT-108).
	 */
	public record Totals(Money net, Money tax, Money total, List<VatGroup> vat, Money lineTotal, Money allowances,
			Money charges) {
	}

	private record GroupKey(String category, BigDecimal rate) {
	}

	public static Money lineNet(Line line, Currency currency) {
		BigDecimal gross = line.quantity().multiply(line.unitPrice());
		BigDecimal discount = line.discountPercent() == null ? BigDecimal.ZERO
				: gross.multiply(line.discountPercent()).divide(HUNDRED);
		return new Money(gross.subtract(discount), currency).rounded();
	}

	public static Totals totals(Collection<Line> lines, Currency currency) {
		return totals(lines, List.of(), currency);
	}

	/**
	 * Totals with document-level allowances and charges: each counts in the VAT base of
	 * its category and rate; VAT is computed per group on that base, then rounded.
	 */
	public static Totals totals(Collection<Line> lines, Collection<Adjustment> adjustments, Currency currency) {
		Map<GroupKey, Money> bases = new TreeMap<>(
				java.util.Comparator.comparing(GroupKey::category).thenComparing(GroupKey::rate));
		Money lineTotal = Money.zero(currency);
		for (Line line : lines) {
			Money lineNet = lineNet(line, currency);
			lineTotal = lineTotal.plus(lineNet);
			BigDecimal rate = line.taxRate().setScale(2, RoundingMode.UNNECESSARY);
			bases.merge(new GroupKey(line.vatCategory(), rate), lineNet, Money::plus);
		}
		Money allowances = Money.zero(currency);
		Money charges = Money.zero(currency);
		for (Adjustment a : adjustments) {
			Money amount = new Money(a.amount(), currency).rounded();
			BigDecimal rate = a.taxRate().setScale(2, RoundingMode.UNNECESSARY);
			GroupKey key = new GroupKey(a.vatCategory(), rate);
			if (a.charge()) {
				charges = charges.plus(amount);
				bases.merge(key, amount, Money::plus);
			}
			else {
				allowances = allowances.plus(amount);
				bases.merge(key, new Money(amount.amount().negate(), currency), Money::plus);
			}
		}
		Money tax = Money.zero(currency);
		List<VatGroup> groups = new java.util.ArrayList<>();
		for (var e : bases.entrySet()) {
			BigDecimal rate = e.getKey().rate();
			Money vat = e.getValue().times(rate).times(BigDecimal.ONE.movePointLeft(2)).rounded();
			groups.add(new VatGroup(e.getKey().category(), rate, e.getValue(), vat));
			tax = tax.plus(vat);
		}
		Money net = lineTotal.minus(allowances).plus(charges);
		return new Totals(net, tax, net.plus(tax), List.copyOf(groups), lineTotal, allowances, charges);
	}

}
