package io.encaisse.invoicing.documents;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.invoicing.InvoiceView;
import io.encaisse.shared.VatTreatment;
import io.encaisse.shared.documents.PdfCanvas;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.XmpSerializer;
import org.mustangproject.BankDetails;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.IZUGFeRDExporter;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;
import org.mustangproject.CII.CIIToUBL;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The documents of an invoice: a readable PDF in the customer's language that is also a
 * Factur-X (PDF/A-3 with the EN 16931 CII XML inside), the CII XML alone, and UBL 2.1.
 */
@Component
@EnableConfigurationProperties(Seller.class)
public class InvoiceDocuments {

	private static final float MARGIN = PdfCanvas.MARGIN;

	static {
		// PDFBox and Mustang ask for a new XML factory several times per document;
		// without
		// these properties each request scans every jar of the classpath for a provider
		// (ServiceLoader), which took most of a Factur-X's rendering time. The classes
		// are
		// the ones that scan finds: Saxon's transformer (on the classpath for Mustang)
		// and
		// the JDK's parsers.
		setIfAbsent("javax.xml.transform.TransformerFactory", "net.sf.saxon.TransformerFactoryImpl");
		setIfAbsent("javax.xml.parsers.DocumentBuilderFactory",
				"com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl");
		setIfAbsent("javax.xml.parsers.SAXParserFactory",
				"com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl");
	}

	private static void setIfAbsent(String property, String factory) {
		if (System.getProperty(property) == null) {
			try {
				Class.forName(factory, false, InvoiceDocuments.class.getClassLoader());
				System.setProperty(property, factory);
			}
			catch (ClassNotFoundException absent) {
				// leave the JDK's lookup alone
			}
		}
	}

	private final Seller seller;

	private final InvoiceLayout layout;

	private final CompanyLetterhead letterheads;

	InvoiceDocuments(Seller seller, InvoiceLayout layout, CompanyLetterhead letterheads) {
		this.seller = seller;
		this.layout = layout;
		this.letterheads = letterheads;
	}

	public byte[] facturX(InvoiceView invoice, CustomerDetails customer, String originalNumber) {
		try {
			byte[] pdfa = visual(invoice, customer, originalNumber);
			// our base is PDF/A-3b by construction: the A-3 exporter directly, without
			// reading the PDF back to find its PDF/A version (a sixth of the rendering)
			IZUGFeRDExporter exporter = new ZUGFeRDExporterFromA3().load(pdfa)
				.setProducer("Encaisse")
				.setCreator("Encaisse")
				.setZUGFeRDVersion(2)
				.setProfile(Profiles.getByName("EN16931"));
			exporter.setTransaction(einvoice(invoice, customer, originalNumber));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			exporter.export(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public byte[] cii(InvoiceView invoice, CustomerDetails customer, String originalNumber) {
		ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
		provider.setProfile(Profiles.getByName("EN16931"));
		provider.generateXML(einvoice(invoice, customer, originalNumber));
		return provider.getXML();
	}

	public byte[] ubl(InvoiceView invoice, CustomerDetails customer, String originalNumber) {
		try {
			Path dir = Files.createTempDirectory("encaisse-ubl");
			try {
				Path cii = dir.resolve("cii.xml");
				Path ubl = dir.resolve("ubl.xml");
				Files.write(cii, cii(invoice, customer, originalNumber));
				new CIIToUBL().convert(cii.toFile(), ubl.toFile());
				return Files.readAllBytes(ubl);
			}
			finally {
				try (var files = Files.list(dir)) {
					files.forEach(p -> p.toFile().delete());
				}
				Files.deleteIfExists(dir);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Invoice einvoice(InvoiceView invoice, CustomerDetails customer, String originalNumber) {
		TradeParty sender = new TradeParty(this.seller.name(), this.seller.street(), this.seller.postalCode(),
				this.seller.city(), this.seller.country())
			.addVATID(this.seller.vatNumber())
			.setEmail(this.seller.email())
			.addBankDetails(new BankDetails(this.seller.iban(), this.seller.bic()))
			.setLegalOrganisation(new LegalOrganisation(this.seller.siren(), "0002"));
		CustomerDetails.Address a = customer.billingAddress();
		TradeParty recipient = new TradeParty(customer.name(), nz(a.line1()), nz(a.postalCode()), nz(a.city()),
				a.country() == null ? "FR" : a.country());
		if (customer.vatNumber() != null) {
			recipient.addVATID(customer.vatNumber());
		}
		if (customer.legalId() != null) {
			recipient.setLegalOrganisation(new LegalOrganisation(customer.legalId(), "0002"));
		}
		if (customer.email() != null) {
			recipient.setEmail(customer.email());
		}
		Invoice inv = new Invoice().setNumber(invoice.number())
			.setIssueDate(date(invoice.issueDate()))
			.setDueDate(date(invoice.dueDate()))
			.setDeliveryDate(date(invoice.issueDate()))
			.setCurrency(invoice.currency())
			.setSender(sender)
			.setRecipient(recipient)
			.setReferenceNumber(invoice.orderId() == null ? invoice.number() : invoice.orderId())
			.setPaymentTermDescription(terms(invoice, "en"));
		if (invoice.isCreditNote()) {
			inv.setCreditNote();
			if (originalNumber != null) {
				inv.setInvoiceReferencedDocumentID(originalNumber);
			}
		}
		else if (invoice.paymentReference() != null) {
			inv.setPaymentReference(invoice.paymentReference());
		}
		if (invoice.isDeposit()) {
			// a prepayment invoice (UNTDID 1001)
			inv.setDocumentCode("386");
		}
		for (InvoiceView.Line line : invoice.lines()) {
			BigDecimal netUnit = line.unitPrice()
				.amount()
				.multiply(BigDecimal.ONE.subtract(line.discountPercent().movePointLeft(2)))
				.stripTrailingZeros();
			if (netUnit.scale() < 2) {
				netUnit = netUnit.setScale(2);
			}
			Product product = new Product(line.description(), "", UnitCodes.of(line.unit()), line.taxRate());
			product.setSellerAssignedID(line.sku());
			String category = category(line.taxCategory(), line.taxRate());
			product.setTaxCategoryCode(category);
			if (!VatTreatment.STANDARD.equals(category)) {
				// the legal wording kept with the line (the product's, e.g. "Exonération
				// de
				// TVA, article 261-4-4° a du CGI", or the reverse charge's); a generic
				// one
				// for lines billed before it was kept
				product.setTaxExemptionReason(
						line.exemptionReason() != null ? line.exemptionReason() : "Exonération de TVA");
				String code = exemptionCode(category);
				if (code != null) {
					product.setTaxExemptionReasonCode(code);
				}
			}
			inv.addItem(new Item(product, netUnit, line.quantity()));
		}
		for (InvoiceView.Adjustment adj : invoice.adjustments()) {
			org.mustangproject.Charge c = adj.charge() ? new org.mustangproject.Charge(adj.amount().amount())
					: new org.mustangproject.Allowance(adj.amount().amount());
			c.setTaxPercent(adj.taxRate())
				.setCategoryCode(category(adj.taxCategory(), adj.taxRate()))
				.setReason(adj.reason());
			if (adj.charge()) {
				inv.addCharge(c);
			}
			else {
				inv.addAllowance(c);
			}
		}
		CustomerDetails.Address shipTo = deliveredElsewhere(customer);
		if (shipTo != null
				|| invoice.lines().stream().anyMatch(l -> VatTreatment.INTRA_COMMUNITY.equals(l.taxCategory()))) {
			// where the goods went, when it is not the billing address (BG-15), and
			// always
			// for an intra-community supply (BR-IC-12)
			CustomerDetails.Address to = shipTo != null ? shipTo : a;
			inv.setDeliveryAddress(new TradeParty(customer.name(), nz(to.line1()), nz(to.postalCode()), nz(to.city()),
					to.country() == null ? "FR" : to.country()));
		}
		return inv;
	}

	/**
	 * The customer's delivery address when it differs from the billing address (a
	 * mandatory mention then), else null.
	 */
	static CustomerDetails.Address deliveredElsewhere(CustomerDetails customer) {
		CustomerDetails.Address d = customer.deliveryAddress();
		if (d == null || d.line1() == null || d.line1().isBlank()) {
			return null;
		}
		CustomerDetails.Address b = customer.billingAddress();
		boolean same = b != null && java.util.Objects.equals(nz(d.line1()).trim(), nz(b.line1()).trim())
				&& java.util.Objects.equals(nz(d.postalCode()).trim(), nz(b.postalCode()).trim())
				&& java.util.Objects.equals(nz(d.city()).trim(), nz(b.city()).trim());
		return same ? null : d;
	}

	private static String category(String category, BigDecimal rate) {
		return category != null ? category : VatTreatment.defaultCategory(rate);
	}

	/** The VATEX code of a category without VAT (CEF VATEX list), when one fits. */
	private static String exemptionCode(String category) {
		return switch (category) {
			case VatTreatment.REVERSE_CHARGE -> "VATEX-EU-AE";
			case VatTreatment.INTRA_COMMUNITY -> "VATEX-EU-IC";
			case VatTreatment.EXPORT -> "VATEX-EU-G";
			default -> null;
		};
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private static Date date(LocalDate d) {
		return Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	private String terms(InvoiceView invoice, String lang) {
		if (invoice.isCreditNote()) {
			return "fr".equals(lang) ? "Avoir" : "Credit note";
		}
		return "fr".equals(lang) ? "Paiement à " + days(invoice) + " jours, échéance le " + invoice.dueDate()
				: "Payment within " + days(invoice) + " days, due on " + invoice.dueDate();
	}

	private static long days(InvoiceView invoice) {
		return java.time.temporal.ChronoUnit.DAYS.between(invoice.issueDate(), invoice.dueDate());
	}

	/** The human-readable PDF/A-3b base of the Factur-X. */
	byte[] visual(InvoiceView invoice, CustomerDetails customer, String originalNumber) throws IOException {
		String lang = "en".equals(customer.language()) ? "en" : "fr";
		Map<String, String> t = Labels.of(lang);
		try (PDDocument doc = new PDDocument()) {
			PdfCanvas w = new PdfCanvas(doc);
			PDFont regular = w.regular();
			PDFont bold = w.bold();
			float width = w.width();
			InvoiceLayout.Layout look = this.layout.current();
			try {
				String title = (invoice.isCreditNote() ? t.get("creditNote")
						: invoice.isDeposit() ? t.get("depositInvoice") : t.get("invoice")) + " " + invoice.number();
				float y = w.letterhead(this.letterheads.current(lang), title);
				float right = width / 2 + 40;
				float by = w.height() - MARGIN - 40;
				// (the buyer block stays at its place; the seller's may be pushed down by
				// a logo)
				w.text(bold, 10, right, by, t.get("billTo"));
				by -= 13;
				CustomerDetails.Address a = customer.billingAddress();
				List<String> buyer = new ArrayList<>(List.of(customer.name()));
				if (a.line1() != null) {
					buyer.add(a.line1());
				}
				buyer.add(nz(a.postalCode()) + " " + nz(a.city()) + " " + nz(a.country()));
				if (customer.legalId() != null) {
					buyer.add("SIREN " + customer.legalId());
				}
				if (customer.vatNumber() != null) {
					buyer.add(t.get("vat") + " " + customer.vatNumber());
				}
				for (String l : buyer) {
					w.text(regular, 10, right, by, l);
					by -= 12;
				}
				CustomerDetails.Address shipTo = deliveredElsewhere(customer);
				if (shipTo != null) {
					by -= 4;
					w.text(bold, 10, right, by, t.get("shipTo"));
					by -= 13;
					for (String l : List.of(nz(shipTo.line1()),
							nz(shipTo.postalCode()) + " " + nz(shipTo.city()) + " " + nz(shipTo.country()))) {
						w.text(regular, 10, right, by, l);
						by -= 12;
					}
				}
				y = Math.min(y, by) - 14;
				w.text(regular, 10, MARGIN, y,
						t.get("issueDate") + " : " + invoice.issueDate() + "    " + t.get("dueDate") + " : "
								+ invoice.dueDate() + "    " + t.get("saleDate") + " : " + invoice.issueDate());
				y -= 13;
				if (invoice.isCreditNote() && originalNumber != null) {
					w.text(regular, 10, MARGIN, y, t.get("creditFor") + " " + originalNumber
							+ (invoice.reason() == null ? "" : " — " + invoice.reason()));
					y -= 13;
				}
				w.text(regular, 10, MARGIN, y, t.get("operation") + " : " + operation(invoice, t));
				y -= 22;
				y = w.lineHeader(y, look.colour(), t.get("description"), t.get("qty"), t.get("unitPrice"),
						t.get("discount"), t.get("vatRate"), t.get("net"));
				for (InvoiceView.Line l : invoice.lines()) {
					if (y < 170) {
						y = w.newPage();
					}
					w.lineRow(y, l.description(), l.quantity(), l.unitPrice(), l.discountPercent(), l.taxRate(),
							l.net().toPlainString() + " " + invoice.currency());
					y -= 13;
				}
				w.line(MARGIN, y + 4, width - MARGIN, y + 4);
				y -= 10;
				float tx = width - MARGIN - 200;
				if (!invoice.adjustments().isEmpty()) {
					w.text(regular, 10, tx, y, t.get("lineTotal"));
					w.text(regular, 10, tx + 120, y, invoice.lineTotal().toPlainString() + " " + invoice.currency());
					y -= 13;
					for (InvoiceView.Adjustment adj : invoice.adjustments()) {
						w.text(regular, 10, tx - 80, y, PdfCanvas.ellipsis(
								(adj.charge() ? t.get("charge") : t.get("allowance")) + " : " + adj.reason(), 38));
						w.text(regular, 10, tx + 120, y,
								(adj.charge() ? "" : "-") + adj.amount().toPlainString() + " " + invoice.currency());
						y -= 13;
					}
				}
				w.text(regular, 10, tx, y, t.get("totalNet"));
				w.text(regular, 10, tx + 120, y, invoice.totalNet().toPlainString() + " " + invoice.currency());
				y -= 13;
				for (var g : invoice.vat()) {
					w.text(regular, 10, tx, y, t.get("vat") + " " + g.rate().stripTrailingZeros().toPlainString()
							+ " % (" + g.base().toPlainString() + ")");
					w.text(regular, 10, tx + 120, y, g.tax().toPlainString() + " " + invoice.currency());
					y -= 13;
				}
				w.text(bold, 11, tx, y, t.get("total"));
				w.text(bold, 11, tx + 120, y, invoice.total().toPlainString() + " " + invoice.currency());
				y -= 14;
				if (!invoice.isCreditNote()) {
					w.text(bold, 11, tx, y, t.get("amountDue"));
					w.text(bold, 11, tx + 120, y, invoice.amountDue().toPlainString() + " " + invoice.currency());
					y -= 14;
				}
				y -= 16;
				List<String> mentions = new ArrayList<>();
				if (!invoice.isCreditNote()) {
					mentions.add(t.get("payBy") + " " + this.seller.iban() + " (BIC " + this.seller.bic() + "), "
							+ t.get("reference") + " " + printed(invoice.paymentReference()));
					mentions.add(terms(invoice, lang) + ". " + t.get("noDiscount"));
					mentions.add(t.get("penalties"));
				}
				if (!operation(invoice, t).equals(t.get("goods"))) {
					mentions.add(t.get("vatOnDebits"));
				}
				// where no VAT is charged, the legal reason (exemption, reverse charge,
				// export)
				invoice.lines()
					.stream()
					.map(InvoiceView.Line::exemptionReason)
					.filter(java.util.Objects::nonNull)
					.distinct()
					.forEach(mentions::add);
				for (String m : mentions) {
					for (String part : PdfCanvas.wrap(m, 105)) {
						w.text(regular, 8, MARGIN, y, part);
						y -= 10;
					}
				}
			}
			finally {
				w.close();
			}
			pdfa(doc, invoice);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
	}

	private static String operation(InvoiceView invoice, Map<String, String> t) {
		long services = invoice.lines().stream().filter(l -> VatTreatment.isService(l.unit())).count();
		if (services == 0) {
			return t.get("goods");
		}
		return services == invoice.lines().size() ? t.get("services") : t.get("mixed");
	}

	private static String printed(String rf) {
		return rf == null ? "" : rf.replaceAll("(.{4})(?!$)", "$1 ");
	}

	private static void pdfa(PDDocument doc, InvoiceView invoice) throws IOException {
		XMPMetadata xmp = XMPMetadata.createXMPMetadata();
		xmp.createAndAddDublinCoreSchema().setTitle(invoice.number());
		Calendar created = Calendar.getInstance();
		xmp.createAndAddXMPBasicSchema().setCreateDate(created);
		PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
		id.setPart(3);
		try {
			id.setConformance("B");
		}
		catch (org.apache.xmpbox.type.BadFieldValueException ex) {
			throw new IOException(ex);
		}
		ByteArrayOutputStream x = new ByteArrayOutputStream();
		try {
			new XmpSerializer().serialize(xmp, x, true);
		}
		catch (javax.xml.transform.TransformerException ex) {
			throw new IOException(ex);
		}
		PDMetadata md = new PDMetadata(doc);
		md.importXMPMetadata(x.toByteArray());
		doc.getDocumentCatalog().setMetadata(md);
		PDOutputIntent oi = new PDOutputIntent(doc,
				new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
		oi.setInfo("sRGB IEC61966-2.1");
		oi.setOutputCondition("sRGB IEC61966-2.1");
		oi.setOutputConditionIdentifier("sRGB IEC61966-2.1");
		oi.setRegistryName("http://www.color.org");
		doc.getDocumentCatalog().addOutputIntent(oi);
	}

	/** Draws on the current page; follows to the next page when the table overflows. */

}
