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

	private final String format;

	private final int digits;

	/**
	 * {@code encaisse.invoicing.number-format} writes a number from {@code {prefix}},
	 * {@code {year}} and {@code {number}} (default {@code {prefix}-{year}-{number}}, e.g.
	 * FA-2026-000123); {@code {year}} is required, as each year is its own series;
	 * {@code number-digits} pads the number (6 by default).
	 */
	InvoiceNumbering(Counters counters, JdbcClient jdbc,
			@Value("${encaisse.invoicing.invoice-prefix:FA}") String invoicePrefix,
			@Value("${encaisse.invoicing.credit-note-prefix:AV}") String creditNotePrefix,
			@Value("${encaisse.invoicing.number-format:{prefix}-{year}-{number}}") String format,
			@Value("${encaisse.invoicing.number-digits:6}") int digits) {
		if (!format.contains("{year}") || !format.contains("{number}") || !format.contains("{prefix}")) {
			throw new IllegalStateException(
					"encaisse.invoicing.number-format must contain {prefix}, {year} and {number}"
							+ " (each year and each kind of document is its own series): " + format);
		}
		if (digits < 1 || digits > 12) {
			throw new IllegalStateException("encaisse.invoicing.number-digits must be between 1 and 12: " + digits);
		}
		this.format = format;
		this.digits = digits;
		this.counters = counters;
		this.jdbc = jdbc;
		this.invoicePrefix = invoicePrefix;
		this.creditNotePrefix = creditNotePrefix;
	}

	public record Numbered(String number, LocalDate issueDate) {
	}

	/** A number of the series; a negative {@code n} leaves {@code {n}} in its place. */
	String number(String prefix, int year, long n) {
		return this.format.replace("{prefix}", prefix)
			.replace("{year}", String.valueOf(year))
			.replace("{number}", n < 0 ? "{n}" : String.format("%0" + this.digits + "d", n));
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
		String prefix = creditNote ? this.creditNotePrefix : this.invoicePrefix;
		int year = requestedDate.getYear();
		// the counter keeps its historical key: one per kind of document and year
		String series = prefix + "-" + year;
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
				.param("pattern", number(prefix, year, -1).replace("{n}", "%"))
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
			numbers.add(new Numbered(number(prefix, year, n), issueDate));
		}
		return numbers;
	}

}
