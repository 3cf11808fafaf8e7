package io.encaisse.quotes;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.shared.Money;
import io.encaisse.shared.documents.Letterhead;
import io.encaisse.shared.documents.PdfCanvas;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A quote printed in the company's layout (the letterhead invoices use): the buyer, the
 * dates, each line with its terms (options set apart and left out of the totals until
 * taken, billing other than on delivery said), the totals by VAT rate, the deposit,
 * payment terms, conditions and notes, and a box for the customer's "bon pour accord". In
 * the customer's language.
 */
@Component
public class QuotePdf {

	private static final Map<String, Map<String, String>> WORDS = Map.of("fr", Map.ofEntries(
			Map.entry("quote", "Devis"), Map.entry("revision", "rév."), Map.entry("for", "Client"),
			Map.entry("issued", "Date du devis"), Map.entry("valid", "Valable jusqu'au"),
			Map.entry("description", "Désignation"), Map.entry("qty", "Qté"), Map.entry("unitPrice", "PU HT"),
			Map.entry("discount", "Remise"), Map.entry("vat", "TVA"), Map.entry("net", "Total HT"),
			Map.entry("totalNet", "Total HT"), Map.entry("total", "Total TTC"), Map.entry("option", "option"),
			Map.entry("optionTaken", "option retenue"), Map.entry("recurring", "Abonnement, par période (HT)"),
			Map.entry("options", "Options non comprises (HT)"), Map.entry("ON_ORDER", "facturé à la commande"),
			Map.entry("ON_MILESTONE", "facturé par jalons"), Map.entry("MONTHLY", "par mois"),
			Map.entry("QUARTERLY", "par trimestre"), Map.entry("YEARLY", "par an"),
			Map.entry("deposit", "Acompte à la commande"), Map.entry("terms", "Conditions de paiement"),
			Map.entry("days", "jours date de facture"), Map.entry("endOfMonth", "fin de mois"),
			Map.entry("conditions", "Conditions particulières"), Map.entry("notes", "Notes"),
			Map.entry("accord", "Bon pour accord — date, nom, signature et cachet"),
			Map.entry("penalties",
					"Pénalités de retard au taux de la BCE majoré de 10 points et indemnité forfaitaire de 40 € pour frais de recouvrement (art. L441-10 du Code de commerce).")),
			"en",
			Map.ofEntries(Map.entry("quote", "Quote"), Map.entry("revision", "rev."), Map.entry("for", "Customer"),
					Map.entry("issued", "Quote date"), Map.entry("valid", "Valid until"),
					Map.entry("description", "Description"), Map.entry("qty", "Qty"),
					Map.entry("unitPrice", "Unit price"), Map.entry("discount", "Discount"), Map.entry("vat", "VAT"),
					Map.entry("net", "Net"), Map.entry("totalNet", "Total net"), Map.entry("total", "Total incl. VAT"),
					Map.entry("option", "option"), Map.entry("optionTaken", "option taken"),
					Map.entry("recurring", "Subscription, per period (net)"),
					Map.entry("options", "Options not included (net)"), Map.entry("ON_ORDER", "billed on order"),
					Map.entry("ON_MILESTONE", "billed by milestones"), Map.entry("MONTHLY", "per month"),
					Map.entry("QUARTERLY", "per quarter"), Map.entry("YEARLY", "per year"),
					Map.entry("deposit", "Deposit on order"), Map.entry("terms", "Payment terms"),
					Map.entry("days", "days from the invoice date"), Map.entry("endOfMonth", "end of month"),
					Map.entry("conditions", "Conditions"), Map.entry("notes", "Notes"),
					Map.entry("accord", "Accepted — date, name, signature and stamp"), Map.entry("penalties",
							"Late payment: interest at the ECB rate plus 10 points and a fixed recovery indemnity of EUR 40 (French Commercial Code L441-10).")));

	private final Customers customers;

	private final ObjectProvider<Letterhead.Source> letterheads;

	QuotePdf(Customers customers, ObjectProvider<Letterhead.Source> letterheads) {
		this.customers = customers;
		this.letterheads = letterheads;
	}

	public byte[] render(QuoteView quote) {
		CustomerDetails customer = this.customers.get(quote.customerId());
		String lang = "en".equals(customer.language()) ? "en" : "fr";
		Map<String, String> t = WORDS.get(lang);
		Letterhead head = Letterhead.Source.of(this.letterheads, lang);
		DateTimeFormatter dates = DateTimeFormatter.ofPattern("fr".equals(lang) ? "dd/MM/yyyy" : "d MMM yyyy",
				Locale.forLanguageTag(lang));
		try (PDDocument doc = new PDDocument(); PdfCanvas w = new PdfCanvas(doc)) {
			PDDocumentInformation info = doc.getDocumentInformation();
			info.setTitle(t.get("quote") + " " + quote.number());
			info.setAuthor(head.name());
			var regular = w.regular();
			var bold = w.bold();
			float width = w.width();
			float margin = PdfCanvas.MARGIN;
			float y = w.letterhead(head,
					t.get("quote") + " " + quote.number() + " · " + t.get("revision") + " " + quote.revision());
			float right = width / 2 + 40;
			float by = w.height() - margin - 40;
			w.text(bold, 10, right, by, t.get("for"));
			by -= 13;
			List<String> buyer = new ArrayList<>(List.of(customer.name()));
			var a = customer.billingAddress();
			if (a.line1() != null) {
				buyer.add(a.line1());
			}
			buyer.add(nz(a.postalCode()) + " " + nz(a.city()) + " " + nz(a.country()));
			if (customer.legalId() != null) {
				buyer.add("SIREN " + customer.legalId());
			}
			for (String l : buyer) {
				w.text(regular, 10, right, by, l);
				by -= 12;
			}
			y = Math.min(y, by) - 14;
			w.text(regular, 10, margin, y, t.get("issued") + " : " + dates.format(quote.issueDate()) + "    "
					+ t.get("valid") + " : " + dates.format(quote.validUntil()));
			y -= 22;
			y = w.lineHeader(y, head.accent(), t.get("description"), t.get("qty"), t.get("unitPrice"),
					t.get("discount"), t.get("vat"), t.get("net"));
			for (QuoteView.Line l : quote.lines()) {
				if (y < 200) {
					y = w.newPage();
				}
				String tag = tag(l, t);
				w.colour(l.counted() ? Color.BLACK : Color.GRAY);
				w.lineRow(y, l.description(), l.quantity(), l.unitPrice(), l.discountPercent(), l.taxRate(),
						money(l.net()));
				if (tag != null) {
					y -= 10;
					w.text(regular, 7, margin + 8, y, tag);
				}
				w.colour(Color.BLACK);
				y -= 13;
			}
			w.line(margin, y + 4, width - margin, y + 4);
			y -= 10;
			// labels from here, amounts against the right margin
			float tx = width - margin - 260;
			float amounts = width - margin;
			w.text(regular, 10, tx, y, t.get("totalNet"));
			w.textRight(regular, 10, amounts, y, money(quote.totals().net()));
			y -= 13;
			for (var g : quote.totals().vat()) {
				w.text(regular, 10, tx, y, t.get("vat") + " " + g.rate().stripTrailingZeros().toPlainString() + " %");
				w.textRight(regular, 10, amounts, y, money(g.tax()));
				y -= 13;
			}
			w.text(bold, 11, tx, y, t.get("total"));
			w.textRight(bold, 11, amounts, y, money(quote.totals().total()));
			y -= 14;
			if (quote.hasRecurringLines()) {
				w.text(regular, 9, tx, y, t.get("recurring"));
				w.textRight(regular, 9, amounts, y, money(quote.recurringTotals().net()));
				y -= 13;
			}
			if (quote.hasOptionalLines() && !quote.optionalTotals().net().isZero()) {
				w.colour(Color.GRAY);
				w.text(regular, 9, tx, y, t.get("options"));
				w.textRight(regular, 9, amounts, y, money(quote.optionalTotals().net()));
				w.colour(Color.BLACK);
				y -= 13;
			}
			y -= 14;
			List<String> terms = new ArrayList<>();
			if (quote.depositPercent() != null) {
				terms
					.add(t.get("deposit") + " : " + quote.depositPercent().stripTrailingZeros().toPlainString() + " %");
			}
			int days = quote.paymentTermsDays() != null ? quote.paymentTermsDays() : customer.paymentTermsDays();
			// the customer's own terms may run to the end of the month; a quote's do not
			boolean endOfMonth = quote.paymentTermsDays() == null && customer.paymentTermsEndOfMonth();
			terms.add(t.get("terms") + " : " + days + " " + t.get("days")
					+ (endOfMonth ? ", " + t.get("endOfMonth") : "") + ". " + t.get("penalties"));
			if (quote.conditions() != null) {
				terms.add(t.get("conditions") + " : " + quote.conditions());
			}
			if (quote.notes() != null && !quote.notes().isBlank()) {
				terms.add(t.get("notes") + " : " + quote.notes());
			}
			for (String term : terms) {
				for (String part : PdfCanvas.wrap(term, 110)) {
					if (y < 110) {
						y = w.newPage();
					}
					w.text(regular, 8, margin, y, part);
					y -= 10;
				}
				y -= 3;
			}
			// the customer's agreement, by hand, beside the online acceptance
			if (y < 110) {
				y = w.newPage();
			}
			y -= 10;
			w.colour(head.accent());
			w.line(right, y, width - margin, y);
			w.line(right, y - 70, width - margin, y - 70);
			w.line(right, y, right, y - 70);
			w.line(width - margin, y, width - margin, y - 70);
			w.colour(Color.BLACK);
			w.text(regular, 7, right + 6, y - 12, t.get("accord"));
			w.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The quote as a PDF answer, shown in the browser, saved under its number. */
	public org.springframework.http.ResponseEntity<byte[]> download(QuoteView quote) {
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.inline()
						.filename(quote.number() + "-r" + quote.revision() + ".pdf")
						.build()
						.toString())
			.body(render(quote));
	}

	private static String tag(QuoteView.Line l, Map<String, String> t) {
		List<String> tags = new ArrayList<>();
		if (l.optional()) {
			tags.add(Boolean.TRUE.equals(l.chosen()) ? t.get("optionTaken") : t.get("option"));
		}
		if (io.encaisse.shared.BillingTerm.RECURRING.is(l.billing()) && l.period() != null) {
			tags.add(t.get(l.period()));
		}
		else if (l.billing() != null && !io.encaisse.shared.BillingTerm.ON_DELIVERY.is(l.billing())) {
			tags.add(t.get(l.billing()));
		}
		return tags.isEmpty() ? null : String.join(" · ", tags);
	}

	private static String money(Money m) {
		return m.toPlainString() + " " + m.currencyCode();
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

}
