package io.encaisse.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineAmountsTests {

	static final Currency EUR = Currency.getInstance("EUR");

	static LineAmounts.Line line(String qty, String price, String discount, String rate) {
		return new LineAmounts.Line(new BigDecimal(qty), new BigDecimal(price), new BigDecimal(discount),
				new BigDecimal(rate));
	}

	@Test
	void vatIsComputedPerRateOnTheSumOfRoundedLineNets() {
		// three lines of 0.33 at 20 %: per-line VAT would give 3 x 0.07 = 0.21, EN 16931
		// gives 0.99 x 20 % = 0.20
		var totals = LineAmounts.totals(
				List.of(line("1", "0.333", "0", "20"), line("1", "0.333", "0", "20"), line("1", "0.333", "0", "20")),
				EUR);
		assertThat(totals.net().toPlainString()).isEqualTo("0.99");
		assertThat(totals.tax().toPlainString()).isEqualTo("0.20");
		assertThat(totals.total().toPlainString()).isEqualTo("1.19");
	}

	@Test
	void groupsVatByRate() {
		var totals = LineAmounts.totals(
				List.of(line("2", "850", "10", "20"), line("3", "39.90", "0", "5.5"), line("10", "12.50", "0", "20")),
				EUR);
		assertThat(totals.vat()).hasSize(2);
		assertThat(totals.vat().get(0).rate()).isEqualByComparingTo("5.50");
		assertThat(totals.vat().get(0).base().toPlainString()).isEqualTo("119.70");
		assertThat(totals.vat().get(0).tax().toPlainString()).isEqualTo("6.58");
		assertThat(totals.vat().get(1).base().toPlainString()).isEqualTo("1655.00");
		assertThat(totals.vat().get(1).tax().toPlainString()).isEqualTo("331.00");
		assertThat(totals.total().toPlainString()).isEqualTo("2112.28");
	}

	@Test
	void documentAllowancesAndChargesFallInTheBaseOfTheirCategoryAndRate() {
		var lines = List.of(
				new LineAmounts.Line(new BigDecimal("1"), new BigDecimal("100"), BigDecimal.ZERO, new BigDecimal("20"),
						"S"),
				new LineAmounts.Line(new BigDecimal("1"), new BigDecimal("50"), BigDecimal.ZERO, BigDecimal.ZERO, "AE"),
				new LineAmounts.Line(new BigDecimal("1"), new BigDecimal("30"), BigDecimal.ZERO, BigDecimal.ZERO, "E"));
		var totals = LineAmounts.totals(lines,
				List.of(new LineAmounts.Adjustment(false, new BigDecimal("10.005"), new BigDecimal("20"), "S"),
						new LineAmounts.Adjustment(true, new BigDecimal("5"), BigDecimal.ZERO, "AE")),
				EUR);
		// AE and E at 0 % are two breakdowns; the allowance is rounded to 10.01 first
		assertThat(totals.vat()).extracting(LineAmounts.VatGroup::category).containsExactly("AE", "E", "S");
		assertThat(totals.vat().get(0).base().toPlainString()).isEqualTo("55.00");
		assertThat(totals.vat().get(2).base().toPlainString()).isEqualTo("89.99");
		assertThat(totals.vat().get(2).tax().toPlainString()).isEqualTo("18.00");
		assertThat(totals.lineTotal().toPlainString()).isEqualTo("180.00");
		assertThat(totals.allowances().toPlainString()).isEqualTo("10.01");
		assertThat(totals.charges().toPlainString()).isEqualTo("5.00");
		assertThat(totals.net().toPlainString()).isEqualTo("174.99");
		assertThat(totals.total().toPlainString()).isEqualTo("192.99");
	}

}
