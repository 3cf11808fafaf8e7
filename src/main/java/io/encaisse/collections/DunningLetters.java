package io.encaisse.collections;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;
import io.encaisse.shared.documents.Letterhead;
import io.encaisse.shared.documents.PdfCanvas;
import io.encaisse.shared.mail.MailComposer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reminders to print: a message of a run on the LETTER or FORMAL_NOTICE channel as a
 * letter in the company's layout (the customer's address for a window envelope, the date,
 * the subject, the same words as the mail, the statement of account after it), rendered
 * when asked for, never stored; a run's letters as one PDF to print at once.
 */
@Component
public class DunningLetters {

	/** The most letters printed at once (a larger run prints by customer). */
	static final int MAX_PER_PRINT = 500;

	private final JdbcClient jdbc;

	private final DunningMail mail;

	private final Customers customers;

	private final CustomerStatements statements;

	private final StatementPdf statementPdf;

	private final ObjectProvider<Letterhead.Source> letterheads;

	private final Today today;

	DunningLetters(JdbcClient jdbc, DunningMail mail, Customers customers, CustomerStatements statements,
			StatementPdf statementPdf, ObjectProvider<Letterhead.Source> letterheads, Today today) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.customers = customers;
		this.statements = statements;
		this.statementPdf = statementPdf;
		this.letterheads = letterheads;
		this.today = today;
	}

	/** One message as a letter, with the statement of account after it. */
	public byte[] letter(String messageId) {
		String customerId = this.jdbc.sql("select customer_id from dunning_message where id = :id")
			.param("id", messageId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new Problem.NotFound("dunning message", messageId));
		return merge(List.of(messageId), customerId);
	}

	/** The letters of a run (the printed channels), in customer order, as one PDF. */
	public byte[] letters(String runId) {
		List<String> ids = this.jdbc.sql("""
				select m.id from dunning_message m join customers_name n on n.customer_id = m.customer_id
				where m.run_id = :run and m.channel in ('LETTER', 'FORMAL_NOTICE')
				order by n.name, m.id fetch first %d rows only""".formatted(MAX_PER_PRINT + 1))
			.param("run", runId)
			.query(String.class)
			.list();
		if (ids.isEmpty()) {
			throw new Problem.NotFound("letters of dunning run", runId);
		}
		if (ids.size() > MAX_PER_PRINT) {
			throw new Problem.StateConflict("the run has more than " + MAX_PER_PRINT
					+ " letters: print them customer by customer (GET /api/v1/dunning-messages/{id}/letter)");
		}
		return merge(ids, null);
	}

	private byte[] merge(List<String> messageIds, String onlyCustomer) {
		try (PDDocument all = new PDDocument()) {
			PDFMergerUtility merger = new PDFMergerUtility();
			for (String id : messageIds) {
				String customerId = onlyCustomer != null ? onlyCustomer
						: this.jdbc.sql("select customer_id from dunning_message where id = :id")
							.param("id", id)
							.query(String.class)
							.single();
				try (PDDocument letter = Loader.loadPDF(render(id, this.customers.get(customerId)));
						PDDocument statement = Loader
							.loadPDF(this.statementPdf.render(this.statements.of(customerId, null)))) {
					merger.appendDocument(all, letter);
					merger.appendDocument(all, statement);
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			all.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private byte[] render(String messageId, CustomerDetails customer) throws IOException {
		MailComposer.Composed words;
		try {
			words = this.mail.letter(messageId);
		}
		catch (MailComposer.CannotSend nothingLeft) {
			throw new Problem.StateConflict(nothingLeft.getMessage());
		}
		String lang = "en".equals(customer.language()) ? "en" : "fr";
		Letterhead head = Letterhead.Source.of(this.letterheads, lang);
		Locale locale = io.encaisse.shared.LocalizedText.readerOf(customer.language());
		try (PDDocument doc = new PDDocument(); PdfCanvas w = new PdfCanvas(doc)) {
			doc.getDocumentInformation().setTitle(words.subject());
			doc.getDocumentInformation().setAuthor(head.name());
			float margin = PdfCanvas.MARGIN;
			float y = w.letterhead(head, "") - 20;
			// the addressee where a window envelope shows it (right half)
			float x = w.width() / 2 + 20;
			w.text(w.bold(), 10, x, y, customer.name());
			CustomerDetails.Address address = customer.billingAddress();
			if (address != null) {
				y -= 13;
				w.text(w.regular(), 10, x, y, nonNull(address.line1()));
				y -= 13;
				w.text(w.regular(), 10, x, y, (nonNull(address.postalCode()) + " " + nonNull(address.city())).strip());
			}
			y -= 40;
			w.textRight(w.regular(), 10, w.width() - margin, y,
					io.encaisse.shared.LocalizedText.date(this.today.date(), locale));
			y -= 30;
			for (String line : PdfCanvas.wrap(words.subject(), 90)) {
				w.text(w.bold(), 11, margin, y, line);
				y -= 15;
			}
			y -= 10;
			for (String paragraph : words.text().split("\\R", -1)) {
				if (paragraph.isBlank()) {
					y -= 8;
					continue;
				}
				for (String line : PdfCanvas.wrap(paragraph, 100)) {
					if (y < 70) {
						y = w.newPage();
					}
					w.text(w.regular(), 9.5f, margin, y, line);
					y -= 12.5f;
				}
			}
			w.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
	}

	private static String nonNull(String s) {
		return s == null ? "" : s;
	}

}
