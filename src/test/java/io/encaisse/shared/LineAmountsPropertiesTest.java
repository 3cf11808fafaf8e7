package io.encaisse.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** The EN 16931 totals rules (BR-CO-10, -13, -14, -15) hold for any lines. */
class LineAmountsPropertiesTest {

	static final Currency EUR = Currency.getInstance("EUR");

	@Provide
	Arbitrary<List<LineAmounts.Line>> lines() {
		Arbitrary<BigDecimal> qty = Arbitraries.bigDecimals()
			.between(new BigDecimal("0.0001"), new BigDecimal("10000"))
			.ofScale(4);
		Arbitrary<BigDecimal> price = Arbitraries.bigDecimals()
			.between(BigDecimal.ZERO, new BigDecimal("100000"))
			.ofScale(4);
		Arbitrary<BigDecimal> discount = Arbitraries.bigDecimals()
			.between(BigDecimal.ZERO, new BigDecimal("100"))
			.ofScale(2);
		Arbitrary<BigDecimal> rate = Arbitraries.of("20.00", "10.00", "5.50", "2.10", "0.00").map(BigDecimal::new);
		return Combinators.combine(qty, price, discount, rate)
			.as(LineAmounts.Line::new)
			.list()
			.ofMinSize(1)
			.ofMaxSize(30);
	}

	@Property(tries = 500)
	void totalsAreSumsOfRoundedAmounts(@ForAll("lines") List<LineAmounts.Line> lines) {
		LineAmounts.Totals totals = LineAmounts.totals(lines, EUR);
		Money sumOfLines = lines.stream().map(l -> LineAmounts.lineNet(l, EUR)).reduce(Money.zero(EUR), Money::plus);
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

	@Property(tries = 300)
	void aLineNetNeverExceedsItsGrossAndHasTwoDecimals(@ForAll("lines") List<LineAmounts.Line> lines) {
		for (LineAmounts.Line l : lines) {
			Money net = LineAmounts.lineNet(l, EUR);
			assertThat(net.amount().scale()).isEqualTo(2);
			assertThat(net.amount())
				.isLessThanOrEqualTo(l.quantity().multiply(l.unitPrice()).add(new BigDecimal("0.005")));
			assertThat(net.isNegative()).isFalse();
		}
	}

}
