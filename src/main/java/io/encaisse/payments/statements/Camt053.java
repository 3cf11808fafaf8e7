package io.encaisse.payments.statements;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.encaisse.shared.Problem;

/**
 * Reads ISO 20022 bank-to-customer statements (camt.053, versions .001.02 to .001.08, and
 * camt.054 notifications) with a streaming parser, by element names, so the versions'
 * namespaces do not matter. DTDs and external entities are off: a hostile file cannot
 * reach the file system or expand entities.
 */
public final class Camt053 {

	private Camt053() {
	}

	/** A statement (or notification) of one account, with its own control figures. */
	public record Statement(String id, String account, List<Entry> entries, Control control) {

		public Statement(String id, String account, List<Entry> entries) {
			this(id, account, entries, Control.NONE);
		}

		/**
		 * What does not add up: the booked balances against the booked entries, and the
		 * transaction summary (count and sum of all entries, of credits, of debits)
		 * against the entries listed. Empty when the statement is consistent.
		 */
		public List<String> discrepancies() {
			List<String> found = new ArrayList<>();
			Control c = this.control;
			if (c.opening() != null && c.closing() != null) {
				BigDecimal expected = c.opening();
				for (Entry e : this.entries) {
					if (e.booked()) {
						expected = e.credit() ? expected.add(e.amount()) : expected.subtract(e.amount());
					}
				}
				if (expected.compareTo(c.closing()) != 0) {
					found.add("statement " + this.id + ": opening balance " + c.opening().toPlainString()
							+ " plus the booked entries makes " + expected.toPlainString()
							+ ", but the closing balance is " + c.closing().toPlainString());
				}
			}
			check(found, "entries", c.entryCount(), c.entrySum(), this.entries.stream().map(Entry::amount).toList());
			check(found, "credit entries", c.creditCount(), c.creditSum(),
					this.entries.stream().filter(Entry::credit).map(Entry::amount).toList());
			check(found, "debit entries", c.debitCount(), c.debitSum(),
					this.entries.stream().filter(e -> !e.credit()).map(Entry::amount).toList());
			return found;
		}

		private void check(List<String> found, String what, Integer count, BigDecimal sum, List<BigDecimal> amounts) {
			if (count != null && count != amounts.size()) {
				found.add("statement " + this.id + " announces " + count + " " + what + " but lists " + amounts.size());
			}
			BigDecimal listed = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			if (sum != null && sum.compareTo(listed) != 0) {
				found.add("statement " + this.id + " announces " + what + " summing to " + sum.toPlainString()
						+ " but they sum to " + listed.toPlainString());
			}
		}

	}

	/**
	 * The statement's own figures: booked opening and closing balances (signed), and the
	 * transaction summary's counts and sums; null where the bank gives none.
	 */
	public record Control(BigDecimal opening, BigDecimal closing, Integer entryCount, BigDecimal entrySum,
			Integer creditCount, BigDecimal creditSum, Integer debitCount, BigDecimal debitSum) {

		public static final Control NONE = new Control(null, null, null, null, null, null, null, null);

	}

	/**
	 * An entry with what matching needs; {@code booked} is false for pending or
	 * information-only entries, which move no money yet.
	 */
	public record Entry(String bankReference, BigDecimal amount, String currency, boolean credit, LocalDate bookingDate,
			LocalDate valueDate, String remittance, String debtorName, String debtorIban, boolean booked, String status,
			List<String> endToEndIds, String returnReason) {

		public Entry(String bankReference, BigDecimal amount, String currency, boolean credit, LocalDate bookingDate,
				LocalDate valueDate, String remittance, String debtorName, String debtorIban) {
			this(bankReference, amount, currency, credit, bookingDate, valueDate, remittance, debtorName, debtorIban,
					true, "BOOK", List.of(), null);
		}

	}

	public static List<Statement> read(InputStream in) {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		List<Statement> statements = new ArrayList<>();
		XMLStreamReader xml = null;
		try {
			xml = factory.createXMLStreamReader(in);
			Deque<String> path = new ArrayDeque<>();
			String statementId = null;
			String account = null;
			List<Entry> entries = null;
			EntryBuilder entry = null;
			ControlBuilder control = null;
			boolean sawDocument = false;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.DTD) {
					throw new Problem.Invalid("file", "a statement may not declare a DTD or entities");
				}
				if (event == XMLStreamConstants.START_ELEMENT) {
					String name = xml.getLocalName();
					path.push(name);
					if (!sawDocument) {
						sawDocument = true;
						if (!"Document".equals(name)) {
							throw new Problem.Invalid("file",
									"is not an ISO 20022 document (root element " + name + ")");
						}
					}
					if (("Stmt".equals(name) || "Ntfctn".equals(name) || "Rpt".equals(name)) && path.size() == 3) {
						statementId = null;
						account = null;
						entries = new ArrayList<>();
						control = new ControlBuilder();
					}
					else if ("Ntry".equals(name) && entries != null) {
						entry = new EntryBuilder();
					}
					else if ("Bal".equals(name) && control != null) {
						control.balanceStarts();
					}
					else if ("Amt".equals(name) && entry != null && path.size() == 5) {
						entry.currency = xml.getAttributeValue(null, "Ccy");
					}
					continue;
				}
				if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
					if (path.isEmpty() || xml.isWhiteSpace()) {
						continue;
					}
					String text = xml.getText().trim();
					String here = String.join("/", reversed(path));
					if (entry == null) {
						if (here.endsWith("Stmt/Id") || here.endsWith("Ntfctn/Id") || here.endsWith("Rpt/Id")) {
							statementId = append(statementId, text);
						}
						else if (here.matches(".*/(Stmt|Ntfctn|Rpt)/Acct/Id/(IBAN|Othr/Id)")) {
							account = append(account, text);
						}
						else if (control != null) {
							control.read(here, text);
						}
					}
					else {
						entry.read(here, text);
					}
					continue;
				}
				if (event == XMLStreamConstants.END_ELEMENT) {
					String name = path.pop();
					if ("Bal".equals(name) && control != null && entry == null) {
						control.balanceEnds();
					}
					else if ("Ntry".equals(name) && entry != null) {
						entries.add(entry.build(entries.size() + 1));
						entry = null;
					}
					else if (("Stmt".equals(name) || "Ntfctn".equals(name) || "Rpt".equals(name)) && path.size() == 2
							&& entries != null) {
						if (account == null) {
							throw new Problem.Invalid("file", "statement " + statementId + " names no account");
						}
						statements.add(new Statement(statementId, account.replace(" ", ""), List.copyOf(entries),
								control.build(statementId)));
						entries = null;
					}
				}
			}
			if (statements.isEmpty()) {
				throw new Problem.Invalid("file", "holds no statement (Stmt) or notification (Ntfctn)");
			}
			return statements;
		}
		catch (XMLStreamException ex) {
			int line = ex.getLocation() == null ? 0 : ex.getLocation().getLineNumber();
			throw new Problem.Invalid(List
				.of(new Problem.FieldError("file", "is not well-formed XML: " + message(ex), line > 0 ? line : null)));
		}
		catch (java.util.MissingResourceException | IllegalStateException | IllegalArgumentException ex) {
			// the JDK's parser fails this way on some malformed DTDs (found by fuzzing):
			// still a refusal, not a crash
			int line = xml == null || xml.getLocation() == null ? 0 : xml.getLocation().getLineNumber();
			throw new Problem.Invalid(
					List.of(new Problem.FieldError("file", "is not well-formed XML", line > 0 ? line : null)));
		}
		finally {
			if (xml != null) {
				try {
					xml.close();
				}
				catch (XMLStreamException ignored) {
					// nothing more to read
				}
			}
		}
	}

	/**
	 * An amount as banks write them: at most 15 digits before the point and 5 after
	 * (anything else, such as 1e99999, is no amount).
	 */
	public static BigDecimal amount(String text) {
		String t = text.trim();
		if (t.length() > 25 || !t.matches("-?\\d{1,15}(\\.\\d{0,5})?")) {
			throw new NumberFormatException(t);
		}
		return new BigDecimal(t);
	}

	static String shorten(String text) {
		return text.length() <= 40 ? text : text.substring(0, 40) + "…";
	}

	private static String message(XMLStreamException ex) {
		String m = ex.getMessage() == null ? "" : ex.getMessage();
		int i = m.indexOf("Message: ");
		return (i >= 0 ? m.substring(i + 9) : m).replaceAll("\\s+", " ").trim();
	}

	private static List<String> reversed(Deque<String> path) {
		List<String> list = new ArrayList<>(path);
		java.util.Collections.reverse(list);
		return list;
	}

	private static String append(String current, String text) {
		return current == null ? text : current + text;
	}

	/** Balances and the transaction summary of one statement. */
	private static final class ControlBuilder {

		BigDecimal opening;

		BigDecimal closing;

		String balanceType;

		String balanceAmount;

		String balanceIndicator;

		final java.util.Map<String, String> summary = new java.util.HashMap<>();

		void balanceStarts() {
			this.balanceType = null;
			this.balanceAmount = null;
			this.balanceIndicator = null;
		}

		void read(String path, String text) {
			if (path.endsWith("Bal/Tp/CdOrPrtry/Cd")) {
				this.balanceType = text;
			}
			else if (path.endsWith("Bal/Amt")) {
				this.balanceAmount = append(this.balanceAmount, text);
			}
			else if (path.endsWith("Bal/CdtDbtInd")) {
				this.balanceIndicator = text;
			}
			else if (path.contains("/TxsSummry/")) {
				String key = path.substring(path.indexOf("/TxsSummry/") + 11);
				this.summary.merge(key, text, String::concat);
			}
		}

		void balanceEnds() {
			if (this.balanceAmount == null || this.balanceType == null) {
				return;
			}
			BigDecimal value = number(this.balanceAmount, "balance " + this.balanceType);
			if ("DBIT".equals(this.balanceIndicator)) {
				value = value.negate();
			}
			if ("OPBD".equals(this.balanceType) || ("PRCD".equals(this.balanceType) && this.opening == null)) {
				this.opening = value;
			}
			else if ("CLBD".equals(this.balanceType)) {
				this.closing = value;
			}
		}

		Control build(String statementId) {
			return new Control(this.opening, this.closing, count("TtlNtries/NbOfNtries"), sum("TtlNtries/Sum"),
					count("TtlCdtNtries/NbOfNtries"), sum("TtlCdtNtries/Sum"), count("TtlDbtNtries/NbOfNtries"),
					sum("TtlDbtNtries/Sum"));
		}

		private Integer count(String key) {
			String v = this.summary.get(key);
			if (v == null) {
				return null;
			}
			try {
				return Integer.valueOf(v.trim());
			}
			catch (NumberFormatException ex) {
				throw new Problem.Invalid("file", "the transaction summary's " + key + " '" + v + "' is not a number");
			}
		}

		private BigDecimal sum(String key) {
			String v = this.summary.get(key);
			return v == null ? null : number(v, "the transaction summary's " + key);
		}

		private static BigDecimal number(String text, String what) {
			try {
				return Camt053.amount(text);
			}
			catch (NumberFormatException ex) {
				throw new Problem.Invalid("file", what + " '" + shorten(text) + "' is not an amount");
			}
		}

	}

	private static final class EntryBuilder {

		String bankReference;

		String amount;

		String currency;

		String indicator;

		String bookingDate;

		String valueDate;

		final StringBuilder remittance = new StringBuilder();

		String debtorName;

		String debtorIban;

		String status;

		final List<String> endToEndIds = new ArrayList<>();

		String returnReason;

		void read(String path, String text) {
			if (path.endsWith("Ntry/Amt")) {
				this.amount = append(this.amount, text);
			}
			else if (path.endsWith("Ntry/CdtDbtInd")) {
				this.indicator = text;
			}
			else if (path.endsWith("Ntry/Sts") || path.endsWith("Ntry/Sts/Cd") || path.endsWith("Ntry/Sts/Prtry")) {
				this.status = text;
			}
			else if (path.endsWith("Ntry/AcctSvcrRef")) {
				this.bankReference = append(this.bankReference, text);
			}
			else if (path.endsWith("Ntry/BookgDt/Dt") || path.endsWith("Ntry/BookgDt/DtTm")) {
				this.bookingDate = text;
			}
			else if (path.endsWith("Ntry/ValDt/Dt") || path.endsWith("Ntry/ValDt/DtTm")) {
				this.valueDate = text;
			}
			else if (path.endsWith("RmtInf/Ustrd") || path.endsWith("CdtrRefInf/Ref") || path.endsWith("AddtlRmtInf")
					|| path.endsWith("Ntry/AddtlNtryInf")) {
				if (!this.remittance.isEmpty()) {
					this.remittance.append(' ');
				}
				this.remittance.append(text);
			}
			else if (path.endsWith("Refs/EndToEndId")) {
				if (!"NOTPROVIDED".equals(text) && this.endToEndIds.size() < 1000) {
					this.endToEndIds.add(text);
					// the payer's own reference often is the invoice number
					if (!this.remittance.isEmpty()) {
						this.remittance.append(' ');
					}
					this.remittance.append(text);
				}
			}
			else if (path.endsWith("RtrInf/Rsn/Cd") || path.endsWith("RtrInf/Rsn/Prtry")) {
				this.returnReason = text;
			}
			else if (path.endsWith("RltdPties/Dbtr/Nm") || path.endsWith("RltdPties/Dbtr/Pty/Nm")) {
				this.debtorName = text;
			}
			else if (path.endsWith("RltdPties/DbtrAcct/Id/IBAN")) {
				this.debtorIban = text;
			}
		}

		Entry build(int number) {
			if (this.amount == null || this.indicator == null) {
				throw new Problem.Invalid("file", "entry " + number + " has no amount or no credit/debit indicator");
			}
			BigDecimal value;
			try {
				value = Camt053.amount(this.amount);
			}
			catch (NumberFormatException ex) {
				throw new Problem.Invalid("file",
						"entry " + number + " has an unreadable amount '" + shorten(this.amount) + "'");
			}
			if (value.signum() < 0) {
				throw new Problem.Invalid("file", "entry " + number + " has a negative amount '" + shorten(this.amount)
						+ "' (an entry's amount is positive; CRDT or DBIT says which way it goes)");
			}
			if (!"CRDT".equals(this.indicator) && !"DBIT".equals(this.indicator)) {
				throw new Problem.Invalid("file", "entry " + number + " has the credit/debit indicator '"
						+ shorten(this.indicator) + "', which is neither CRDT nor DBIT");
			}
			return new Entry(this.bankReference, value, this.currency == null ? "EUR" : this.currency,
					"CRDT".equals(this.indicator), date(number, "booking", this.bookingDate),
					date(number, "value", this.valueDate),
					this.remittance.isEmpty() ? null : this.remittance.toString(), this.debtorName, this.debtorIban,
					this.status == null || "BOOK".equals(this.status), this.status == null ? "BOOK" : this.status,
					List.copyOf(this.endToEndIds), this.returnReason);
		}

		/**
		 * An entry's date (ISODate, or the date of an ISODateTime); absent is null, wrong
		 * refuses the file.
		 */
		private static LocalDate date(int number, String which, String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				if (text.length() > 10 && "TZ+-".indexOf(text.charAt(10)) < 0) {
					throw new java.time.format.DateTimeParseException("not an ISO date", text, 10);
				}
				return LocalDate.parse(text.length() < 10 ? text : text.substring(0, 10));
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw new Problem.Invalid("file",
						"entry " + number + " has the " + which + " date '" + shorten(text) + "', which is no date");
			}
		}

	}

}
