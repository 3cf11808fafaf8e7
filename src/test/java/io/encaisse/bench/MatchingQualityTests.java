package io.encaisse.bench;

import java.math.BigDecimal;

import io.encaisse.payments.matching.Matcher;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matching quality targets on the benchmark's generator, at a size a test affords
 * (20,000 open invoices, 5,000 entries, fixed seeds): precision at least 99.9 %, at least
 * 90 % of the payments that relate to invoices matched automatically and correctly. The
 * full-size run, with throughput and memory, is {@code bench/matching.sh}.
 */
class MatchingQualityTests {

	static final Matcher.Tolerance TOLERANCE = new Matcher.Tolerance(new BigDecimal("10.00"), new BigDecimal("2"));

	@Test
	void precisionAndAutoMatchRateOnTheGenerator() {
		for (long seed : new long[] { 1, 2, 3 }) {
			MemoryLedger ledger = new MemoryLedger();
			MatchingData data = new MatchingData(seed, 20_000, 5_000, ledger);
			MatchingScore score = new MatchingScore();
			for (MatchingData.Entry e : data.entries) {
				if (!e.credit()) {
					continue;
				}
				Matcher.Decision d = Matcher.decide(
						new Matcher.Received(e.amount(), "EUR", e.remittance(), e.payerIban(), e.payerName(), null),
						ledger, TOLERANCE);
				score.add(e, d);
				ledger.apply(d);
			}
			assertThat(score.precision()).as(score.report()).isGreaterThanOrEqualTo(0.999);
			assertThat(score.autoMatchRate()).as(score.report()).isGreaterThanOrEqualTo(0.90);
		}
	}

}
