package io.encaisse.invoicing.numbering;

import java.time.LocalDate;

import io.encaisse.shared.Counters;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * French invoice numbering: one chronological, continuous series per kind of document and
 * year ({@code FA-2026-000123}, credit notes {@code AV-2026-000012}). The number is taken
 * in the issuing transaction from a locked counter row, so there is no gap and no
 * duplicate across nodes; the issue date never goes back before the last one of the
 * series, so numbers and dates stay in the same order.
 */
@Component
public class InvoiceNumbering {

	private final Counters counters;

	private final JdbcClient jdbc;

	private final String invoicePrefix;

	private final String creditNotePrefix;

	InvoiceNumbering(Counters counters, JdbcClient jdbc,
			@Value("${encaisse.invoicing.invoice-prefix:FA}") String invoicePrefix,
			@Value("${encaisse.invoicing.credit-note-prefix:AV}") String creditNotePrefix) {
		this.counters = counters;
		this.jdbc = jdbc;
		this.invoicePrefix = invoicePrefix;
		this.creditNotePrefix = creditNotePrefix;
	}

	public record Numbered(String number, LocalDate issueDate) {
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Numbered next(boolean creditNote, LocalDate requestedDate) {
		return next(creditNote, requestedDate, 1).get(0);
	}

	/**
	 * Takes the next {@code count} numbers of the series at once, all dated the same day:
	 * the requested one, or the series' last issue date if that is later. The counter row
	 * stays locked until the caller's transaction ends.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public java.util.List<Numbered> next(boolean creditNote, LocalDate requestedDate, int count) {
		String series = (creditNote ? this.creditNotePrefix : this.invoicePrefix) + "-" + requestedDate.getYear();
		String key = "invoice:" + series;
		long last = this.counters.next(key, count);
		LocalDate kept = this.jdbc.sql("select last_date from document_counter where series = :s")
			.param("s", key)
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		if (kept == null && last > count) {
			// a series numbered before its last date was kept: read it once from the
			// invoices
			kept = this.jdbc.sql("select max(issue_date) from invoice where number like :pattern")
				.param("pattern", series + "-%")
				.query(LocalDate.class)
				.optional()
				.orElse(null);
		}
		LocalDate issueDate = kept != null && kept.isAfter(requestedDate) ? kept : requestedDate;
		if (!issueDate.equals(kept)) {
			this.jdbc.sql("update document_counter set last_date = :d where series = :s")
				.param("d", issueDate)
				.param("s", key)
				.update();
		}
		java.util.List<Numbered> numbers = new java.util.ArrayList<>(count);
		for (long n = last - count + 1; n <= last; n++) {
			numbers.add(new Numbered(series + "-" + String.format("%06d", n), issueDate));
		}
		return numbers;
	}

}
