package io.encaisse.payments.statements;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.encaisse.shared.Problem;

/**
 * Reads SWIFT MT940 statements as banks export them: with or without SWIFT block headers,
 * with bank header lines, multi-line {@code :86:} fields (free, German {@code ?20}
 * subfields or Dutch {@code /REMI/} codes). Each {@code :20:} starts a statement;
 * {@code :25:} is its account, {@code :61:} an entry and the {@code :86:} after it the
 * entry's information.
 */
public final class Mt940 {

	private static final Pattern TAG = Pattern.compile("^:(\\d{2}[A-Z]?):(.*)$");

	private static final Pattern LINE_61 = Pattern
		.compile("^(\\d{6})(\\d{4})?(RC|RD|C|D)([A-Z])?(\\d[\\d]*,\\d*)([A-Z]\\w{3})?([^/]*)(?://(.*))?$");

	private static final Pattern BALANCE = Pattern.compile("^([CD])\\d{6}[A-Z]{3}(\\d[\\d]*,\\d*)\\s*$");

	private Mt940() {
	}

	public static List<Camt053.Statement> read(byte[] file) {
		String text = decode(file).replace("\r\n", "\n").replace('\r', '\n');
		List<Camt053.Statement> statements = new ArrayList<>();
		String tag = null;
		StringBuilder value = new StringBuilder();
		State state = new State();
		int lineNumber = 0;
		int tagLine = 0;
		for (String raw : text.split("\n", -1)) {
			lineNumber++;
			String line = raw.replace("\u00AD", "").replace('\t', ' ');
			Matcher m = TAG.matcher(line);
			if (m.matches()) {
				if (tag != null) {
					state.field(tag, value.toString(), tagLine, statements);
				}
				tag = m.group(1);
				tagLine = lineNumber;
				value.setLength(0);
				value.append(m.group(2));
			}
			else if (line.startsWith("-") || line.startsWith("{") || line.isBlank()) {
				if (tag != null && !line.isBlank()) {
					state.field(tag, value.toString(), tagLine, statements);
					tag = null;
				}
			}
			else if (tag != null) {
				value.append('\n').append(line);
			}
		}
		if (tag != null) {
			state.field(tag, value.toString(), tagLine, statements);
		}
		state.close(statements);
		if (statements.isEmpty()) {
			throw new Problem.Invalid("file", "holds no MT940 statement (no :20: and :25: fields)");
		}
		return statements;
	}

	private static String decode(byte[] file) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file))
				.toString();
		}
		catch (java.nio.charset.CharacterCodingException notUtf8) {
			return new String(file, StandardCharsets.ISO_8859_1);
		}
	}

	private static final class State {

		String id;

		String account;

		String currency;

		List<Camt053.Entry> entries;

		Pending pending;

		BigDecimal opening;

		BigDecimal closing;

		/** An MT940 amount: digits and a decimal comma, within what a bank books. */
		private static BigDecimal mtAmount(String text, int line) {
			try {
				return Camt053.amount(text.replace(',', '.').replaceAll("\\.$", ""));
			}
			catch (NumberFormatException ex) {
				throw new Problem.Invalid(List
					.of(new Problem.FieldError("file", "unreadable amount '" + Camt053.shorten(text) + "'", line)));
			}
		}

		/** A balance field: C or D, YYMMDD, currency, amount with a decimal comma. */
		private static BigDecimal balance(String v, String tag, int line) {
			Matcher m = BALANCE.matcher(v);
			if (!m.matches()) {
				throw new Problem.Invalid(
						List.of(new Problem.FieldError("file", "unreadable :" + tag + ": balance '" + v + "'", line)));
			}
			BigDecimal amount = mtAmount(m.group(2), line);
			return "D".equals(m.group(1)) ? amount.negate() : amount;
		}

		void field(String tag, String value, int line, List<Camt053.Statement> statements) {
			switch (tag) {
				case "20" -> {
					close(statements);
					this.id = value.trim();
					this.entries = new ArrayList<>();
				}
				case "25" -> this.account = account(value);
				case "60F", "60M" -> {
					String v = value.trim();
					if (v.length() >= 10) {
						this.currency = v.substring(7, 10);
					}
					this.opening = balance(v, tag, line);
				}
				case "62F", "62M" -> this.closing = balance(value.trim(), tag, line);
				case "61" -> {
					flush();
					this.pending = entry(value, line);
				}
				case "86" -> {
					if (this.pending != null) {
						this.pending.information = information(value);
					}
				}
				default -> {
					// balances, statement numbers: not needed to match payments
				}
			}
		}

		void close(List<Camt053.Statement> statements) {
			flush();
			if (this.entries != null) {
				if (this.account == null) {
					throw new Problem.Invalid("file", "statement " + this.id + " has no :25: account");
				}
				statements.add(new Camt053.Statement(this.id, this.account, List.copyOf(this.entries),
						new Camt053.Control(this.opening, this.closing, null, null, null, null, null, null)));
			}
			this.entries = null;
			this.account = null;
			this.opening = null;
			this.closing = null;
		}

		private void flush() {
			if (this.pending != null && this.entries != null) {
				Pending p = this.pending;
				this.entries
					.add(new Camt053.Entry(p.bankReference, p.amount, this.currency == null ? "EUR" : this.currency,
							p.credit, p.date, p.date, p.information, null, null));
			}
			this.pending = null;
		}

		private static Pending entry(String value, int line) {
			String first = value.split("\n", 2)[0].trim();
			Matcher m = LINE_61.matcher(first);
			if (!m.matches()) {
				throw new Problem.Invalid(
						List.of(new Problem.FieldError("file", "unreadable :61: entry '" + first + "'", line)));
			}
			Pending p = new Pending();
			try {
				p.date = LocalDate.of(2000 + Integer.parseInt(m.group(1).substring(0, 2)),
						Integer.parseInt(m.group(1).substring(2, 4)), Integer.parseInt(m.group(1).substring(4, 6)));
			}
			catch (java.time.DateTimeException ex) {
				throw new Problem.Invalid(List
					.of(new Problem.FieldError("file", "the :61: entry's date " + m.group(1) + " is no date", line)));
			}
			String mark = m.group(3);
			p.credit = mark.equals("C") || mark.equals("RD");
			p.amount = mtAmount(m.group(5), line);
			String reference = m.group(8) == null ? m.group(7) : m.group(8);
			p.bankReference = reference == null || reference.isBlank() || reference.trim().equals("NONREF") ? null
					: reference.trim();
			return p;
		}

		/** :86: text on one line; German ?NN subfield markers become spaces. */
		private static String information(String value) {
			return value.replace("\n", "").replaceAll("\\?\\d{2}", " ").replaceAll("\\s+", " ").trim();
		}

		private static String account(String value) {
			String v = value.trim().replace(" ", "");
			if (v.contains("/") && v.matches(".*[A-Z]{2}\\d{2}[A-Z0-9]{10,30}.*")) {
				Matcher iban = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{10,30}").matcher(v);
				if (iban.find()) {
					return iban.group();
				}
			}
			return v.replaceAll("[A-Z]{3}$", "");
		}

	}

	private static final class Pending {

		LocalDate date;

		boolean credit;

		BigDecimal amount;

		String bankReference;

		String information;

	}

}
