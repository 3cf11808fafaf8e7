package io.encaisse.orders.intake;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import io.encaisse.orders.OrderRequest;
import io.encaisse.shared.Problem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** An order from a UBL 2.1 Order document; XML entities and DTDs refused (no XXE). */
final class UblOrderFile {

	private UblOrderFile() {
	}

	/**
	 * A UBL 2.1 Order: its ID, issue date, currency, the buyer (account id with us,
	 * company or VAT id, party id, endpoint, tried in that order), the requested delivery
	 * start, and each line's item (seller's id, standard id such as a GTIN, buyer's id),
	 * quantity and price.
	 */
	static List<OrderRequest> read(byte[] xml) {
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

}
