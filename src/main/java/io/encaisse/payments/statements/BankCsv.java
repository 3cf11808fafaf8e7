package io.encaisse.payments.statements;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.encaisse.shared.Csv;
import io.encaisse.shared.Problem;

/**
 * Reads a bank's CSV export through the column mapping saved for that account: each bank
 * names and formats its columns its own way (a signed amount or a credit and a debit
 * column, a decimal comma, dd/MM/yyyy dates, Windows-1252 text). A line that cannot be
 * read refuses the file, naming the line.
 */
public final class BankCsv {

	private BankCsv() {
	}

	/** How a bank's CSV reads; column names as in the file's header, any case. */
	public record Mapping(String name, String encoding, String dateColumn, String dateFormat, String amountColumn,
			String creditColumn, String debitColumn, Boolean decimalComma, String remittanceColumn,
			String payerNameColumn, String payerIbanColumn, String referenceColumn, String currency) {

		/** The mapping's own mistakes, by field. */
		public void validate(Problem.Errors errors) {
			if (this.name == null || this.name.isBlank()) {
				errors.add("name", "is required");
			}
			if (this.dateColumn == null || this.dateColumn.isBlank()) {
				errors.add("dateColumn", "is required");
			}
			boolean signed = this.amountColumn != null && !this.amountColumn.isBlank();
			boolean split = this.creditColumn != null && !this.creditColumn.isBlank();
			if (signed == split) {
				errors.add("amountColumn",
						"give either a signed amount column or a credit column (and a debit column)");
			}
			try {
				dates(datePattern());
			}
			catch (IllegalArgumentException ex) {
				errors.add("dateFormat", "'" + this.dateFormat + "' is not a date pattern");
			}
			try {
				charset();
			}
			catch (IllegalArgumentException ex) {
				errors.add("encoding", "'" + this.encoding + "' is not a known encoding");
			}
		}

		/** A decimal comma (1 234,56) unless told otherwise. */
		public boolean usesDecimalComma() {
			return this.decimalComma == null || this.decimalComma;
		}

		/** The date pattern, dd/MM/yyyy unless the bank writes otherwise. */
		public String datePattern() {
			return this.dateFormat == null || this.dateFormat.isBlank() ? "dd/MM/yyyy" : this.dateFormat;
		}

		Charset charset() {
			return Charset.forName(this.encoding == null || this.encoding.isBlank() ? "UTF-8" : this.encoding);
		}

	}

	public static Camt053.Statement read(byte[] file, Mapping mapping, String account, String statementId) {
		Reader reader = new InputStreamReader(new ByteArrayInputStream(file),
				mapping.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT));
		DateTimeFormatter dates = dates(mapping.datePattern());
		List<String> required = new ArrayList<>();
		required.add(lower(mapping.dateColumn()));
		for (String column : new String[] { mapping.amountColumn(), mapping.creditColumn() }) {
			if (column != null && !column.isBlank()) {
				required.add(lower(column));
			}
		}
		List<Camt053.Entry> entries = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		try {
			Csv.read(reader, required, row -> {
				LocalDate date = date(row, mapping.dateColumn(), dates, mapping.datePattern());
				BigDecimal amount;
				boolean credit;
				if (mapping.amountColumn() != null && !mapping.amountColumn().isBlank()) {
					BigDecimal signed = amount(row, mapping.amountColumn(), mapping.usesDecimalComma(), true);
					credit = signed.signum() > 0;
					amount = signed.abs();
				}
				else {
					BigDecimal in = amount(row, mapping.creditColumn(), mapping.usesDecimalComma(), false);
					BigDecimal out = mapping.debitColumn() == null || mapping.debitColumn().isBlank() ? null
							: amount(row, mapping.debitColumn(), mapping.usesDecimalComma(), false);
					if ((in == null || in.signum() == 0) == (out == null || out.signum() == 0)) {
						throw new Problem.Invalid(List.of(new Problem.FieldError(mapping.creditColumn(),
								"a line needs an amount in exactly one of the credit and debit columns", row.line())));
					}
					credit = in != null && in.signum() != 0;
					amount = credit ? in.abs() : out.abs();
				}
				String remittance = text(row, mapping.remittanceColumn());
				String reference = text(row, mapping.referenceColumn());
				String payer = text(row, mapping.payerNameColumn());
				String iban = text(row, mapping.payerIbanColumn());
				if (reference == null) {
					// no bank reference: the same line in an overlapping export is known
					// by
					// its content, and by its rank among identical lines
					String content = date + "|" + amount + "|" + credit + "|" + remittance + "|" + payer;
					int n = seen.merge(content, 1, Integer::sum);
					reference = "csv:" + sha256(content) + ":" + n;
				}
				entries.add(new Camt053.Entry(reference, amount, mapping.currency(), credit, date, date, remittance,
						payer, iban == null ? null : iban.replace(" ", "").toUpperCase(Locale.ROOT)));
			});
		}
		catch (java.io.UncheckedIOException ex) {
			if (ex.getCause() instanceof MalformedInputException) {
				throw new Problem.Invalid("file",
						"is not " + mapping.charset().name() + " text; set the mapping's encoding (e.g. windows-1252)");
			}
			throw new Problem.Invalid("file", "could not be read: " + ex.getMessage());
		}
		if (entries.isEmpty()) {
			throw new Problem.Invalid("file", "holds no line");
		}
		return new Camt053.Statement(statementId, account, List.copyOf(entries));
	}

	private static String sha256(String content) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.substring(0, 40);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String lower(String column) {
		return column.trim().toLowerCase(Locale.ROOT);
	}

	private static String text(Csv.Row row, String column) {
		if (column == null || column.isBlank()) {
			return null;
		}
		String v = row.get(lower(column));
		return v == null || v.isBlank() ? null : v.trim();
	}

	/**
	 * Dates read strictly: 2026-02-30 is no date (a lenient reader makes it 2026-02-28).
	 * Strict resolution needs the proleptic year ({@code u}) where banks write {@code y}.
	 */
	static DateTimeFormatter dates(String pattern) {
		return DateTimeFormatter.ofPattern(pattern.replace('y', 'u'), Locale.ROOT)
			.withResolverStyle(java.time.format.ResolverStyle.STRICT);
	}

	private static LocalDate date(Csv.Row row, String column, DateTimeFormatter format, String pattern) {
		String v = text(row, column);
		try {
			if (v == null) {
				throw new DateTimeParseException("empty", "", 0);
			}
			return LocalDate.parse(v, format);
		}
		catch (DateTimeParseException ex) {
			throw new Problem.Invalid(List.of(new Problem.FieldError(column,
					"'" + (v == null ? "" : v) + "' is not a date in the form " + pattern, row.line())));
		}
	}

	private static BigDecimal amount(Csv.Row row, String column, boolean decimalComma, boolean required) {
		String v = text(row, column);
		if (v == null) {
			if (required) {
				throw new Problem.Invalid(List.of(new Problem.FieldError(column, "is empty", row.line())));
			}
			return null;
		}
		String s = v.replace("\u00A0", "").replace("\u202F", "").replace(" ", "").replace("€", "").replace("+", "");
		s = decimalComma ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
		try {
			BigDecimal amount = new BigDecimal(s);
			if (amount.scale() > 4 || amount.precision() - amount.scale() > 15) {
				throw new NumberFormatException();
			}
			return amount;
		}
		catch (NumberFormatException ex) {
			throw new Problem.Invalid(
					List.of(new Problem.FieldError(column, "'" + v + "' is not an amount", row.line())));
		}
	}

}
