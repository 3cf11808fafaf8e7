package io.encaisse.invoicing.billing;

import java.util.List;
import java.util.Optional;

import io.encaisse.catalog.Pricing;
import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.customers.PaymentTerms;
import io.encaisse.invoicing.InvoiceIssuer;
import io.encaisse.invoicing.InvoiceTerms;
import io.encaisse.invoicing.domain.Invoice;
import io.encaisse.invoicing.domain.InvoiceLine;
import io.encaisse.invoicing.domain.InvoiceRepository;
import io.encaisse.orders.DeliveryRecorded;
import io.encaisse.orders.OrderMilestones;
import io.encaisse.orders.Orders;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Today;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bills a delivery: one invoice per delivery, issued at once, dated the delivery day (or
 * the series' last date if that is later). Lines billed by milestones are left to their
 * plan. Running twice for the same delivery bills once.
 */
@Service
public class DeliveryBilling {

	private final InvoiceRepository invoices;

	private final Customers customers;

	private final Orders orders;

	private final OrderMilestones milestones;

	private final Pricing pricing;

	private final InvoiceTerms terms;

	private final LineTreatments treatments;

	private final InvoiceIssuer issuer;

	private final Today today;

	DeliveryBilling(InvoiceRepository invoices, Customers customers, Orders orders, OrderMilestones milestones,
			Pricing pricing, InvoiceTerms terms, LineTreatments treatments, InvoiceIssuer issuer, Today today) {
		this.invoices = invoices;
		this.customers = customers;
		this.orders = orders;
		this.milestones = milestones;
		this.pricing = pricing;
		this.terms = terms;
		this.treatments = treatments;
		this.issuer = issuer;
		this.today = today;
	}

	/**
	 * The invoice of the delivery (its id), or null when nothing of it is billed by
	 * delivery.
	 */
	@Transactional
	public String bill(DeliveryRecorded delivery) {
		if (this.milestones.billedByMilestones(delivery.orderId()) && this.orders.get(delivery.orderId())
			.lines()
			.stream()
			.noneMatch(l -> io.encaisse.shared.BillingTerm.ON_MILESTONE.is(l.billing()))) {
			// a plan laid on the whole order: billed by its milestones, not by what is
			// delivered (with lines marked ON_MILESTONE, only those are left to the plan)
			this.orders.deliveryBilledElsewhere(delivery.orderId());
			return null;
		}
		String source = "delivery:" + delivery.deliveryId();
		Optional<Invoice> existing = this.invoices.findBySourceRef(source);
		if (existing.isPresent()) {
			return existing.get().id();
		}
		CustomerDetails customer = this.customers.get(delivery.customerId());
		// a line billed by milestones is not billed by its delivery
		List<DeliveryRecorded.DeliveredLine> billed = delivery.lines()
			.stream()
			.filter(l -> !io.encaisse.shared.BillingTerm.ON_MILESTONE.is(l.billing()))
			.toList();
		if (billed.isEmpty()) {
			this.orders.deliveryBilledElsewhere(delivery.orderId());
			return null;
		}
		List<InvoiceLine> lines = billed.stream()
			.map(l -> new InvoiceLine(l.sku(), l.description(), l.unit(), l.quantity(), l.unitPrice(),
					l.discountPercent(), l.taxRate(), null, l.orderLineNumber(), l.priceSource(), null)
				.treated(this.treatments.of(customer, l.unit(), l.sku(), l.taxRate()))
				.withBookPrice(this.pricing
					.resolve(l.sku(), customer.id(), l.quantity(), delivery.currency(), delivery.deliveredOn())
					.map(p -> p.unitPrice().amount())
					.orElse(null)))
			.toList();
		PaymentTerms terms = this.terms.of(delivery.orderId(), customer);
		Invoice invoice = Invoice.draft(Ids.next("inv"), Invoice.Kind.INVOICE, customer.id(), customer.name(),
				delivery.orderId(), source, null, null, delivery.currency(), terms.days(), terms.endOfMonth(), lines,
				this.today.instant());
		this.issuer.issueOrKeepDraft(invoice, customer, delivery.deliveredOn());
		int invoicesOfOrder = (int) this.invoices.countByOrderIdAndKind(delivery.orderId(), Invoice.Kind.INVOICE);
		this.orders.recordInvoiced(delivery.orderId(), invoice.id(), invoicesOfOrder);
		return invoice.id();
	}

}
