package io.encaisse.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.customers.PaymentTerms;
import io.encaisse.invoicing.domain.Invoice;
import io.encaisse.invoicing.domain.InvoiceLine;
import io.encaisse.invoicing.domain.InvoiceRepository;
import io.encaisse.invoicing.numbering.InvoiceNumbering;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.CreditorReference;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only place an invoice or a credit note is issued and {@link InvoiceIssued} is
 * built, one at a time or a billing run's drafts at once: the deposit deducted, a number
 * of the series taken, the due date from the invoice's payment terms
 * ({@link Invoice#issue}, {@link PaymentTerms}), the creditor reference, the audit, the
 * mail queued, the event published.
 */
@Service
@Transactional(readOnly = true)
public class InvoiceIssuer {

	/** The source of a deposit invoice: this prefix and the order's id. */
	public static final String DEPOSIT_SOURCE = "deposit:";

	private final InvoiceRepository invoices;

	private final InvoiceNumbering numbering;

	private final Customers customers;

	private final AuditTrail audit;

	private final Today today;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final DepositDeduction deposits;

	private final InvoiceSendingQueue sendings;

	InvoiceIssuer(InvoiceRepository invoices, InvoiceNumbering numbering, Customers customers, AuditTrail audit,
			Today today, ApplicationEventPublisher events, JdbcClient jdbc, JdbcTemplate batch,
			DepositDeduction deposits, InvoiceSendingQueue sendings) {
		this.invoices = invoices;
		this.numbering = numbering;
		this.customers = customers;
		this.audit = audit;
		this.today = today;
		this.events = events;
		this.jdbc = jdbc;
		this.batch = batch;
		this.deposits = deposits;
		this.sendings = sendings;
	}

	/**
	 * An invoice the system wrote (a delivery, a milestone, a deposit) is issued at once
	 * when the customer's file has every mandatory mention; otherwise nothing is lost: it
	 * waits as a draft, listed with what it lacks, until the file is completed and
	 * someone issues it.
	 */
	@Transactional
	public void issueOrKeepDraft(Invoice invoice, CustomerDetails customer, LocalDate date) {
		List<Problem.FieldError> missing = IssueChecks.missing(invoice, customer);
		if (missing.isEmpty()) {
			issue(invoice, date);
			return;
		}
		this.invoices.save(invoice);
		this.audit.record(Invoicing.DOCUMENT, invoice.id(), "left as draft", AuditTrail.changes("source",
				invoice.sourceRef(), "missing", missing.stream().map(Problem.FieldError::field).toList()));
	}

	/** Issues a checked draft or credit note, in the caller's transaction. */
	@Transactional
	void issue(Invoice invoice, LocalDate requestedDate) {
		boolean creditNote = invoice.kind() == Invoice.Kind.CREDIT_NOTE;
		// whichever way an invoice of an order is issued, a deposit of that order is
		// deducted from it first
		this.deposits.deduct(invoice);
		InvoiceNumbering.Numbered numbered = this.numbering.next(creditNote, requestedDate);
		String reference = creditNote ? null : CreditorReference.of(numbered.number()).value();
		invoice.issue(numbered.number(), numbered.issueDate(), reference);
		this.invoices.save(invoice);
		this.audit.record(Invoicing.DOCUMENT, invoice.id(), "issued",
				AuditTrail.changes("number", numbered.number(), "issueDate", numbered.issueDate(), "dueDate",
						invoice.dueDate(), "total", invoice.total(), "source",
						invoice.sourceRef() != null ? invoice.sourceRef() : invoice.creditedInvoiceId()));
		this.sendings.queue(Map.of(invoice.id(), invoice.customerId()),
				this.customers.find(invoice.customerId()).map(c -> Map.of(c.id(), c)).orElse(Map.of()));
		this.events
			.publishEvent(new InvoiceIssued(invoice.id(), invoice.number(), invoice.kind().name(), invoice.customerId(),
					invoice.currency(), invoice.total().amount(), invoice.issueDate(), invoice.dueDate(), reference));
	}

	private record Head(String id, String kind, String status, String customerId, String currency, BigDecimal total,
			int termsDays, boolean endOfMonth, long version, String orderId) {
	}

	/**
	 * Issues many drafts in one transaction, as a billing run does: each is checked
	 * against the mandatory mentions (those lacking something stay drafts, with the
	 * reason), the others take consecutive numbers of the series in one step and are
	 * written in batches, their due dates by the same {@link PaymentTerms} rule as
	 * {@link Invoice#issue}. Answers, per draft, its number or why it was not issued. A
	 * draft changed meanwhile refuses the whole call (409), which the caller may retry.
	 */
	@Transactional
	public Map<String, Issued> issueAll(List<String> draftIds) {
		Map<String, Head> heads = new LinkedHashMap<>();
		Map<String, List<InvoiceLine>> lines = new HashMap<>();
		readDrafts(draftIds, heads, lines);
		Map<String, Issued> outcome = new LinkedHashMap<>();
		Map<String, CustomerDetails> customerCache = this.customers
			.getAll(heads.values().stream().map(Head::customerId).toList());
		List<Head> ready = new ArrayList<>();
		for (String id : draftIds) {
			Head h = heads.get(id);
			if (h == null) {
				outcome.put(id, Issued.refused("no invoice " + id));
			}
			else if (!InvoiceStatus.DRAFT.name().equals(h.status()) || !Invoice.Kind.INVOICE.name().equals(h.kind())) {
				outcome.put(id, Issued.refused("not a draft invoice (" + h.status() + ")"));
			}
			else {
				List<Problem.FieldError> missing = IssueChecks.missing(customerCache.get(h.customerId()),
						lines.getOrDefault(id, List.of()), h.total().signum() < 0);
				if (missing.isEmpty()) {
					ready.add(h);
				}
				else {
					outcome.put(id,
							Issued.refused(missing.stream()
								.map(e -> e.field() + ": " + e.message())
								.collect(Collectors.joining("; "))));
				}
			}
		}
		// drafts of an order that had a deposit: issued one by one, the deposit deducted
		// first
		List<Head> withDeposit = withDeposit(ready);
		ready.removeAll(withDeposit);
		if (!ready.isEmpty()) {
			issueInBatches(ready, customerCache, outcome);
		}
		for (Head h : withDeposit) {
			Invoice draft = this.invoices.findById(h.id()).orElseThrow(() -> new Problem.NotFound("invoice", h.id()));
			issue(draft, this.today.date());
			outcome.put(h.id(), new Issued(draft.number(), null));
		}
		return outcome;
	}

	private void readDrafts(List<String> draftIds, Map<String, Head> heads, Map<String, List<InvoiceLine>> lines) {
		for (List<String> chunk : Chunks.of(draftIds)) {
			this.jdbc
				.sql("""
						select id, kind, status, customer_id, currency, total, payment_terms_days, payment_terms_end_of_month,
						       version, order_id
						from invoice where id in (:ids)""")
				.param("ids", chunk)
				.query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getBigDecimal(6), rs.getInt(7), rs.getBoolean(8), rs.getLong(9),
						rs.getString(10)))
				.list()
				.forEach(h -> heads.put(h.id(), h));
			this.jdbc.sql("""
					select invoice_id, sku, description, tax_rate, tax_category, exemption_reason
					from invoice_line where invoice_id in (:ids) order by invoice_id, line_index""")
				.param("ids", chunk)
				.query((rs, n) -> {
					lines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
						.add(new InvoiceLine(rs.getString(2), rs.getString(3), "piece", BigDecimal.ONE, BigDecimal.ZERO,
								BigDecimal.ZERO, rs.getBigDecimal(4), null, null, null, rs.getString(6),
								rs.getString(5)));
					return null;
				})
				.list();
		}
	}

	private List<Head> withDeposit(List<Head> ready) {
		List<String> orderIds = ready.stream().map(Head::orderId).filter(Objects::nonNull).toList();
		if (orderIds.isEmpty()) {
			return List.of();
		}
		Set<String> deposits = new HashSet<>();
		for (List<String> chunk : Chunks.of(orderIds)) {
			this.jdbc.sql("select order_id from invoice where source_ref in (:refs)")
				.param("refs", chunk.stream().map(o -> DEPOSIT_SOURCE + o).toList())
				.query(String.class)
				.list()
				.forEach(deposits::add);
		}
		return ready.stream().filter(h -> h.orderId() != null && deposits.contains(h.orderId())).toList();
	}

	private void issueInBatches(List<Head> ready, Map<String, CustomerDetails> customerCache,
			Map<String, Issued> outcome) {
		List<InvoiceNumbering.Numbered> numbers = this.numbering.next(false, this.today.date(), ready.size());
		List<Object[]> updates = new ArrayList<>();
		List<AuditTrail.Change> audit = new ArrayList<>();
		Map<String, String> mails = new LinkedHashMap<>();
		List<InvoiceIssued> issued = new ArrayList<>();
		for (int n = 0; n < ready.size(); n++) {
			Head h = ready.get(n);
			InvoiceNumbering.Numbered number = numbers.get(n);
			LocalDate due = new PaymentTerms(h.termsDays(), h.endOfMonth()).dueDate(number.issueDate());
			String reference = CreditorReference.of(number.number()).value();
			updates.add(new Object[] { number.number(), InvoiceStatus.ISSUED.name(), number.issueDate(), due, reference,
					h.id(), InvoiceStatus.DRAFT.name(), h.version() });
			Money total = Money.of(h.total(), h.currency());
			audit.add(new AuditTrail.Change(Invoicing.DOCUMENT, h.id(), "issued",
					AuditTrail.changes("number", number.number(), "issueDate", number.issueDate(), "dueDate", due,
							"total", total, "source", "billing run")));
			mails.put(h.id(), h.customerId());
			issued.add(new InvoiceIssued(h.id(), number.number(), Invoice.Kind.INVOICE.name(), h.customerId(),
					h.currency(), h.total(), number.issueDate(), due, reference));
			outcome.put(h.id(), new Issued(number.number(), null));
		}
		for (int from = 0; from < updates.size(); from += 1000) {
			List<Object[]> chunk = updates.subList(from, Math.min(updates.size(), from + 1000));
			int[] counts = this.batch.batchUpdate("""
					update invoice set number = ?, status = ?, issue_date = ?, due_date = ?, payment_reference = ?,
					  version = version + 1
					where id = ? and status = ? and version = ?""", chunk);
			for (int i = 0; i < counts.length; i++) {
				if (counts[i] == 0) {
					throw new Problem.StateConflict(
							"invoice " + chunk.get(i)[5] + " changed while the run was issuing it; nothing was issued");
				}
			}
		}
		this.audit.recordAll(audit);
		this.sendings.queue(mails, customerCache);
		issued.forEach(this.events::publishEvent);
	}

	/** What issuing one draft of a run gave: its number, or why it stays a draft. */
	public record Issued(String number, String refusal) {

		static Issued refused(String why) {
			return new Issued(null, why.length() > 500 ? why.substring(0, 499) + "…" : why);
		}

	}

}
