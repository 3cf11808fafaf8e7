package io.encaisse.shared;

import java.util.List;

/**
 * Cursor pagination as the API promises it: newest first, {@code limit} (default 50, at
 * most 500) and {@code startingAfter} an id of the previous page. Ids are time-ordered,
 * so the cursor is the id.
 */
public record Cursor(int limit, String startingAfter) {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 500;

	public static Cursor of(Integer limit, String startingAfter) {
		int l = limit == null ? DEFAULT_LIMIT : limit;
		if (l < 1 || l > MAX_LIMIT) {
			throw new Problem.Invalid("limit", "must be between 1 and " + MAX_LIMIT);
		}
		return new Cursor(l, startingAfter == null || startingAfter.isBlank() ? null : startingAfter);
	}

	/** Fetch one more than the limit to know whether there is a next page. */
	public int fetchSize() {
		return this.limit + 1;
	}

	/**
	 * A page of results as the API answers it: {@code {"data": [...], "hasMore": bool}}.
	 */
	public record Page<T>(List<T> data, boolean hasMore) {

		public <R> Page<R> map(java.util.function.Function<T, R> f) {
			return new Page<>(this.data.stream().map(f).toList(), this.hasMore);
		}

	}

	public <T> Page<T> page(List<T> fetched) {
		boolean more = fetched.size() > this.limit;
		return new Page<>(more ? fetched.subList(0, this.limit) : fetched, more);
	}

}
