package io.encaisse.invoicing;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.invoicing.domain.Invoice;
import io.encaisse.invoicing.domain.InvoiceLine;
import io.encaisse.invoicing.domain.InvoiceRepository;
import io.encaisse.invoicing.documents.InvoiceDocuments;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoicing facade's reads: an invoice, a page of invoices, its credit notes, its
 * documents. Issuing is {@link InvoiceIssuer}'s, billing triggers are in
 * {@code invoicing.billing}, credit notes {@link CreditNotes}', what payments use
 * {@link Receivables}.
 */
@Service
@Transactional(readOnly = true)
public class Invoicing {

	public static final String DOCUMENT = "invoice";

	private final InvoiceRepository invoices;

	private final Customers customers;

	private final Today today;

	private final JdbcClient jdbc;

	private final InvoiceDocuments documents;

	private final io.encaisse.shared.AggregateBatch aggregates;

	private final io.encaisse.invoicing.documents.Seller seller;

	Invoicing(InvoiceRepository invoices, Customers customers, Today today, JdbcClient jdbc, InvoiceDocuments documents,
			io.encaisse.shared.AggregateBatch aggregates, io.encaisse.invoicing.documents.Seller seller) {
		this.seller = seller;
		this.invoices = invoices;
		this.customers = customers;
		this.today = today;
		this.jdbc = jdbc;
		this.documents = documents;
		this.aggregates = aggregates;
	}

	/**
	 * Where customers pay: the seller's name and bank account, as invoices print them.
	 */
	public record PayTo(String payee, String iban, String bic) {
	}

	public PayTo payTo() {
		return new PayTo(this.seller.name(), this.seller.iban(), this.seller.bic());
	}

	public InvoiceView get(String id) {
		return view(load(id));
	}

	public Optional<InvoiceView> findById(String id) {
		return this.invoices.findById(id).map(this::view);
	}

	public Optional<InvoiceView> findByNumber(String number) {
		return this.invoices.findByNumber(number).map(this::view);
	}

	/**
	 * What a list of invoices shows: any of customer, status, order, kind, only the
	 * overdue ones, issued within a period.
	 */
	public record Filter(String customerId, InvoiceStatus status, String orderId, String kind, boolean overdue,
			LocalDate issuedFrom, LocalDate issuedTo) {

		public Filter(String customerId, InvoiceStatus status, String orderId, String kind) {
			this(customerId, status, orderId, kind, false, null, null);
		}

	}

	public Cursor.Page<InvoiceView> list(Filter filter, Cursor cursor) {
		StringBuilder sql = new StringBuilder("select id from invoice where 1 = 1");
		var params = new java.util.HashMap<String, Object>();
		if (filter.customerId() != null) {
			sql.append(" and customer_id = :customerId");
			params.put("customerId", filter.customerId());
		}
		if (filter.status() != null) {
			sql.append(" and status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.orderId() != null) {
			sql.append(" and order_id = :orderId");
			params.put("orderId", filter.orderId());
		}
		if (filter.kind() != null) {
			sql.append(" and kind = :kind");
			params.put("kind", filter.kind());
		}
		if (filter.overdue()) {
			sql.append(" and kind = 'INVOICE' and status in ('ISSUED', 'PARTIALLY_PAID') and due_date < :today");
			params.put("today", this.today.date());
		}
		if (filter.issuedFrom() != null && filter.issuedTo() != null
				&& filter.issuedFrom().isAfter(filter.issuedTo())) {
			throw new Problem.Invalid("issuedFrom", "must not be after issuedTo");
		}
		if (filter.issuedFrom() != null) {
			sql.append(" and issue_date >= :from");
			params.put("from", filter.issuedFrom());
		}
		if (filter.issuedTo() != null) {
			sql.append(" and issue_date <= :to");
			params.put("to", filter.issuedTo());
		}
		if (cursor.startingAfter() != null) {
			sql.append(" and id < :after");
			params.put("after", cursor.startingAfter());
		}
		sql.append(" order by id desc limit ").append(cursor.fetchSize());
		List<String> ids = this.jdbc.sql(sql.toString()).params(params).query(String.class).list();
		// the page's invoices whole in four statements, whatever its size
		return cursor.page(this.aggregates.load(Invoice.class, ids)).map(this::view);
	}

	/** The credit notes issued against an invoice. */
	public List<InvoiceView> creditNotesOf(String invoiceId) {
		return this.invoices.findByCreditedInvoiceIdOrderByIdAsc(invoiceId).stream().map(this::view).toList();
	}

	/** The invoice's documents: Factur-X PDF, UBL 2.1 or CII XML. */
	public byte[] document(String id, String format) {
		InvoiceView invoice = get(id);
		if (invoice.number() == null) {
			throw new Problem.StateConflict("a draft has no document yet; issue it first");
		}
		if (String.valueOf(load(id).sourceRef()).startsWith("import:")) {
			throw new Problem.StateConflict(
					"invoice " + invoice.number() + " was imported from another system, which holds its document");
		}
		CustomerDetails customer = this.customers.get(invoice.customerId());
		String original = invoice.creditedInvoiceId() == null ? null : load(invoice.creditedInvoiceId()).number();
		return switch (format) {
			case "pdf" -> this.documents.facturX(invoice, customer, original);
			case "ubl" -> this.documents.ubl(invoice, customer, original);
			case "cii" -> this.documents.cii(invoice, customer, original);
			default -> throw new Problem.Invalid("format", "must be pdf, ubl or cii");
		};
	}

	Invoice load(String id) {
		return this.invoices.findById(id).orElseThrow(() -> new Problem.NotFound("invoice", id));
	}

	InvoiceView view(Invoice i) {
		Currency currency = Currency.getInstance(i.currency());
		List<InvoiceLine> lines = i.lines();
		io.encaisse.shared.LineAmounts.Totals totals = i.totals();
		return new InvoiceView(i.id(), i.kind().name(), i.number(), i.status(), i.customerId(), i.customerName(),
				i.orderId(), i.creditedInvoiceId(), i.reason(), i.issueDate(), i.dueDate(), i.currency(), i.totalNet(),
				i.totalTax(), i.total(), i.amountPaid(), i.amountCredited(), i.amountDue(), i.paymentReference(),
				IntStream.range(0, lines.size()).mapToObj(n -> {
					InvoiceLine l = lines.get(n);
					return new InvoiceView.Line(n + 1, l.sku(), l.description(), l.unit(), l.quantity(),
							new Money(l.unitPrice(), currency), l.discountPercent(), l.taxRate(),
							new Money(l.netAmount(), currency), l.orderLineIndex(), l.priceSource(),
							l.exemptionReason(), l.taxCategory());
				}).toList(), totals.vat(),
				i.payments()
					.stream()
					.map(p -> new InvoiceView.Payment(p.paymentId(), new Money(p.amount(), currency), p.paidOn(),
							p.kind()))
					.toList(),
				i.isOverdueOn(this.today.date()), i.version(),
				i.adjustments()
					.stream()
					.map(a -> new InvoiceView.Adjustment(a.charge(), a.reason(), new Money(a.amount(), currency),
							a.taxRate(), a.taxCategory()))
					.toList(),
				totals.lineTotal(), i.sourceRef());
	}

}
