package io.encaisse.collections;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import io.encaisse.customers.Customers;
import io.encaisse.shared.documents.Letterhead;
import io.encaisse.shared.documents.PdfCanvas;
import org.apache.pdfbox.pdmodel.PDDocument;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A statement of account printed in the company's layout, in the customer's language:
 * each open invoice with its dates, days late, total and what is left to pay, then the
 * totals by currency and how late.
 */
@Component
public class StatementPdf {

	private static final Map<String, Map<String, String>> WORDS = Map
		.of("fr",
				Map.ofEntries(
						Map.entry("title", "Relevé de compte"), Map.entry("asOf", "Au"), Map.entry("number", "Facture"),
						Map.entry("issued", "Date"), Map.entry("due", "Échéance"), Map.entry("late", "Retard (j)"),
						Map.entry("total", "Montant TTC"), Map.entry("open", "Reste dû"), Map.entry("sum", "Total dû"),
						Map.entry("notDue", "Non échu"), Map.entry("none", "Aucune facture ouverte à cette date.")),
				"en",
				Map.ofEntries(Map.entry("title", "Statement of account"), Map.entry("asOf", "As of"),
						Map.entry("number", "Invoice"), Map.entry("issued", "Date"), Map.entry("due", "Due"),
						Map.entry("late", "Days late"), Map.entry("total", "Total"), Map.entry("open", "Left to pay"),
						Map.entry("sum", "Total due"), Map.entry("notDue", "Not due"),
						Map.entry("none", "No open invoice at this date.")));

	private final Customers customers;

	private final ObjectProvider<Letterhead.Source> letterheads;

	StatementPdf(Customers customers, ObjectProvider<Letterhead.Source> letterheads) {
		this.customers = customers;
		this.letterheads = letterheads;
	}

	public byte[] render(CustomerStatements.Statement statement) {
		String lang = "en".equals(this.customers.get(statement.customerId()).language()) ? "en" : "fr";
		Map<String, String> t = WORDS.get(lang);
		Letterhead head = Letterhead.Source.of(this.letterheads, lang);
		DateTimeFormatter dates = DateTimeFormatter.ofPattern("fr".equals(lang) ? "dd/MM/yyyy" : "d MMM yyyy",
				Locale.forLanguageTag(lang));
		try (PDDocument doc = new PDDocument(); PdfCanvas w = new PdfCanvas(doc)) {
			doc.getDocumentInformation().setTitle(t.get("title") + " " + statement.customerName());
			doc.getDocumentInformation().setAuthor(head.name());
			var regular = w.regular();
			var bold = w.bold();
			float margin = PdfCanvas.MARGIN;
			float right = w.width() - margin;
			float y = w.letterhead(head, t.get("title")) - 10;
			w.text(bold, 11, margin, y, statement.customerName());
			y -= 14;
			w.text(regular, 10, margin, y, t.get("asOf") + " " + dates.format(statement.asOf()));
			y -= 24;
			float[] cols = { margin, margin + 130, margin + 205, margin + 280 };
			w.band(head.accent(), margin - 4, y - 4, right - margin + 8, 16);
			w.colour(Color.WHITE);
			w.text(bold, 9, cols[0], y, t.get("number"));
			w.text(bold, 9, cols[1], y, t.get("issued"));
			w.text(bold, 9, cols[2], y, t.get("due"));
			w.textRight(bold, 9, cols[3] + 40, y, t.get("late"));
			w.textRight(bold, 9, right - 90, y, t.get("total"));
			w.textRight(bold, 9, right, y, t.get("open"));
			w.colour(Color.BLACK);
			y -= 18;
			if (statement.lines().isEmpty()) {
				w.text(regular, 10, margin, y, t.get("none"));
				y -= 14;
			}
			for (CustomerStatements.Line l : statement.lines()) {
				if (y < 120) {
					y = w.newPage();
				}
				w.text(regular, 9, cols[0], y, l.number());
				w.text(regular, 9, cols[1], y, dates.format(l.issueDate()));
				w.text(regular, 9, cols[2], y, l.dueDate() == null ? "" : dates.format(l.dueDate()));
				w.textRight(regular, 9, cols[3] + 40, y, l.daysLate() == 0 ? "" : String.valueOf(l.daysLate()));
				w.textRight(regular, 9, right - 90, y, l.total() + " " + l.currency());
				w.textRight(regular, 9, right, y, l.open() + " " + l.currency());
				y -= 13;
			}
			y -= 10;
			for (CustomerStatements.Total s : statement.totals()) {
				if (y < 100) {
					y = w.newPage();
				}
				w.line(margin, y + 10, right, y + 10);
				w.text(bold, 10, margin, y, t.get("sum"));
				w.textRight(bold, 10, right, y, s.open() + " " + s.currency());
				y -= 14;
				w.text(regular, 8, margin, y,
						t.get("notDue") + " " + s.notDue() + " · 1-30 " + s.late1to30() + " · 31-60 " + s.late31to60()
								+ " · 61-90 " + s.late61to90() + " · > 90 " + s.lateOver90() + " " + s.currency());
				y -= 20;
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

}
