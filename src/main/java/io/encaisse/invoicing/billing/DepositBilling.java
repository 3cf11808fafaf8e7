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
import io.encaisse.orders.OrderConfirmed;
import io.encaisse.orders.OrderView;
import io.encaisse.orders.Orders;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Money;
import io.encaisse.shared.Today;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deposit a quote asked for, invoiced when its order is confirmed: the deposit's
 * share of the order's net under each VAT treatment, one line each, the lines billed at
 * once on order left out (the deposit is an advance on the rest). Once per order; a draft
 * when the customer's file lacks mandatory data. Its document is a prepayment invoice
 * (type 386); the order's later invoices deduct it ({@code DepositDeduction}).
 */
@Service
public class DepositBilling {

	private final InvoiceRepository invoices;

	private final Customers customers;

	private final Orders orders;

	private final InvoiceTerms terms;

	private final LineTreatments treatments;

	private final InvoiceIssuer issuer;

	private final Today today;

	DepositBilling(InvoiceRepository invoices, Customers customers, Orders orders, InvoiceTerms terms,
			LineTreatments treatments, InvoiceIssuer issuer, Today today) {
		this.invoices = invoices;
		this.customers = customers;
		this.orders = orders;
		this.terms = terms;
		this.treatments = treatments;
		this.issuer = issuer;
		this.today = today;
	}

	@Transactional
	public String bill(OrderConfirmed confirmed) {
		if (confirmed.depositPercent() == null || confirmed.depositPercent().signum() <= 0) {
			return null;
		}
		String source = InvoiceIssuer.DEPOSIT_SOURCE + confirmed.orderId();
		Optional<Invoice> existing = this.invoices.findBySourceRef(source);
		if (existing.isPresent()) {
			return existing.get().id();
		}
		OrderView order = this.orders.get(confirmed.orderId());
		CustomerDetails customer = this.customers.get(order.customerId());
		Currency currency = Currency.getInstance(order.currency());
		String pct = confirmed.depositPercent().stripTrailingZeros().toPlainString() + " %";
		boolean french = !"en".equals(customer.language());
		List<VatShares.Share> groups = VatShares.of(order.lines()
			.stream()
			.filter(l -> !io.encaisse.shared.BillingTerm.ON_ORDER.is(l.billing()))
			.map(l -> new VatShares.Line(l.sku(), l.unit(), l.taxRate(), l.net()))
			.toList(), l -> this.treatments.of(customer, l));
		if (groups.isEmpty()) {
			// everything is billed at once on order: no advance to take
			return null;
		}
		List<InvoiceLine> lines = new ArrayList<>();
		for (VatShares.Share g : groups) {
			Money part = g.base().times(confirmed.depositPercent()).times(BigDecimal.ONE.movePointLeft(2)).rounded();
			String description = (french ? "Acompte de " + pct + " sur la commande "
					: "Deposit of " + pct + " on order ") + order.number()
					+ (groups.size() > 1 ? ", " + VatShares.vatLabel(g, french ? "TVA" : "VAT") : "");
			lines.add(new InvoiceLine("DEPOSIT", description, g.unit(), BigDecimal.ONE, part.amount(), BigDecimal.ZERO,
					g.vat().rate(), null, null, "ORDER", null)
				.treated(g.vat()));
		}
		PaymentTerms terms = this.terms.of(order.id(), customer);
		Invoice invoice = Invoice.draft(Ids.next("inv"), Invoice.Kind.INVOICE, customer.id(), customer.name(),
				order.id(), source, null, null, currency.getCurrencyCode(), terms.days(), terms.endOfMonth(), lines,
				this.today.instant());
		this.issuer.issueOrKeepDraft(invoice, customer, this.today.date());
		this.orders.linkInvoice(order.id(), invoice.id());
		return invoice.id();
	}

}
