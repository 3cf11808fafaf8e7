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

	/** A line as the arithmetic needs it. */
	public record Line(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate) {
	}

	public record VatGroup(BigDecimal rate, Money base, Money tax) {
	}

	public record Totals(Money net, Money tax, Money total, List<VatGroup> vat) {
	}

	public static Money lineNet(Line line, Currency currency) {
		BigDecimal gross = line.quantity().multiply(line.unitPrice());
		BigDecimal discount = line.discountPercent() == null ? BigDecimal.ZERO
				: gross.multiply(line.discountPercent()).divide(HUNDRED);
		return new Money(gross.subtract(discount), currency).rounded();
	}

	public static Totals totals(Collection<Line> lines, Currency currency) {
		Map<BigDecimal, Money> bases = new TreeMap<>();
		Money net = Money.zero(currency);
		for (Line line : lines) {
			Money lineNet = lineNet(line, currency);
			net = net.plus(lineNet);
			bases.merge(line.taxRate().setScale(2, RoundingMode.UNNECESSARY), lineNet, Money::plus);
		}
		Money tax = Money.zero(currency);
		List<VatGroup> groups = new java.util.ArrayList<>();
		for (var e : bases.entrySet()) {
			Money vat = e.getValue().times(e.getKey()).times(BigDecimal.ONE.movePointLeft(2)).rounded();
			groups.add(new VatGroup(e.getKey(), e.getValue(), vat));
			tax = tax.plus(vat);
		}
		return new Totals(net, tax, net.plus(tax), List.copyOf(groups));
	}

}
