package io.encaisse.shared;

import java.util.List;

/**
 * The business reasons a request can be refused, as exceptions that the web layer turns
 * into RFC 9457 problem details. Each names what is wrong, so that a person or a program
 * can fix the request.
 */
public final class Problem {

	private Problem() {
	}

	/** One thing wrong with a request: the field (or file line) and the message. */
	public record FieldError(String field, String message, Integer line) {

		public FieldError(String field, String message) {
			this(field, message, null);
		}

	}

	public abstract static class Refused extends RuntimeException {

		private final List<FieldError> errors;

		protected Refused(String detail, List<FieldError> errors) {
			super(detail);
			this.errors = List.copyOf(errors);
		}

		public List<FieldError> errors() {
			return this.errors;
		}

		public abstract int status();

		public abstract String title();

	}

	/** 404: the document does not exist (or is not visible to the caller). */
	public static class NotFound extends Refused {

		public NotFound(String kind, String id) {
			super(kind + " " + id + " does not exist", List.of());
		}

		@Override
		public int status() {
			return 404;
		}

		@Override
		public String title() {
			return "Not found";
		}

	}

	/**
	 * 403: the caller's role is allowed here, but not this far (a discount above their
	 * limit).
	 */
	public static class Forbidden extends Refused {

		public Forbidden(String detail) {
			super(detail, List.of());
		}

		@Override
		public int status() {
			return 403;
		}

		@Override
		public String title() {
			return "Forbidden";
		}

	}

	/** 413: the file is larger than this endpoint takes. */
	public static class TooLarge extends Refused {

		public TooLarge(String detail) {
			super(detail, List.of());
		}

		@Override
		public int status() {
			return 413;
		}

		@Override
		public String title() {
			return "Payload too large";
		}

	}

	/** 409: the document is in a state where this is not possible. */
	public static class StateConflict extends Refused {

		public StateConflict(String detail) {
			super(detail, List.of());
		}

		@Override
		public int status() {
			return 409;
		}

		@Override
		public String title() {
			return "Conflict with the current state";
		}

	}

	/** 412: the caller's {@code If-Match} version is stale. */
	public static class StaleVersion extends Refused {

		public StaleVersion(String kind, String id, long current) {
			super(kind + " " + id + " has changed; its current version is " + current, List.of());
		}

		@Override
		public int status() {
			return 412;
		}

		@Override
		public String title() {
			return "Precondition failed";
		}

	}

	/** 422: the request is well-formed but a business rule refuses it. */
	public static class Invalid extends Refused {

		public Invalid(String field, String message) {
			this(List.of(new FieldError(field, message)));
		}

		public Invalid(List<FieldError> errors) {
			super(errors.size() == 1 ? describe(errors.get(0))
					: errors.size() + " errors, the first: " + describe(errors.get(0)), errors);
		}

		private static String describe(FieldError e) {
			return (e.line() == null ? "" : "line " + e.line() + ", ") + e.field() + ": " + e.message();
		}

		@Override
		public int status() {
			return 422;
		}

		@Override
		public String title() {
			return "Unprocessable request";
		}

	}

	/** Collects field errors and throws them all at once. */
	public static final class Errors {

		private final java.util.ArrayList<FieldError> errors = new java.util.ArrayList<>();

		public Errors add(String field, String message) {
			this.errors.add(new FieldError(field, message));
			return this;
		}

		/**
		 * An error of one line of an imported file (numbered from 1, the header
		 * included).
		 */
		public Errors addAtLine(int line, String field, String message) {
			this.errors.add(new FieldError(field, message, line));
			return this;
		}

		/** Collects the errors another check found, at a line of a file. */
		public void addAllAtLine(int line, List<FieldError> found) {
			found.forEach(e -> this.errors.add(new FieldError(e.field(), e.message(), line)));
		}

		/**
		 * The constant of {@code type} the value names (any case, spaces around); else an
		 * error listing the allowed ones, and {@code fallback} so checking goes on.
		 */
		public <E extends Enum<E>> E oneOf(Class<E> type, String field, String value, E fallback) {
			try {
				return Enum.valueOf(type, String.valueOf(value).strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				add(field,
						"must be one of " + java.util.Arrays.stream(type.getEnumConstants())
							.map(Enum::name)
							.collect(java.util.stream.Collectors.joining(", ")));
				return fallback;
			}
		}

		/** Adds "must not exceed {@code max} characters" when the text is longer. */
		public Errors maxLength(String field, String text, int max) {
			if (text != null && text.length() > max) {
				add(field, "must not exceed " + max + " characters");
			}
			return this;
		}

		public int size() {
			return this.errors.size();
		}

		public boolean isEmpty() {
			return this.errors.isEmpty();
		}

		public void throwIfAny() {
			if (!this.errors.isEmpty()) {
				throw new Invalid(this.errors);
			}
		}

	}

}
