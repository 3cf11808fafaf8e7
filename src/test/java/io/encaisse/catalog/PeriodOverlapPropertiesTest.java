package io.encaisse.catalog;

import java.time.LocalDate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two validity periods overlap exactly when some day lies in both, boundaries included,
 * open ends too.
 */
class PeriodOverlapPropertiesTest {

	static final LocalDate ORIGIN = LocalDate.of(2026, 1, 1);

	@Property(tries = 2000)
	void overlapMeansASharedDay(@ForAll @IntRange(min = 0, max = 60) int aFrom,
			@ForAll @IntRange(min = -1, max = 30) int aLength, @ForAll @IntRange(min = 0, max = 60) int bFrom,
			@ForAll @IntRange(min = -1, max = 30) int bLength) {
		LocalDate af = ORIGIN.plusDays(aFrom);
		LocalDate at = aLength < 0 ? null : af.plusDays(aLength);
		LocalDate bf = ORIGIN.plusDays(bFrom);
		LocalDate bt = bLength < 0 ? null : bf.plusDays(bLength);
		boolean shared = false;
		for (LocalDate d = ORIGIN; d.isBefore(ORIGIN.plusDays(200)); d = d.plusDays(1)) {
			boolean inA = !d.isBefore(af) && (at == null || !d.isAfter(at));
			boolean inB = !d.isBefore(bf) && (bt == null || !d.isAfter(bt));
			shared |= inA && inB;
		}
		assertThat(PriceBook.overlaps(af, at, bf, bt)).isEqualTo(shared);
		assertThat(PriceBook.overlaps(bf, bt, af, at)).isEqualTo(shared);
	}

}
