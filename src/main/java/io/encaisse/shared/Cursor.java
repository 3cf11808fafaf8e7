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

		/**
		 * The cursor of the next page (the last id of this one), or {@code null} on the
		 * last page.
		 */
		public String next(java.util.function.Function<T, String> id) {
			return this.hasMore ? id.apply(this.data.get(this.data.size() - 1)) : null;
		}

		public <R> Page<R> map(java.util.function.Function<T, R> f) {
			return new Page<>(this.data.stream().map(f).toList(), this.hasMore);
		}

	}

	/**
	 * Fetches one page from a repository: the newest rows, or the rows older than the
	 * cursor.
	 */
	public <T> Page<T> fetch(java.util.function.Function<org.springframework.data.domain.Limit, List<T>> newest,
			java.util.function.BiFunction<String, org.springframework.data.domain.Limit, List<T>> olderThan) {
		org.springframework.data.domain.Limit limit = org.springframework.data.domain.Limit.of(fetchSize());
		return page(this.startingAfter == null ? newest.apply(limit) : olderThan.apply(this.startingAfter, limit));
	}

	public <T> Page<T> page(List<T> fetched) {
		boolean more = fetched.size() > this.limit;
		return new Page<>(more ? fetched.subList(0, this.limit) : fetched, more);
	}

}
