package io.encaisse.collections;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.shared.LocalizedText;
import io.encaisse.shared.Money;
import io.encaisse.shared.documents.Letterhead;
import io.encaisse.shared.documents.PdfCanvas;
import org.apache.pdfbox.pdmodel.PDDocument;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A penalty note printed in the company's layout and the customer's language: its number
 * and date, the customer, the invoice it is for (due date, days late, rate), the interest
 * and the fixed indemnity, the total, and the mention that penalties are outside the
 * scope of VAT with the articles of the law.
 */
@Component
class PenaltyNotePdf {

	private final Customers customers;

	private final ObjectProvider<Letterhead.Source> letterheads;

	private final MessageSource messages;

	PenaltyNotePdf(Customers customers, ObjectProvider<Letterhead.Source> letterheads, MessageSource messages) {
		this.customers = customers;
		this.letterheads = letterheads;
		this.messages = messages;
	}

	byte[] render(PenaltyNotes.Note note, LocalDate dueDate) {
		CustomerDetails customer = this.customers.get(note.customerId());
		String lang = "en".equals(customer.language()) ? "en" : "fr";
		Locale locale = Locale.forLanguageTag(lang);
		Letterhead head = Letterhead.Source.of(this.letterheads, lang);
		Money interest = Money.of(note.interest(), note.currency());
		Money indemnity = Money.of(note.indemnity(), "EUR");
		try (PDDocument doc = new PDDocument(); PdfCanvas w = new PdfCanvas(doc)) {
			doc.getDocumentInformation().setTitle(text("penalty.title", locale) + " " + note.number());
			doc.getDocumentInformation().setAuthor(head.name());
			float margin = PdfCanvas.MARGIN;
			float right = w.width() - margin;
			float y = w.letterhead(head, text("penalty.title", locale)) - 14;
			w.text(w.bold(), 11, margin, y, note.number());
			w.textRight(w.regular(), 10, right, y, LocalizedText.date(note.asOf(), locale));
			y -= 22;
			w.text(w.bold(), 10, margin, y, customer.name());
			if (customer.billingAddress() != null) {
				y -= 13;
				w.text(w.regular(), 10, margin, y, nonNull(customer.billingAddress().line1()));
				y -= 13;
				w.text(w.regular(), 10, margin, y, (nonNull(customer.billingAddress().postalCode()) + " "
						+ nonNull(customer.billingAddress().city()))
					.strip());
			}
			y -= 30;
			for (String line : PdfCanvas.wrap(this.messages.getMessage("penalty.about",
					new Object[] { note.invoiceNumber(), LocalizedText.date(dueDate, locale), note.daysLate(),
							LocalizedText.rate(note.rate(), locale) },
					locale), 100)) {
				w.text(w.regular(), 10, margin, y, line);
				y -= 14;
			}
			y -= 12;
			w.band(head.accent(), margin - 4, y - 4, right - margin + 8, 16);
			w.colour(java.awt.Color.WHITE);
			w.text(w.bold(), 9, margin, y, text("penalty.item", locale));
			w.textRight(w.bold(), 9, right, y, text("penalty.amount", locale));
			w.colour(java.awt.Color.BLACK);
			y -= 18;
			w.text(w.regular(), 10, margin, y, text("penalty.interest", locale));
			w.textRight(w.regular(), 10, right, y, LocalizedText.money(interest, locale));
			y -= 14;
			w.text(w.regular(), 10, margin, y, text("penalty.indemnity", locale));
			w.textRight(w.regular(), 10, right, y, LocalizedText.money(indemnity, locale));
			y -= 8;
			w.line(margin, y, right, y);
			y -= 14;
			String total = note.currency().equals("EUR") ? LocalizedText.money(interest.plus(indemnity), locale)
					: LocalizedText.money(interest, locale) + " + " + LocalizedText.money(indemnity, locale);
			w.text(w.bold(), 11, margin, y, text("penalty.total", locale));
			w.textRight(w.bold(), 11, right, y, total);
			y -= 30;
			for (String line : PdfCanvas.wrap(text("penalty.vat", locale), 105)) {
				w.text(w.regular(), 8.5f, margin, y, line);
				y -= 11;
			}
			w.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	private static String nonNull(String s) {
		return s == null ? "" : s;
	}

}
