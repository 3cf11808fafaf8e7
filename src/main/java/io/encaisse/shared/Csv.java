package io.encaisse.shared;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads CSV files as people export them (RFC 4180: commas or semicolons, quoted fields
 * with doubled quotes, CRLF or LF), one record at a time so that a large file never sits
 * in memory. Each record comes with its line number and its values by header name. A file
 * that is not CSV is refused with the line.
 */
public final class Csv {

	/**
	 * A record: the line it starts on (the header is line 1) and its values by lower-case
	 * header name.
	 */
	public record Row(int line, Map<String, String> values) {

		public String get(String column) {
			String v = this.values.get(column);
			return v == null || v.isBlank() ? null : v.trim();
		}

	}

	public static final int MAX_FIELD = 10_000;

	private Csv() {
	}

	/** A UTF-8 reader of a request body that refuses to read past {@code maxBytes}. */
	public static Reader utf8(java.io.InputStream body, long maxBytes) {
		java.io.InputStream limited = new java.io.FilterInputStream(body) {
			private long count;

			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0) {
					check(1);
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = super.read(buffer, offset, length);
				if (n > 0) {
					check(n);
				}
				return n;
			}

			private void check(long n) {
				this.count += n;
				if (this.count > maxBytes) {
					throw new Problem.TooLarge("the file is larger than " + maxBytes / (1024 * 1024) + " MB");
				}
			}
		};
		java.nio.charset.CharsetDecoder strict = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
			.onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
		return new java.io.BufferedReader(new java.io.InputStreamReader(limited, strict));
	}

	/**
	 * Reads every record; the header must hold the required columns. Errors of the file's
	 * shape (a missing column, an unclosed quote, a field too long) are thrown as
	 * {@link Problem.Invalid} naming the line.
	 */
	public static void read(Reader in, List<String> requiredColumns, Consumer<Row> each) {
		read(in, requiredColumns, Map.of(), each);
	}

	/**
	 * The same, where a column may also be spelled another way: {@code aliases} maps each
	 * other spelling (lower case) to the name the rows use.
	 */
	public static void read(Reader in, List<String> requiredColumns, Map<String, String> aliases, Consumer<Row> each) {
		Parser parser = new Parser(in);
		List<String> header = parser.next();
		if (header == null) {
			throw new Problem.Invalid(List.of(new Problem.FieldError("file", "is empty", 1)));
		}
		List<String> names = header.stream()
			.map(h -> h.trim().replace("\uFEFF", "").toLowerCase(Locale.ROOT))
			.map(h -> aliases.getOrDefault(h, h))
			.toList();
		Problem.Errors errors = new Problem.Errors();
		for (String required : requiredColumns) {
			if (!names.contains(required)) {
				errors.addAtLine(1, required, "column is missing from the header");
			}
		}
		errors.throwIfAny();
		List<String> values;
		while ((values = parser.next()) != null) {
			if (values.size() == 1 && values.get(0).isBlank()) {
				continue;
			}
			if (values.size() > names.size()) {
				throw new Problem.Invalid(List.of(new Problem.FieldError("file",
						"has " + values.size() + " fields where the header has " + names.size(), parser.recordLine)));
			}
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < names.size(); i++) {
				row.put(names.get(i), i < values.size() ? values.get(i) : null);
			}
			each.accept(new Row(parser.recordLine, row));
		}
	}

	private static final class Parser {

		private final Reader in;

		private int line = 1;

		int recordLine;

		private Character delimiter;

		private int pushedBack = -2;

		Parser(Reader in) {
			this.in = in;
		}

		private int read() throws IOException {
			if (this.pushedBack != -2) {
				int c = this.pushedBack;
				this.pushedBack = -2;
				return c;
			}
			return this.in.read();
		}

		List<String> next() {
			try {
				int c = read();
				if (c == -1) {
					return null;
				}
				this.recordLine = this.line;
				List<String> fields = new ArrayList<>();
				StringBuilder field = new StringBuilder();
				boolean quoted = false;
				boolean wasQuoted = false;
				while (true) {
					if (c == -1) {
						if (quoted) {
							throw new Problem.Invalid(List
								.of(new Problem.FieldError("file", "a quoted field is never closed", this.recordLine)));
						}
						fields.add(field.toString());
						return fields;
					}
					char ch = (char) c;
					if (quoted) {
						if (ch == '"') {
							int n = read();
							if (n == '"') {
								field.append('"');
							}
							else {
								quoted = false;
								this.pushedBack = n;
							}
						}
						else {
							if (ch == '\n') {
								this.line++;
							}
							field.append(ch);
						}
					}
					else if (ch == '"' && field.isEmpty() && !wasQuoted) {
						quoted = true;
						wasQuoted = true;
					}
					else if (isDelimiter(ch)) {
						fields.add(field.toString());
						field.setLength(0);
						wasQuoted = false;
					}
					else if (ch == '\r') {
						// CRLF: the LF ends the record
					}
					else if (ch == '\n') {
						this.line++;
						fields.add(field.toString());
						return fields;
					}
					else {
						field.append(ch);
					}
					if (field.length() > MAX_FIELD) {
						throw new Problem.Invalid(List.of(new Problem.FieldError("file",
								"a field is longer than " + MAX_FIELD + " characters", this.recordLine)));
					}
					c = read();
				}
			}
			catch (java.nio.charset.CharacterCodingException ex) {
				throw new Problem.Invalid(
						List.of(new Problem.FieldError("file", "is not UTF-8 text (save it as CSV UTF-8)", this.line)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * The first comma or semicolon met outside quotes decides the delimiter of the
		 * file.
		 */
		private boolean isDelimiter(char ch) {
			if (ch != ',' && ch != ';') {
				return false;
			}
			if (this.delimiter == null) {
				this.delimiter = ch;
			}
			return this.delimiter == ch;
		}

	}

	/**
	 * One line of a CSV file we write: the fields quoted where needed, a leading = + - @
	 * (a formula to a spreadsheet) neutralised with an apostrophe, CRLF at the end.
	 */
	public static String line(List<String> values) {
		return String.join(",", values.stream().map(v -> field(v == null ? "" : v)).toList()) + "\r\n";
	}

	private static String field(String value) {
		// a spreadsheet runs a value starting with = + - @ (or a tab, a return) as a
		// formula,
		// whatever follows: only a plain number keeps its sign
		boolean risky = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0
				&& !value.matches("-?\\d+(\\.\\d+)?");
		String safe = risky ? "'" + value : value;
		return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
				? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
	}

}
