package io.encaisse.shared;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EN 16931 totals rules (BR-CO-10, -13, -14, -15) hold for any lines: 500 documents
 * of 1 to 30 random lines, drawn from a fixed seed so that a failure replays.
 */
class LineAmountsPropertiesTest {

	static final Currency EUR = Currency.getInstance("EUR");

	static final List<BigDecimal> RATES = List.of(new BigDecimal("20.00"), new BigDecimal("10.00"),
			new BigDecimal("5.50"), new BigDecimal("2.10"), new BigDecimal("0.00"));

	static List<List<LineAmounts.Line>> documents(long seed, int count) {
		SplittableRandom random = new SplittableRandom(seed);
		List<List<LineAmounts.Line>> documents = new ArrayList<>();
		for (int d = 0; d < count; d++) {
			List<LineAmounts.Line> lines = new ArrayList<>();
			for (int l = 0, n = 1 + random.nextInt(30); l < n; l++) {
				lines.add(new LineAmounts.Line(BigDecimal.valueOf(1 + random.nextLong(100_000_000L), 4),
						BigDecimal.valueOf(random.nextLong(1_000_000_000L), 4),
						BigDecimal.valueOf(random.nextInt(10_001), 2), RATES.get(random.nextInt(RATES.size()))));
			}
			documents.add(lines);
		}
		return documents;
	}

	@Test
	void totalsAreSumsOfRoundedAmounts() {
		for (List<LineAmounts.Line> lines : documents(20261123L, 500)) {
			LineAmounts.Totals totals = LineAmounts.totals(lines, EUR);
			Money sumOfLines = lines.stream()
				.map(l -> LineAmounts.lineNet(l, EUR))
				.reduce(Money.zero(EUR), Money::plus);
			assertThat(totals.net()).isEqualTo(sumOfLines);
			assertThat(totals.vat().stream().map(LineAmounts.VatGroup::base).reduce(Money.zero(EUR), Money::plus))
				.isEqualTo(totals.net());
			assertThat(totals.vat().stream().map(LineAmounts.VatGroup::tax).reduce(Money.zero(EUR), Money::plus))
				.isEqualTo(totals.tax());
			assertThat(totals.total()).isEqualTo(totals.net().plus(totals.tax()));
			for (LineAmounts.VatGroup g : totals.vat()) {
				assertThat(g.tax()).isEqualTo(g.base().times(g.rate().movePointLeft(2)).rounded());
				assertThat(g.tax().amount().scale()).isEqualTo(2);
			}
		}
	}

	@Test
	void allowancesAndChargesKeepTheTotalsConsistent() {
		SplittableRandom random = new SplittableRandom(20261124L);
		for (List<LineAmounts.Line> lines : documents(20261124L, 500)) {
			List<LineAmounts.Adjustment> adjustments = new ArrayList<>();
			for (int a = 0, n = random.nextInt(4); a < n; a++) {
				BigDecimal rate = lines.get(random.nextInt(lines.size())).taxRate();
				adjustments.add(new LineAmounts.Adjustment(random.nextBoolean(),
						BigDecimal.valueOf(random.nextLong(10_000_000L), 2), rate, null));
			}
			LineAmounts.Totals totals = LineAmounts.totals(lines, adjustments, EUR);
			Money allowances = Money.zero(EUR);
			Money charges = Money.zero(EUR);
			for (LineAmounts.Adjustment a : adjustments) {
				Money amount = new Money(a.amount(), EUR).rounded();
				if (a.charge()) {
					charges = charges.plus(amount);
				}
				else {
					allowances = allowances.plus(amount);
				}
			}
			// BT-109 = BT-106 - BT-107 + BT-108; the breakdown's bases add up to it
			assertThat(totals.allowances()).isEqualTo(allowances);
			assertThat(totals.charges()).isEqualTo(charges);
			assertThat(totals.net()).isEqualTo(totals.lineTotal().minus(allowances).plus(charges));
			assertThat(totals.vat().stream().map(LineAmounts.VatGroup::base).reduce(Money.zero(EUR), Money::plus))
				.isEqualTo(totals.net());
			assertThat(totals.vat().stream().map(LineAmounts.VatGroup::tax).reduce(Money.zero(EUR), Money::plus))
				.isEqualTo(totals.tax());
			assertThat(totals.total()).isEqualTo(totals.net().plus(totals.tax()));
			for (LineAmounts.VatGroup g : totals.vat()) {
				assertThat(g.tax()).isEqualTo(g.base().times(g.rate().movePointLeft(2)).rounded());
			}
		}
	}

	@Test
	void aLineNetNeverExceedsItsGrossAndHasTwoDecimals() {
		for (List<LineAmounts.Line> lines : documents(7L, 300)) {
			for (LineAmounts.Line l : lines) {
				Money net = LineAmounts.lineNet(l, EUR);
				assertThat(net.amount().scale()).isEqualTo(2);
				assertThat(net.amount())
					.isLessThanOrEqualTo(l.quantity().multiply(l.unitPrice()).add(new BigDecimal("0.005")));
				assertThat(net.isNegative()).isFalse();
			}
		}
	}

}
