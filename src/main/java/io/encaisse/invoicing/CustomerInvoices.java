package io.encaisse.invoicing;

import java.time.LocalDate;
import java.util.List;

import io.encaisse.invoicing.domain.Invoice;
import io.encaisse.shared.Money;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's invoices and credit notes as the customer's page lists them: one row each
 * from one statement, whatever their number (issue 28: a page with 2,000 invoices loaded
 * each invoice whole before, four statements apiece).
 */
@Service
@Transactional(readOnly = true)
public class CustomerInvoices {

	private final JdbcClient jdbc;

	private final Today today;

	CustomerInvoices(JdbcClient jdbc, Today today) {
		this.jdbc = jdbc;
		this.today = today;
	}

	/** A line of a customer's invoices, as the customer's page lists them. */
	public record Summary(String id, String number, InvoiceStatus status, LocalDate issueDate, Money total,
			boolean overdue) {
	}

	/** How many invoices and credit notes the customer has. */
	public long count(String customerId) {
		return this.jdbc.sql("select count(*) from invoice where customer_id = :customer")
			.param("customer", customerId)
			.query(Long.class)
			.single();
	}

	/**
	 * The customer's newest invoices and credit notes, at most {@code limit}, in one
	 * statement.
	 */
	public List<Summary> ofCustomer(String customerId, int limit) {
		LocalDate today = this.today.date();
		return this.jdbc.sql("""
				select id, kind, number, status, issue_date, due_date, currency, total
				from invoice where customer_id = :customer order by id desc limit :limit""")
			.param("customer", customerId)
			.param("limit", limit)
			.query((rs, n) -> {
				InvoiceStatus status = InvoiceStatus.valueOf(rs.getString("status"));
				return new Summary(rs.getString("id"), rs.getString("number"), status,
						rs.getObject("issue_date", LocalDate.class),
						Money.of(rs.getBigDecimal("total"), rs.getString("currency")),
						Invoice.overdue(Invoice.Kind.valueOf(rs.getString("kind")), status,
								rs.getObject("due_date", LocalDate.class), today));
			})
			.list();
	}

}
