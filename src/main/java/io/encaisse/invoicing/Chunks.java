package io.encaisse.invoicing;

import java.util.ArrayList;
import java.util.List;

/**
 * Values taken a thousand (or so many) at a time, for {@code in (...)} lists and batches.
 */
final class Chunks {

	private Chunks() {
	}

	static <T> List<List<T>> of(java.util.Collection<T> values) {
		return of(values, 1000);
	}

	static <T> List<List<T>> of(java.util.Collection<T> values, int size) {
		List<T> all = new ArrayList<>(new java.util.LinkedHashSet<>(values));
		List<List<T>> chunks = new ArrayList<>();
		for (int from = 0; from < all.size(); from += size) {
			chunks.add(all.subList(from, Math.min(all.size(), from + size)));
		}
		return chunks;
	}

}
