package io.encaisse.invoicing;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.CustomerInput;
import io.encaisse.customers.Customers;
import io.encaisse.customers.LegalIds;
import io.encaisse.invoicing.domain.Invoice;
import io.encaisse.invoicing.domain.InvoiceRepository;
import io.encaisse.shared.Amounts;
import io.encaisse.shared.BusinessDates;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Bulk;
import io.encaisse.shared.Csv;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open invoices from another system (AR-only mode), as CSV:
 * {@code number, customer, customer_name,
 * issue_date, due_date, currency, amount, customer_iban}. Customers are found by the
 * other system's code or created. All or nothing, unless partial import is asked: then
 * valid lines are imported and the others reported. Every line is checked before anything
 * is written.
 */
@Service
public class ReceivablesImport {

	public static final List<String> COLUMNS = List.of("number", "customer", "customer_name", "issue_date", "due_date",
			"currency", "amount", "customer_iban");

	private final InvoiceRepository invoices;

	private final Customers customers;

	private final AuditTrail audit;

	private final Today today;

	private final JdbcClient jdbc;

	private final Bulk bulk;

	/** A file of this many invoices or more refreshes the planner's statistics. */
	static final int ANALYZE_FROM = 1_000;

	ReceivablesImport(InvoiceRepository invoices, Customers customers, AuditTrail audit, Today today, JdbcClient jdbc,
			Bulk bulk) {
		this.bulk = bulk;
		this.invoices = invoices;
		this.customers = customers;
		this.audit = audit;
		this.today = today;
		this.jdbc = jdbc;
	}

	public record Result(int imported, int rejected, List<Problem.FieldError> errors) {
	}

	private record Line(int line, String number, String customer, String customerName, LocalDate issued, LocalDate due,
			Money amount, String iban) {
	}

	@Transactional
	public Result importCsv(Reader csv, boolean partial) {
		Problem.Errors errors = new Problem.Errors();
		List<Problem.FieldError> rejected = new ArrayList<>();
		List<Line> valid = new ArrayList<>();
		Set<String> numbers = new HashSet<>();
		Set<String> namedInFile = new HashSet<>();
		Csv.read(csv, List.of("number", "customer", "issue_date", "due_date", "currency", "amount"), row -> {
			Problem.Errors line = new Problem.Errors();
			String number = row.get("number");
			if (number == null) {
				line.add("number", "is required");
			}
			else if (number.length() > 30) {
				line.add("number", "must not exceed 30 characters");
			}
			else if (!numbers.add(number) || this.invoices.findByNumber(number).isPresent()) {
				line.add("number", "invoice " + number + " is already known");
			}
			String customer = row.get("customer");
			if (customer == null) {
				line.add("customer", "is required");
			}
			else if (customer.length() > 100) {
				line.add("customer", "must not exceed 100 characters");
			}
			else if (row.get("customer_name") != null) {
				namedInFile.add(customer);
			}
			else if (!namedInFile.contains(customer) && this.customers.findByExternalRef(customer).isEmpty()) {
				line.add("customer_name", "is required for a customer seen for the first time");
			}
			line.maxLength("customer_name", row.get("customer_name"), 200);
			LocalDate issued = date(line, "issue_date", row.get("issue_date"));
			LocalDate due = date(line, "due_date", row.get("due_date"));
			if (issued != null && due != null && due.isBefore(issued)) {
				line.add("due_date", "is before the issue date");
			}
			if (issued != null && issued.isAfter(this.today.date())) {
				line.add("issue_date", "is in the future");
			}
			var currency = Amounts.currency(line, "currency", row.get("currency"));
			BigDecimal amount = Amounts.positive(line, "amount", row.get("amount"),
					currency == null ? 2 : currency.getDefaultFractionDigits());
			String iban = row.get("customer_iban") == null ? null
					: row.get("customer_iban").replace(" ", "").toUpperCase(Locale.ROOT);
			if (iban != null && !LegalIds.isIban(iban)) {
				line.add("customer_iban", "'" + row.get("customer_iban") + "' is not a valid IBAN");
			}
			if (line.isEmpty()) {
				valid.add(new Line(row.line(), number, customer, row.get("customer_name"), issued, due,
						new Money(amount, currency), iban));
			}
			else {
				try {
					line.throwIfAny();
				}
				catch (Problem.Invalid invalid) {
					errors.addAllAtLine(row.line(), invalid.errors());
					invalid.errors()
						.forEach(e -> rejected.add(new Problem.FieldError(e.field(), e.message(), row.line())));
				}
			}
		});
		if (!partial) {
			errors.throwIfAny();
		}
		for (Line line : valid) {
			CustomerDetails customer = this.customers.findByExternalRef(line.customer())
				.orElseGet(() -> this.customers.registerWithExternalRef(line.customer(),
						new CustomerInput(line.customerName(), null, null, null, null, null, null,
								line.amount().currencyCode(), null, null, null, null,
								line.iban() == null ? null : "TRANSFER", line.iban(), null, null, null, null, null,
								null)));
			Invoice invoice = this.invoices.save(Invoice.imported(Ids.next("inv"), line.number(), customer.id(),
					customer.name(), line.issued(), line.due(), line.amount(), this.today.instant()));
			this.jdbc.sql("update invoice set origin = 'IMPORTED' where id = :id").param("id", invoice.id()).update();
			this.audit.record(Invoicing.DOCUMENT, invoice.id(), "imported", AuditTrail.changes("number", line.number(),
					"customer", customer.name(), "amount", line.amount(), "dueDate", line.due()));
		}
		if (valid.size() >= ANALYZE_FROM) {
			// a statement imported next plans its reads on the invoices now there
			this.bulk.analyze("invoice", "customer");
		}
		return new Result(valid.size(), (int) rejected.stream().map(Problem.FieldError::line).distinct().count(),
				rejected);
	}

	private static LocalDate date(Problem.Errors errors, String column, String value) {
		if (value == null) {
			errors.add(column, "is required");
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value);
			if (!BusinessDates.plausible(date)) {
				errors.add(column, BusinessDates.RULE);
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			errors.add(column, "'" + value + "' is not a date (YYYY-MM-DD)");
			return null;
		}
	}

}
