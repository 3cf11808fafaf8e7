package io.encaisse.orders.intake;

import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import io.encaisse.orders.OrderRequest;
import io.encaisse.shared.Csv;
import io.encaisse.shared.Problem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Orders read from files, all into {@link OrderRequest}: CSV (one line per order line,
 * lines of one order share its reference), UBL 2.1 Order and UN/EDIFACT ORDERS (D96A and
 * its EANCOM subsets). A file that cannot be read is refused whole, naming its line or
 * element; XML entities and DTDs are refused outright (no XXE, no entity expansion).
 */
public final class OrderFiles {

	public static final int MAX_BYTES = 20 * 1024 * 1024;

	/** The contract's spellings of the CSV columns, beside ours. */
	static final java.util.Map<String, String> COLUMN_ALIASES = java.util.Map.of("sku", "item", "external_reference",
			"reference");

	private OrderFiles() {
	}

	/**
	 * {@code customer,reference,item,quantity[,unit_price,currency,requested_delivery,description]};
	 * {@code sku} may stand for {@code item} and {@code external_reference} for
	 * {@code reference} (the spelling of the API contract).
	 */
	public static List<OrderRequest> csv(Reader in) {
		List<OrderRequest> orders = new ArrayList<>();
		Problem.Errors errors = new Problem.Errors();
		csv(in, errors, orders::add);
		errors.throwIfAny();
		return orders;
	}

	/**
	 * Streams a CSV: each order is handed over once its last line is read, so a file of
	 * any length is read in little memory. The lines of one order (same customer, same
	 * reference) follow one another; a reference that comes back further down is an error
	 * at that line. A line without a reference is an order of its own. What cannot be
	 * read is added to {@code errors} with its line, and reading goes on.
	 */
	public static void csv(Reader in, Problem.Errors errors, Consumer<OrderRequest> each) {
		CsvOrders orders = new CsvOrders(errors, each);
		Csv.read(in, List.of("customer", "item", "quantity"), COLUMN_ALIASES, orders::row);
		orders.flush();
	}

	private static final class CsvOrders {

		private final Problem.Errors errors;

		private final Consumer<OrderRequest> each;

		/** The keys of the orders already handed over (those with a reference). */
		private final java.util.Set<String> done = new java.util.HashSet<>();

		private String key;

		private OrderRequest order;

		private List<OrderRequest.Line> lines;

		private boolean skipping;

		CsvOrders(Problem.Errors errors, Consumer<OrderRequest> each) {
			this.errors = errors;
			this.each = each;
		}

		void row(Csv.Row row) {
			String customer = row.get("customer");
			String reference = row.get("reference");
			if (customer == null || customer.isBlank()) {
				this.errors.addAtLine(row.line(), "customer", "is required");
				return;
			}
			LocalDate requested = null;
			String date = row.get("requested_delivery");
			if (date != null && !date.isBlank()) {
				try {
					requested = LocalDate.parse(date.trim());
				}
				catch (DateTimeParseException ex) {
					this.errors.addAtLine(row.line(), "requested_delivery", "must be a date written 2026-12-31");
				}
			}
			boolean referenced = reference != null && !reference.isBlank();
			// one order per customer and reference; without a reference, one per line
			String next = customer.trim() + "\u0000" + (referenced ? reference.trim() : "line:" + row.line());
			if (!next.equals(this.key)) {
				flush();
				this.key = next;
				if (referenced && !this.done.add(next)) {
					this.errors.addAtLine(row.line(), "reference", "order " + reference.trim() + " of "
							+ customer.trim()
							+ " already ended further up; keep the lines of an order together, one after the other");
					this.skipping = true;
					return;
				}
				this.skipping = false;
				this.order = new OrderRequest("CSV", blank(reference), customer.trim(), blank(row.get("currency")),
						null, requested, null, row.line());
				this.lines = new ArrayList<>();
			}
			if (!this.skipping) {
				this.lines.add(new OrderRequest.Line(row.get("item"), blank(row.get("description")),
						row.get("quantity"), blank(row.get("unit_price"))));
			}
		}

		void flush() {
			if (this.order != null && !this.skipping) {
				OrderRequest o = this.order;
				this.each.accept(new OrderRequest(o.channel(), o.externalReference(), o.customer(), o.currency(),
						o.orderedOn(), o.requestedDelivery(), this.lines, o.fileLine()));
			}
			this.order = null;
			this.lines = null;
			this.key = null;
			this.skipping = false;
		}

	}

	/**
	 * A UBL 2.1 Order: its ID, issue date, currency, the buyer (account id with us,
	 * company or VAT id, party id, endpoint, tried in that order), the requested delivery
	 * start, and each line's item (seller's id, standard id such as a GTIN, buyer's id),
	 * quantity and price.
	 */
	public static List<OrderRequest> ubl(byte[] xml) {
		Element root = parse(xml).getDocumentElement();
		if (!"Order".equals(root.getLocalName())) {
			throw new Problem.Invalid("Order", "the document is a " + root.getLocalName() + ", not a UBL Order");
		}
		Element buyer = child(root, "BuyerCustomerParty");
		if (buyer == null) {
			throw new Problem.Invalid("Order/BuyerCustomerParty", "is missing: who orders?");
		}
		Element party = child(buyer, "Party");
		List<String> customer = new ArrayList<>();
		add(customer, text(buyer, "CustomerAssignedAccountID"));
		add(customer, text(party, "PartyLegalEntity", "CompanyID"));
		add(customer, text(party, "PartyTaxScheme", "CompanyID"));
		add(customer, text(party, "PartyIdentification", "ID"));
		add(customer, text(party, "EndpointID"));
		List<OrderRequest.Line> lines = new ArrayList<>();
		int n = 0;
		for (Element orderLine : children(root, "OrderLine")) {
			n++;
			Element item = child(orderLine, "LineItem");
			if (item == null) {
				throw new Problem.Invalid("Order/OrderLine[" + n + "]/LineItem", "is missing");
			}
			Element article = child(item, "Item");
			String id = first(text(article, "SellersItemIdentification", "ID"),
					text(article, "StandardItemIdentification", "ID"), text(article, "BuyersItemIdentification", "ID"));
			if (id == null) {
				throw new Problem.Invalid("Order/OrderLine[" + n + "]/LineItem/Item",
						"names no item (seller's, standard or buyer's identification)");
			}
			lines.add(new OrderRequest.Line(id, text(article, "Name"), text(item, "Quantity"),
					text(item, "Price", "PriceAmount")));
		}
		LocalDate issued = date("Order/IssueDate", text(root, "IssueDate"));
		LocalDate requested = date("Order/Delivery/RequestedDeliveryPeriod/StartDate",
				text(child(root, "Delivery"), "RequestedDeliveryPeriod", "StartDate"));
		return List.of(new OrderRequest("UBL", text(root, "ID"), String.join("|", customer),
				text(root, "DocumentCurrencyCode"), issued, requested, lines, null));
	}

	/**
	 * UN/EDIFACT ORDERS: separators from UNA (or the defaults), the release character
	 * honoured; BGM's document number, DTM 137 (order date) and 2 (delivery requested),
	 * NAD+BY (the buyer's id, a GLN say), CUX, and per LIN its item id, QTY+21 and
	 * PRI+AAA. Several UNH..UNT messages make several orders.
	 */
	public static List<OrderRequest> edifact(byte[] bytes) {
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

	private static Document parse(byte[] xml) {
		try {
			DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setNamespaceAware(true);
			f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			f.setXIncludeAware(false);
			f.setExpandEntityReferences(false);
			f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			DocumentBuilder b = f.newDocumentBuilder();
			b.setErrorHandler(null);
			return b.parse(new ByteArrayInputStream(xml));
		}
		catch (org.xml.sax.SAXParseException ex) {
			throw new Problem.Invalid("line " + ex.getLineNumber(), "the XML cannot be read: " + ex.getMessage());
		}
		catch (Exception ex) {
			throw new Problem.Invalid("file", "the XML cannot be read: " + ex.getMessage());
		}
	}

	private static Element child(Element parent, String name) {
		if (parent == null) {
			return null;
		}
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && name.equals(e.getLocalName())) {
				return e;
			}
		}
		return null;
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && name.equals(e.getLocalName())) {
				found.add(e);
			}
		}
		return found;
	}

	private static String text(Element parent, String... path) {
		Element e = parent;
		for (String p : path) {
			e = child(e, p);
			if (e == null) {
				return null;
			}
		}
		String t = e.getTextContent();
		return t == null || t.isBlank() ? null : t.trim();
	}

	private static LocalDate date(String where, String value) {
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new Problem.Invalid(where, "'" + value + "' is not a date");
		}
	}

	private static void add(List<String> list, String value) {
		if (value != null && !value.contains("|")) {
			list.add(value);
		}
	}

	private static String first(String... values) {
		for (String v : values) {
			if (v != null) {
				return v;
			}
		}
		return null;
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

}
