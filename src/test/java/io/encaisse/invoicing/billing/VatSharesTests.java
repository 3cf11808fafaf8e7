package io.encaisse.invoicing.billing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.encaisse.shared.Money;
import io.encaisse.shared.VatTreatment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How milestones and deposits spread an amount over VAT treatments, without Spring. */
class VatSharesTests {

	private static VatTreatment home(VatShares.Line line) {
		return VatTreatment.of("FR", "FR40303265045", VatTreatment.isService(line.unit()), line.rate(), null);
	}

	private static VatTreatment abroad(VatShares.Line line) {
		return VatTreatment.of("DE", "DE811907980", VatTreatment.isService(line.unit()), line.rate(), null);
	}

	private static VatShares.Line line(String unit, String rate, String net) {
		return new VatShares.Line("SKU", unit, new BigDecimal(rate), Money.of(net, "EUR"));
	}

	@Test
	void linesUnderOneTreatmentMakeOneShareInTheOrderTheyCome() {
		List<VatShares.Share> shares = VatShares.of(List.of(line("piece", "20.00", "100.00"),
				line("piece", "5.50", "40.00"), line("hour", "20.00", "60.00")), VatSharesTests::home);
		assertThat(shares).extracting(s -> s.vat().rate().stripTrailingZeros().toPlainString())
			.containsExactly("20", "5.5");
		assertThat(shares.get(0).base()).isEqualTo(Money.of("160.00", "EUR"));
	}

	@Test
	void goodsAndServicesAbroadAreTwoSharesAtZero() {
		List<VatShares.Share> shares = VatShares
			.of(List.of(line("piece", "20.00", "100.00"), line("hour", "20.00", "60.00")), VatSharesTests::abroad);
		assertThat(shares).extracting(s -> s.vat().category()).containsExactly("K", "AE");
	}

	@Test
	void aThirdSpreadOverThreeRatesAddsUpToTheCent() {
		List<VatShares.Share> shares = VatShares.of(List.of(line("piece", "20.00", "100.00"),
				line("piece", "10.00", "100.00"), line("piece", "5.50", "100.00")), VatSharesTests::home);
		List<Money> parts = VatShares.spread(shares, Money.of("100.00", "EUR"));
		assertThat(parts).extracting(m -> m.amount().toPlainString()).containsExactly("33.33", "33.33", "33.34");
	}

	@Test
	void whateverTheBasesThePartsAddUpToTheValueNeverACentMore() {
		Random random = new Random(22);
		String[] rates = { "20.00", "10.00", "5.50", "2.10", "0.00" };
		for (int run = 0; run < 2_000; run++) {
			List<VatShares.Line> lines = new ArrayList<>();
			int count = 1 + random.nextInt(6);
			for (int i = 0; i < count; i++) {
				lines.add(line(random.nextBoolean() ? "piece" : "hour", rates[random.nextInt(rates.length)],
						BigDecimal.valueOf(random.nextInt(1_000_000), 2).toPlainString()));
			}
			List<VatShares.Share> shares = VatShares.of(lines, VatSharesTests::home);
			Money value = new Money(BigDecimal.valueOf(random.nextInt(10_000_000), 2), Money.currency("EUR"));
			List<Money> parts = VatShares.spread(shares, value);
			assertThat(parts).hasSize(shares.size());
			assertThat(parts.stream().reduce(Money.zero("EUR"), Money::plus)).isEqualTo(value);
			assertThat(parts).allSatisfy(p -> assertThat(p.amount().scale()).isLessThanOrEqualTo(2));
		}
	}

}
