package io.encaisse.invoicing;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.invoicing.domain.Invoice;
import io.encaisse.invoicing.domain.InvoiceRepository;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit notes (avoirs): the only way to correct an issued invoice. One is planned by
 * {@link CreditNotePlan}, issued with its own number in the credit note series, and the
 * invoice it credits owes that much less (settled when nothing is left).
 */
@Service
public class CreditNotes {

	private final Invoicing invoicing;

	private final InvoiceIssuer issuer;

	private final InvoiceRepository invoices;

	private final Customers customers;

	private final AuditTrail audit;

	private final Today today;

	private final ApplicationEventPublisher events;

	CreditNotes(Invoicing invoicing, InvoiceIssuer issuer, InvoiceRepository invoices, Customers customers,
			AuditTrail audit, Today today, ApplicationEventPublisher events) {
		this.invoicing = invoicing;
		this.issuer = issuer;
		this.invoices = invoices;
		this.customers = customers;
		this.audit = audit;
		this.today = today;
		this.events = events;
	}

	/**
	 * Issues a credit note for an invoice: whole, by lines and quantities, or by a net
	 * amount.
	 */
	@Transactional
	public InvoiceView issue(String invoiceId, CreditNoteRequest request) {
		Invoice invoice = this.invoicing.load(invoiceId);
		CreditNoteRequest req = request == null ? new CreditNoteRequest(null, null, null) : request;
		CreditNotePlan plan = CreditNotePlan.of(invoice, req);
		CustomerDetails customer = this.customers.get(invoice.customerId());
		Invoice credit = Invoice.draft(Ids.next("inv"), Invoice.Kind.CREDIT_NOTE, invoice.customerId(), customer.name(),
				invoice.orderId(), null, invoice.id(),
				req.reason() == null || req.reason().isBlank() ? "Credit note on invoice " + invoice.number()
						: req.reason(),
				invoice.currency(), 0, false, plan.lines(), plan.adjustments(), this.today.instant());
		if (credit.total().compareTo(invoice.creditable()) > 0) {
			throw new Problem.Invalid(plan.byAmount() ? "amount" : "lines",
					"the credit note (" + credit.total() + ") would exceed what remains creditable on invoice "
							+ invoice.number() + " (" + invoice.creditable() + ")");
		}
		this.issuer.issue(credit, this.today.date());
		InvoiceStatus before = invoice.status();
		invoice.applyCredit(credit.total(), credit.issueDate());
		this.invoices.save(invoice);
		this.audit.record(Invoicing.DOCUMENT, invoice.id(), "credited",
				AuditTrail.changes("creditNote", credit.number(), "amount", credit.total(), "status",
						before == invoice.status() ? before : before + " → " + invoice.status()));
		if (!invoice.status().isOpen()) {
			this.events.publishEvent(
					new InvoiceSettled(invoice.id(), invoice.number(), invoice.customerId(), invoice.status().name()));
		}
		return this.invoicing.view(credit);
	}

}
