package io.encaisse.invoicing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import io.encaisse.catalog.Catalog;
import io.encaisse.catalog.Pricing;
import io.encaisse.catalog.ProductDetails;
import io.encaisse.catalog.TaxRates;
import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.invoicing.domain.Invoice;
import io.encaisse.invoicing.domain.InvoiceAdjustment;
import io.encaisse.invoicing.domain.InvoiceLine;
import io.encaisse.invoicing.domain.InvoiceRepository;
import io.encaisse.shared.Amounts;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.LineAmounts;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;
import io.encaisse.shared.VatTreatment;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draft invoices: manual invoices written by billing staff, and invoices a delivery could
 * not issue because the buyer's file lacks mandatory data. A draft has no number and can
 * be changed or deleted; issuing it checks the mandatory mentions, takes the next number
 * and freezes it.
 */
@Service
@Transactional(readOnly = true)
public class InvoiceDrafts {

	private final Invoicing invoicing;

	private final InvoiceIssuer issuer;

	private final InvoiceTerms terms;

	private final InvoiceRepository invoices;

	private final Customers customers;

	private final Catalog catalog;

	private final Pricing pricing;

	private final AuditTrail audit;

	private final Today today;

	InvoiceDrafts(Invoicing invoicing, InvoiceIssuer issuer, InvoiceTerms terms, InvoiceRepository invoices,
			Customers customers, Catalog catalog, Pricing pricing, AuditTrail audit, Today today) {
		this.invoicing = invoicing;
		this.issuer = issuer;
		this.terms = terms;
		this.invoices = invoices;
		this.customers = customers;
		this.catalog = catalog;
		this.pricing = pricing;
		this.audit = audit;
		this.today = today;
	}

	@Transactional
	public InvoiceView create(InvoiceDraftInput input) {
		Problem.Errors errors = new Problem.Errors();
		if (input == null) {
			throw new Problem.Invalid("customerId", "is required");
		}
		CustomerDetails customer = null;
		if (input.customerId() == null || input.customerId().isBlank()) {
			errors.add("customerId", "is required");
		}
		else {
			customer = this.customers.find(input.customerId()).orElse(null);
			if (customer == null) {
				errors.add("customerId", "no customer " + input.customerId());
			}
		}
		String code = input.currency() == null || input.currency().isBlank()
				? (customer == null ? "EUR" : customer.currency()) : input.currency();
		Currency currency = Amounts.currency(errors, "currency", code);
		if (customer == null || currency == null) {
			errors.throwIfAny();
		}
		Content content = content(errors, input, customer, currency);
		errors.throwIfAny();
		// an order's invoices use the payment terms its quote gave
		io.encaisse.customers.PaymentTerms terms = this.terms.of(blank(input.orderId()), customer);
		Invoice draft = Invoice.draft(Ids.next("inv"), Invoice.Kind.INVOICE, customer.id(), customer.name(),
				blank(input.orderId()), null, null, blank(input.reason()), currency.getCurrencyCode(), terms.days(),
				terms.endOfMonth(), content.lines(), content.adjustments(), this.today.instant());
		this.invoices.save(draft);
		this.audit.record(Invoicing.DOCUMENT, draft.id(), "draft created", AuditTrail.changes("customer",
				customer.name(), "lines", content.lines().size(), "total", draft.total()));
		return this.invoicing.view(draft);
	}

	/** Replaces a draft's lines, allowances and charges; an issued invoice is a 409. */
	@Transactional
	public InvoiceView revise(String id, Long expectedVersion, InvoiceDraftInput input) {
		Invoice draft = load(id, expectedVersion);
		if (input == null) {
			throw new Problem.Invalid("lines", "is required");
		}
		if (input.customerId() != null && !input.customerId().isBlank()
				&& !input.customerId().equals(draft.customerId())) {
			throw new Problem.Invalid("customerId", "a draft keeps its customer; delete it and write a new one");
		}
		if (input.currency() != null && !input.currency().isBlank() && !input.currency().equals(draft.currency())) {
			throw new Problem.Invalid("currency", "a draft keeps its currency; delete it and write a new one");
		}
		Problem.Errors errors = new Problem.Errors();
		CustomerDetails customer = this.customers.get(draft.customerId());
		Content content = content(errors, input, customer, Currency.getInstance(draft.currency()));
		errors.throwIfAny();
		var before = draft.total();
		draft.revise(content.lines(), content.adjustments());
		this.invoices.save(draft);
		this.audit.record(Invoicing.DOCUMENT, id, "draft changed", AuditTrail.changes("lines", content.lines().size(),
				"total", before.equals(draft.total()) ? before : before + " → " + draft.total()));
		return this.invoicing.view(draft);
	}

	/** Deletes a draft; an issued invoice is never deleted (409). */
	@Transactional
	public void delete(String id, Long expectedVersion) {
		Invoice draft = load(id, expectedVersion);
		if (draft.status() != InvoiceStatus.DRAFT) {
			throw new Problem.StateConflict("invoice " + draft.number()
					+ " is issued; an issued invoice is never deleted, a credit note corrects it");
		}
		if (draft.sourceRef() != null) {
			throw new Problem.StateConflict("this draft bills " + draft.sourceRef().replaceFirst(":.*", "")
					+ " of an order; complete the customer's file and issue it, or credit it once issued");
		}
		this.invoices.delete(draft);
		this.audit.record(Invoicing.DOCUMENT, id, "draft deleted",
				AuditTrail.changes("customer", draft.customerName(), "total", draft.total()));
	}

	/**
	 * Issues a draft: refused (422) with everything missing from the mandatory mentions;
	 * otherwise numbered, dated today and frozen.
	 */
	@Transactional
	public InvoiceView issue(String id, Long expectedVersion) {
		Invoice draft = load(id, expectedVersion);
		if (draft.status() != InvoiceStatus.DRAFT) {
			throw new Problem.StateConflict("invoice " + draft.number() + " is already issued");
		}
		List<Problem.FieldError> missing = IssueChecks.missing(draft, this.customers.get(draft.customerId()));
		if (!missing.isEmpty()) {
			throw new Problem.Invalid(missing);
		}
		this.issuer.issue(draft, this.today.date());
		return this.invoicing.view(draft);
	}

	/** What a draft still lacks to be issued (empty when it can be). */
	public List<Problem.FieldError> missing(String id) {
		Invoice invoice = this.invoicing.load(id);
		if (invoice.status() != InvoiceStatus.DRAFT) {
			return List.of();
		}
		return IssueChecks.missing(invoice, this.customers.get(invoice.customerId()));
	}

	private Invoice load(String id, Long expectedVersion) {
		Invoice invoice = this.invoicing.load(id);
		if (expectedVersion != null && expectedVersion != invoice.version()) {
			throw new Problem.StaleVersion("invoice", id, invoice.version());
		}
		return invoice;
	}

	private record Content(List<InvoiceLine> lines, List<InvoiceAdjustment> adjustments) {
	}

	private Content content(Problem.Errors errors, InvoiceDraftInput input, CustomerDetails customer,
			Currency currency) {
		List<InvoiceLine> lines = new ArrayList<>();
		if (input.lines() == null || input.lines().isEmpty()) {
			errors.add("lines", "an invoice needs at least one line");
		}
		else if (input.lines().size() > 1000) {
			errors.add("lines", "at most 1000 lines per invoice");
		}
		else {
			for (int i = 0; i < input.lines().size(); i++) {
				InvoiceLine line = line(errors, "lines[" + i + "]", input.lines().get(i), customer, currency);
				if (line != null) {
					lines.add(line);
				}
			}
		}
		List<InvoiceAdjustment> adjustments = new ArrayList<>();
		adjustments(errors, "allowances", input.allowances(), false, lines, customer, adjustments);
		adjustments(errors, "charges", input.charges(), true, lines, customer, adjustments);
		errors.maxLength("orderId", input.orderId(), 40).maxLength("reason", input.reason(), 500);
		if (errors.isEmpty() && !lines.isEmpty()
				&& LineAmounts
					.totals(lines.stream().map(InvoiceLine::amounts).toList(),
							adjustments.stream().map(InvoiceAdjustment::amounts).toList(), currency)
					.total()
					.amount()
					.signum() < 0) {
			errors.add("allowances", "exceed what the lines and charges come to: the total would be negative");
		}
		return new Content(lines, adjustments);
	}

	private InvoiceLine line(Problem.Errors errors, String field, InvoiceDraftInput.LineInput in,
			CustomerDetails customer, Currency currency) {
		if (in == null) {
			errors.add(field, "is empty");
			return null;
		}
		BigDecimal quantity = Amounts.positive(errors, field + ".quantity", in.quantity(), 4);
		BigDecimal discount = Amounts.percent(errors, field + ".discountPercent", in.discountPercent());
		BigDecimal typed = Amounts.decimal(errors, field + ".unitPrice", in.unitPrice(),
				Math.max(4, currency.getDefaultFractionDigits()));
		if (typed != null && typed.signum() < 0) {
			errors.add(field + ".unitPrice", "must not be negative; an allowance or a credit note lowers an invoice");
			return null;
		}
		if (in.sku() != null && !in.sku().isBlank()) {
			ProductDetails product = this.catalog.findBySku(in.sku()).orElse(null);
			if (product == null) {
				errors.add(field + ".sku", "no product '" + in.sku().trim() + "' in the catalog");
				return null;
			}
			if (quantity == null) {
				return null;
			}
			var chosen = this.pricing.choose(product.sku(), customer.id(), quantity, currency.getCurrencyCode(),
					this.today.date(), typed);
			if (chosen.isEmpty()) {
				errors.add(field + ".unitPrice", "product '" + product.sku() + "' has no catalog price in "
						+ currency.getCurrencyCode() + "; give one");
				return null;
			}
			BigDecimal unitPrice = chosen.get().unitPrice();
			String source = chosen.get().source();
			String description = in.description() == null || in.description().isBlank() ? product.name()
					: in.description().trim();
			return new InvoiceLine(product.sku(), ellipsis(description), product.unit(), quantity, unitPrice,
					discount == null ? BigDecimal.ZERO : discount, product.taxRate(), null, null, source, null)
				.treated(VatTreatment.of(customer.billingAddress().country(), customer.vatNumber(),
						VatTreatment.isService(product.unit()), product.taxRate(), product.exemptionReason()))
				.withBookPrice(chosen.get().bookPrice());
		}
		// a line the catalog does not sell, described, priced and taxed by hand
		if (in.description() == null || in.description().isBlank()) {
			errors.add(field + ".description", "is required for a line without a SKU");
		}
		else if (in.description().length() > 500) {
			errors.add(field + ".description", "must not exceed 500 characters");
		}
		if (typed == null && in.unitPrice() == null) {
			errors.add(field + ".unitPrice", "is required for a line without a SKU");
		}
		BigDecimal rate = Amounts.required(errors, field + ".taxRate", in.taxRate(), 2);
		if (rate != null && !TaxRates.isFrenchRate(rate)) {
			errors.add(field + ".taxRate", "must be one of the French VAT rates 20, 10, 5.5, 2.1 or 0");
			rate = null;
		}
		String unit = in.unit() == null || in.unit().isBlank() ? "piece" : in.unit().trim();
		if (!Catalog.UNITS.contains(unit)) {
			errors.add(field + ".unit", "must be one of " + String.join(", ", Catalog.UNITS));
		}
		if (quantity == null || typed == null || rate == null || in.description() == null || in.description().isBlank()
				|| in.description().length() > 500) {
			return null;
		}
		VatTreatment vat = VatTreatment.of(customer.billingAddress().country(), customer.vatNumber(),
				VatTreatment.isService(unit), rate, null);
		if (VatTreatment.EXEMPT.equals(vat.category())) {
			errors.add(field + ".taxRate", "a line without VAT at home needs its legal exemption wording: "
					+ "bill it through a catalog product that carries one");
			return null;
		}
		return new InvoiceLine("MANUAL", in.description().trim(), unit, quantity, typed,
				discount == null ? BigDecimal.ZERO : discount, rate, null, null, "MANUAL", null)
			.treated(vat);
	}

	private static void adjustments(Problem.Errors errors, String name, List<InvoiceDraftInput.AdjustmentInput> in,
			boolean charge, List<InvoiceLine> lines, CustomerDetails customer, List<InvoiceAdjustment> out) {
		if (in == null) {
			return;
		}
		for (int i = 0; i < in.size(); i++) {
			String field = name + "[" + i + "]";
			InvoiceDraftInput.AdjustmentInput a = in.get(i);
			if (a == null) {
				errors.add(field, "is empty");
				continue;
			}
			BigDecimal amount = Amounts.positive(errors, field + ".amount", a.amount(), 2);
			if (a.reason() == null || a.reason().isBlank()) {
				errors.add(field + ".reason", "is required (it is printed on the invoice)");
			}
			else if (a.reason().length() > 200) {
				errors.add(field + ".reason", "must not exceed 200 characters");
			}
			BigDecimal rate;
			if (a.taxRate() == null || a.taxRate().isBlank()) {
				List<BigDecimal> rates = lines.stream().map(InvoiceLine::taxRate).distinct().toList();
				if (rates.size() != 1) {
					if (!lines.isEmpty()) {
						errors.add(field + ".taxRate", "the invoice has several VAT rates; say which one this "
								+ (charge ? "charge" : "allowance") + " falls under");
					}
					continue;
				}
				rate = rates.get(0);
			}
			else {
				rate = Amounts.required(errors, field + ".taxRate", a.taxRate(), 2);
				if (rate == null) {
					continue;
				}
				BigDecimal r = rate;
				if (lines.stream().noneMatch(l -> l.taxRate().compareTo(r) == 0)) {
					errors.add(field + ".taxRate", "no line of the invoice has this rate");
					continue;
				}
			}
			if (amount == null || a.reason() == null || a.reason().isBlank() || a.reason().length() > 200) {
				continue;
			}
			BigDecimal r = rate;
			String category = lines.stream()
				.filter(l -> l.taxRate().compareTo(r) == 0)
				.map(InvoiceLine::taxCategory)
				.findFirst()
				.orElse(VatTreatment.defaultCategory(rate));
			out.add(new InvoiceAdjustment(charge, a.reason().trim(), amount, rate.setScale(2), category));
		}
	}

	private static String ellipsis(String s) {
		return s.length() <= 500 ? s : s.substring(0, 499) + "…";
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

}
