package io.encaisse.quotes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import io.encaisse.catalog.Catalog;
import io.encaisse.catalog.PriceSource;
import io.encaisse.catalog.Pricing;
import io.encaisse.catalog.ProductDetails;
import io.encaisse.customers.CustomerDetails;
import io.encaisse.shared.Amounts;
import io.encaisse.quotes.domain.QuoteLine;
import io.encaisse.shared.Problem;

import org.springframework.stereotype.Component;

/**
 * What a quote's input lines become: each checked (errors named by field), priced from
 * the price book for the customer and date or typed by hand off the catalog, taxed for
 * the buyer (reverse charge, intra-community supply, export), with its terms (optional,
 * billing, period); and the largest discount granted, which decides approval.
 */
@Component
class QuoteLines {

	/** The SKU of lines the catalog does not sell. */
	static final String OFF_CATALOG_SKU = "OFF-CATALOG";

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final Catalog catalog;

	private final Pricing pricing;

	QuoteLines(Catalog catalog, Pricing pricing) {
		this.catalog = catalog;
		this.pricing = pricing;
	}

	/**
	 * The input's lines checked (errors named by field) and priced for this customer on
	 * that date, with the quote's payment terms and conditions checked too.
	 */
	List<QuoteLine> priced(Problem.Errors errors, QuoteInput input, CustomerDetails customer, Currency currency,
			LocalDate issueDate) {
		List<QuoteLine> lines = new ArrayList<>();
		if (input.lines() == null || input.lines().isEmpty()) {
			errors.add("lines", "a quote needs at least one line");
		}
		else {
			for (int i = 0; i < input.lines().size(); i++) {
				QuoteLine line = line(errors, "lines[" + i + "]", input.lines().get(i), currency,
						customer == null ? null : customer.id(), issueDate);
				if (line != null && customer != null) {
					// sold abroad: reverse charge, intra-community supply or export at 0
					// %
					var vat = io.encaisse.shared.VatTreatment.of(customer.billingAddress().country(),
							customer.vatNumber(), io.encaisse.shared.VatTreatment.isService(line.unit()),
							line.taxRate(), null);
					line = new QuoteLine(line.sku(), line.description(), line.unit(), line.quantity(), line.unitPrice(),
							line.discountPercent(), vat.rate(), line.priceSource(), line.listPrice());
				}
				if (line != null) {
					lines.add(terms(errors, "lines[" + i + "]", input.lines().get(i), line));
				}
			}
			if (!lines.isEmpty() && lines.stream().allMatch(QuoteLine::optionalLine)) {
				errors.add("lines", "a quote needs at least one line that is not optional");
			}
			if (!lines.isEmpty()
					&& lines.stream()
						.allMatch(l -> l.recurring() || io.encaisse.shared.BillingTerm.ON_ORDER.is(l.billing()))
					&& input.depositPercent() != null && !input.depositPercent().isBlank()) {
				errors.add("depositPercent",
						"a deposit is an advance on lines billed later: this quote's lines are all recurring or billed on order");
			}
		}
		checkTerms(errors, input);
		return lines;
	}

	/**
	 * A line's terms: optional or firm, how it is billed, and the period of a recurring
	 * line.
	 */
	private static QuoteLine terms(Problem.Errors errors, String field, QuoteInput.LineInput in, QuoteLine line) {
		String billing = in.billing() == null || in.billing().isBlank() ? io.encaisse.shared.BillingTerm.DEFAULT.name()
				: in.billing().trim().toUpperCase(java.util.Locale.ROOT);
		if (!QuoteLine.BILLINGS.contains(billing)) {
			errors.add(field + ".billing", "must be one of " + String.join(", ", QuoteLine.BILLINGS));
		}
		String period = in.period() == null || in.period().isBlank() ? null
				: in.period().trim().toUpperCase(java.util.Locale.ROOT);
		if (io.encaisse.shared.BillingTerm.RECURRING.is(billing)
				&& (period == null || !QuoteLine.PERIODS.contains(period))) {
			errors.add(field + ".period", "a recurring line needs its period: " + String.join(", ", QuoteLine.PERIODS));
		}
		else if (!io.encaisse.shared.BillingTerm.RECURRING.is(billing) && period != null) {
			errors.add(field + ".period", "only a recurring line has a period");
		}
		return line.withTerms(Boolean.TRUE.equals(in.optional()), billing, period);
	}

	/** Payment terms and conditions of a quote, checked. */
	private static void checkTerms(Problem.Errors errors, QuoteInput input) {
		if (input.paymentTermsDays() != null && (input.paymentTermsDays() < 0 || input.paymentTermsDays() > 60)) {
			errors.add("paymentTermsDays", "must be between 0 and 60 days (French law caps terms at 60 days)");
		}
		if (input.conditions() != null && input.conditions().length() > 4000) {
			errors.add("conditions", "must not exceed 4000 characters");
		}
	}

	/**
	 * The largest discount granted against the catalog; a typed price where the catalog
	 * has none counts as a full discount: someone allowed everything approves it.
	 */
	static BigDecimal maxDiscount(List<QuoteLine> lines) {
		return lines.stream()
			.filter(l -> !PriceSource.OFF_CATALOG.name().equals(l.priceSource()))
			.map(l -> l.grantedDiscount().orElse(HUNDRED))
			.max(BigDecimal::compareTo)
			.orElse(BigDecimal.ZERO);
	}

	private QuoteLine line(Problem.Errors errors, String field, QuoteInput.LineInput in, Currency currency,
			String customerId, LocalDate date) {
		if (in == null) {
			errors.add(field, "is empty");
			return null;
		}
		if ((in.sku() == null || in.sku().isBlank()) && in.description() != null && !in.description().isBlank()) {
			return offCatalog(errors, field, in);
		}
		ProductDetails product = this.catalog.findBySku(in.sku()).orElse(null);
		if (product == null) {
			errors.add(field + ".sku", in.sku() == null ? "is required" : "product '" + in.sku() + "' does not exist");
		}
		else if (!product.active()) {
			errors.add(field + ".sku", "product '" + in.sku() + "' is retired and cannot be sold");
		}
		BigDecimal quantity = Amounts.positive(errors, field + ".quantity", in.quantity(), 4);
		BigDecimal given = Amounts.notNegative(errors, field + ".unitPrice", in.unitPrice(), 4);
		BigDecimal discount = Amounts.percent(errors, field + ".discountPercent", in.discountPercent());
		if (product == null || quantity == null || currency == null) {
			return null;
		}
		var chosen = this.pricing.choose(product.sku(), customerId, quantity, currency.getCurrencyCode(), date, given);
		if (chosen.isEmpty()) {
			errors.add(field + ".unitPrice", "product '" + product.sku() + "' has no catalog price in "
					+ currency.getCurrencyCode() + "; give one");
			return null;
		}
		BigDecimal unitPrice = chosen.get().unitPrice();
		String source = chosen.get().source();
		String description = in.description() == null || in.description().isBlank() ? product.name()
				: in.description().trim();
		return new QuoteLine(product.sku(), description, product.unit(), quantity, unitPrice,
				discount == null ? BigDecimal.ZERO : discount, product.taxRate(), source, chosen.get().bookPrice());
	}

	/** A line the catalog does not sell: described, priced and taxed by hand. */
	private QuoteLine offCatalog(Problem.Errors errors, String field, QuoteInput.LineInput in) {
		BigDecimal quantity = Amounts.positive(errors, field + ".quantity", in.quantity(), 4);
		BigDecimal unitPrice = Amounts.required(errors, field + ".unitPrice", in.unitPrice(), 4);
		if (unitPrice != null && unitPrice.signum() < 0) {
			errors.add(field + ".unitPrice", "must not be negative");
		}
		BigDecimal discount = Amounts.percent(errors, field + ".discountPercent", in.discountPercent());
		BigDecimal rate = Amounts.required(errors, field + ".taxRate", in.taxRate(), 2);
		if (rate != null && !io.encaisse.catalog.TaxRates.isFrenchRate(rate)) {
			errors.add(field + ".taxRate", "must be one of the French VAT rates 20, 10, 5.5, 2.1 or 0");
		}
		String unit = in.unit() == null || in.unit().isBlank() ? "piece" : in.unit().trim();
		if (!Catalog.UNITS.contains(unit)) {
			errors.add(field + ".unit", "must be one of " + String.join(", ", Catalog.UNITS));
		}
		if (in.description().length() > 500) {
			errors.add(field + ".description", "must not exceed 500 characters");
		}
		if (quantity == null || unitPrice == null || rate == null || unitPrice.signum() < 0) {
			return null;
		}
		return new QuoteLine(OFF_CATALOG_SKU, in.description().trim(), unit, quantity, unitPrice,
				discount == null ? BigDecimal.ZERO : discount, rate.setScale(2), PriceSource.OFF_CATALOG.name(), null);
	}

}
