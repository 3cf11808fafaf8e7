package io.encaisse.collections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.shared.Csv;
import io.encaisse.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What goes to the collection agency: every open invoice noticed at a level whose
 * escalation is COLLECTION_AGENCY (once, however many such levels), with the customer's
 * identity and address, what is left to pay less what is disputed (all disputed: not
 * handed over), the interest and the indemnity to date, and the day it was handed over
 * (the run's date). A CSV file the agency loads, one line per invoice.
 */
@Service
@Transactional(readOnly = true)
public class AgencyHandOver {

	static final List<String> COLUMNS = List.of("customer_id", "customer_name", "siren", "vat_number", "address",
			"postal_code", "city", "country", "email", "invoice_number", "issue_date", "due_date", "days_late", "total",
			"open", "currency", "interest_to_date", "indemnity_eur", "level", "handed_over_on");

	private final JdbcClient jdbc;

	private final Customers customers;

	private final LateChargesOfInvoices charges;

	AgencyHandOver(JdbcClient jdbc, Customers customers, LateChargesOfInvoices charges) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.charges = charges;
	}

	/** An invoice handed over. */
	public record Line(String customerId, String invoiceId, String number, LocalDate issued, LocalDate due,
			String total, String open, String currency, int level, LocalDate handedOverOn) {
	}

	public List<Line> lines() {
		return this.jdbc.sql("""
				select r.customer_id, r.invoice_id, r.number, r.issue_date, r.due_date, r.total,
				       r.open_amount - coalesce(x.disputed, 0), r.currency, h.level, h.handed_over_on
				from (select n.invoice_id, max(n.level) as level, min(d.as_of) as handed_over_on
				      from dunning_notice n
				      join dunning_level l on l.policy_id = n.policy_id and l.level = n.level
				      join dunning_run d on d.id = n.run_id
				      where l.escalation = 'COLLECTION_AGENCY' group by n.invoice_id) h
				join invoicing_receivable r on r.invoice_id = h.invoice_id
				left join (select invoice_id, sum(amount) as disputed from invoice_dispute where status = 'OPEN'
				           group by invoice_id) x on x.invoice_id = r.invoice_id
				where r.status in ('ISSUED', 'PARTIALLY_PAID') and r.open_amount - coalesce(x.disputed, 0) > 0
				order by r.customer_id, r.due_date, r.number""")
			.query((rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
					Money.of(rs.getBigDecimal(6), rs.getString(8)).toPlainString(),
					Money.of(rs.getBigDecimal(7), rs.getString(8)).toPlainString(), rs.getString(8), rs.getInt(9),
					rs.getObject(10, LocalDate.class)))
			.list();
	}

	/** The hand-over file. */
	public void csv(Writer out) {
		Map<String, List<Line>> byCustomer = new LinkedHashMap<>();
		for (Line line : lines()) {
			byCustomer.computeIfAbsent(line.customerId(), k -> new ArrayList<>()).add(line);
		}
		try {
			out.write(Csv.line(COLUMNS));
			for (var entry : byCustomer.entrySet()) {
				CustomerDetails c = this.customers.get(entry.getKey());
				Map<String, LateChargesOfInvoices.Charges> late = new HashMap<>();
				for (LateChargesOfInvoices.Charges ch : this.charges.ofCustomer(c.id())) {
					late.put(ch.invoiceId(), ch);
				}
				CustomerDetails.Address a = c.billingAddress();
				for (Line l : entry.getValue()) {
					LateChargesOfInvoices.Charges ch = late.get(l.invoiceId());
					out.write(Csv.line(List.of(c.id(), c.name(), nonNull(c.legalId()), nonNull(c.vatNumber()),
							a == null ? "" : nonNull(a.line1()), a == null ? "" : nonNull(a.postalCode()),
							a == null ? "" : nonNull(a.city()), a == null ? "" : nonNull(a.country()),
							nonNull(c.email()), l.number(), l.issued().toString(),
							l.due() == null ? "" : l.due().toString(), ch == null ? "" : String.valueOf(ch.daysLate()),
							l.total(), l.open(), l.currency(), ch == null ? "" : ch.interest(),
							ch == null ? "" : ch.indemnity(), String.valueOf(l.level()), l.handedOverOn().toString())));
				}
			}
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String nonNull(String s) {
		return s == null ? "" : s;
	}

}
