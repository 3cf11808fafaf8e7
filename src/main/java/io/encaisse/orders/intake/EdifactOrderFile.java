package io.encaisse.orders.intake;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.encaisse.orders.OrderRequest;
import io.encaisse.shared.Problem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Orders from UN/EDIFACT ORDERS messages (D96A and its EANCOM subsets). */
final class EdifactOrderFile {

	private EdifactOrderFile() {
	}

	/**
	 * UN/EDIFACT ORDERS: separators from UNA (or the defaults), the release character
	 * honoured; BGM's document number, DTM 137 (order date) and 2 (delivery requested),
	 * NAD+BY (the buyer's id, a GLN say), CUX, and per LIN its item id, QTY+21 and
	 * PRI+AAA. Several UNH..UNT messages make several orders.
	 */
	static List<OrderRequest> read(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		char component = ':';
		char element = '+';
		char decimal = '.';
		char release = '?';
		char terminator = '\'';
		if (text.startsWith("UNA")) {
			if (text.length() < 9) {
				throw new Problem.Invalid("UNA", "is truncated");
			}
			component = text.charAt(3);
			element = text.charAt(4);
			decimal = text.charAt(5);
			release = text.charAt(6);
			terminator = text.charAt(8);
			text = text.substring(9);
		}
		List<List<List<String>>> segments = segments(text, component, element, release, terminator);
		List<OrderRequest> orders = new ArrayList<>();
		Message m = null;
		int index = 0;
		for (List<List<String>> s : segments) {
			index++;
			String tag = s.get(0).get(0).trim();
			String where = "segment " + index + " (" + tag + ")";
			switch (tag) {
				case "UNH" -> {
					String type = part(s, 2, 0);
					if (!"ORDERS".equals(type)) {
						throw new Problem.Invalid(where, "is a " + type + " message, not ORDERS");
					}
					m = new Message(index);
				}
				case "BGM" -> need(m, where).reference = part(s, 2, 0);
				case "DTM" -> {
					String qualifier = part(s, 1, 0);
					LocalDate d = edifactDate(where, part(s, 1, 1), part(s, 1, 2));
					if ("137".equals(qualifier)) {
						need(m, where).orderedOn = d;
					}
					else if ("2".equals(qualifier)) {
						need(m, where).requested = d;
					}
				}
				case "NAD" -> {
					if ("BY".equals(part(s, 1, 0))) {
						need(m, where).buyer = part(s, 2, 0);
					}
				}
				case "CUX" -> need(m, where).currency = part(s, 1, 1);
				case "LIN" -> {
					Message msg = need(m, where);
					String item = part(s, 3, 0);
					if (item == null || item.isBlank()) {
						throw new Problem.Invalid(where, "names no item (LIN element 3)");
					}
					msg.lines.add(new String[] { item, null, null, null });
				}
				case "PIA" -> {
					// additional ids: the buyer's or supplier's item number, kept if LIN
					// had none
				}
				case "IMD" -> {
					String[] line = last(need(m, where), where);
					if (line[1] == null) {
						line[1] = part(s, 3, 3);
					}
				}
				case "QTY" -> {
					if ("21".equals(part(s, 1, 0))) {
						last(need(m, where), where)[2] = number(part(s, 1, 1), decimal);
					}
				}
				case "PRI" -> {
					if ("AAA".equals(part(s, 1, 0)) || "AAB".equals(part(s, 1, 0))) {
						last(need(m, where), where)[3] = number(part(s, 1, 1), decimal);
					}
				}
				case "UNT" -> {
					Message msg = need(m, where);
					orders.add(msg.request());
					m = null;
				}
				default -> {
					// envelope (UNB, UNG, UNE, UNZ), free text, references, control
					// counts
				}
			}
		}
		if (m != null) {
			throw new Problem.Invalid("segment " + m.start + " (UNH)", "the message is not closed by UNT");
		}
		if (orders.isEmpty()) {
			throw new Problem.Invalid("file", "holds no ORDERS message (UNH)");
		}
		return orders;
	}

	private static final class Message {

		final int start;

		String reference;

		LocalDate orderedOn;

		LocalDate requested;

		String buyer;

		String currency;

		final List<String[]> lines = new ArrayList<>();

		Message(int start) {
			this.start = start;
		}

		OrderRequest request() {
			if (this.buyer == null) {
				throw new Problem.Invalid("segment " + this.start + " (UNH)", "the message names no buyer (NAD+BY)");
			}
			List<OrderRequest.Line> l = new ArrayList<>();
			for (String[] line : this.lines) {
				l.add(new OrderRequest.Line(line[0], line[1], line[2], line[3]));
			}
			return new OrderRequest("EDIFACT", this.reference, this.buyer, this.currency, this.orderedOn,
					this.requested, l, null);
		}

	}

	private static Message need(Message m, String where) {
		if (m == null) {
			throw new Problem.Invalid(where, "comes outside a message (before UNH or after UNT)");
		}
		return m;
	}

	private static String[] last(Message m, String where) {
		if (m.lines.isEmpty()) {
			throw new Problem.Invalid(where, "comes before any LIN");
		}
		return m.lines.get(m.lines.size() - 1);
	}

	private static String part(List<List<String>> s, int element, int component) {
		if (element >= s.size() || component >= s.get(element).size()) {
			return null;
		}
		String v = s.get(element).get(component);
		return v == null || v.isEmpty() ? null : v;
	}

	private static String number(String value, char decimal) {
		return value == null ? null : value.replace(decimal, '.');
	}

	private static LocalDate edifactDate(String where, String value, String format) {
		if (value == null) {
			return null;
		}
		try {
			return switch (format == null ? "102" : format) {
				case "102" -> LocalDate.parse(value.substring(0, 8), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
				case "203", "204" ->
					LocalDate.parse(value.substring(0, 8), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
				default -> throw new Problem.Invalid(where, "date format " + format + " is not read (102, 203)");
			};
		}
		catch (DateTimeParseException | StringIndexOutOfBoundsException ex) {
			throw new Problem.Invalid(where, "'" + value + "' is not a date in format " + format);
		}
	}

	/** Segments, elements, components; the release character escapes the next one. */
	static List<List<List<String>>> segments(String text, char component, char element, char release, char terminator) {
		List<List<List<String>>> segments = new ArrayList<>();
		List<List<String>> segment = new ArrayList<>();
		List<String> elementParts = new ArrayList<>();
		StringBuilder value = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == release && i + 1 < text.length()) {
				value.append(text.charAt(++i));
			}
			else if (c == component) {
				elementParts.add(value.toString());
				value.setLength(0);
			}
			else if (c == element) {
				elementParts.add(value.toString());
				value.setLength(0);
				segment.add(elementParts);
				elementParts = new ArrayList<>();
			}
			else if (c == terminator) {
				elementParts.add(value.toString());
				value.setLength(0);
				segment.add(elementParts);
				if (!segment.get(0).get(0).isBlank()) {
					segments.add(segment);
				}
				segment = new ArrayList<>();
				elementParts = new ArrayList<>();
			}
			else if ((c == '\n' || c == '\r') && value.isEmpty() && elementParts.isEmpty() && segment.isEmpty()) {
				// line breaks between segments
			}
			else {
				value.append(c);
			}
			if (segments.size() > 200_000) {
				throw new Problem.Invalid("file", "has more than 200,000 segments");
			}
		}
		if (!value.toString().isBlank() || !segment.isEmpty()) {
			throw new Problem.Invalid("segment " + (segments.size() + 1), "is not terminated by " + terminator);
		}
		return segments;
	}

}
