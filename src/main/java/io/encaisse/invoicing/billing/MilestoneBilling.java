package io.encaisse.invoicing.billing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.customers.PaymentTerms;
import io.encaisse.invoicing.InvoiceIssuer;
import io.encaisse.invoicing.InvoiceTerms;
import io.encaisse.invoicing.domain.Invoice;
import io.encaisse.invoicing.domain.InvoiceLine;
import io.encaisse.invoicing.domain.InvoiceRepository;
import io.encaisse.orders.MilestoneReady;
import io.encaisse.orders.OrderMilestones;
import io.encaisse.shared.Ids;
import io.encaisse.shared.LineAmounts;
import io.encaisse.shared.Money;
import io.encaisse.shared.Today;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bills a milestone made ready: its share of the order, one line per VAT treatment (the
 * order's net there times the share, spread by {@link VatShares} so the lines add up to
 * the milestone), at the order's prices. Once per milestone; a draft when the customer's
 * file lacks mandatory data.
 */
@Service
public class MilestoneBilling {

	private final InvoiceRepository invoices;

	private final Customers customers;

	private final OrderMilestones milestones;

	private final InvoiceTerms terms;

	private final LineTreatments treatments;

	private final InvoiceIssuer issuer;

	private final Today today;

	MilestoneBilling(InvoiceRepository invoices, Customers customers, OrderMilestones milestones, InvoiceTerms terms,
			LineTreatments treatments, InvoiceIssuer issuer, Today today) {
		this.invoices = invoices;
		this.customers = customers;
		this.milestones = milestones;
		this.terms = terms;
		this.treatments = treatments;
		this.issuer = issuer;
		this.today = today;
	}

	@Transactional
	public String bill(MilestoneReady milestone) {
		String source = "milestone:" + milestone.orderId() + ":" + milestone.milestone();
		Optional<Invoice> existing = this.invoices.findBySourceRef(source);
		if (existing.isPresent()) {
			return existing.get().id();
		}
		CustomerDetails customer = this.customers.get(milestone.customerId());
		Currency currency = Currency.getInstance(milestone.currency());
		List<VatShares.Share> shares = VatShares.of(milestone.orderLines()
			.stream()
			.map(l -> new VatShares.Line(l.sku(), l.unit(), l.taxRate(), LineAmounts.lineNet(
					new LineAmounts.Line(l.quantity(), l.unitPrice(), l.discountPercent(), l.taxRate()), currency)))
			.toList(), l -> this.treatments.of(customer, l));
		Money net = shares.stream().map(VatShares.Share::base).reduce(Money.zero(currency), Money::plus);
		Money value = milestone.amount() != null ? Money.of(milestone.amount(), milestone.currency())
				: net.times(milestone.percent()).times(BigDecimal.ONE.movePointLeft(2)).rounded();
		String share = milestone.percent() != null ? milestone.percent().stripTrailingZeros().toPlainString() + " %"
				: value.toString();
		List<Money> parts = VatShares.spread(shares, value);
		List<InvoiceLine> lines = new ArrayList<>();
		for (int i = 0; i < shares.size(); i++) {
			VatShares.Share g = shares.get(i);
			String description = ("fr".equals(customer.language()) ? "Jalon " : "Milestone ") + milestone.milestone()
					+ " — " + milestone.label() + " (" + share + ", " + milestone.orderNumber()
					+ (shares.size() > 1 ? ", " + VatShares.vatLabel(g, "TVA") : "") + ")";
			lines.add(new InvoiceLine("MILESTONE",
					description.length() > 500 ? description.substring(0, 500) : description, g.unit(), BigDecimal.ONE,
					parts.get(i).amount(), BigDecimal.ZERO, g.vat().rate(), null, null, "ORDER", null)
				.treated(g.vat()));
		}
		PaymentTerms terms = this.terms.of(milestone.orderId(), customer);
		Invoice invoice = Invoice.draft(Ids.next("inv"), Invoice.Kind.INVOICE, customer.id(), customer.name(),
				milestone.orderId(), source, null, null, milestone.currency(), terms.days(), terms.endOfMonth(), lines,
				this.today.instant());
		this.issuer.issueOrKeepDraft(invoice, customer, milestone.readyOn());
		this.milestones.billed(milestone.orderId(), milestone.milestone(), invoice.id());
		return invoice.id();
	}

}
