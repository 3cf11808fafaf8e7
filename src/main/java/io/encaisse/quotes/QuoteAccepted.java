package io.encaisse.quotes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer accepted a quote: the order must be created with exactly these lines, prices
 * and discounts.
 */
public record QuoteAccepted(String quoteId, String quoteNumber, String customerId, String currency,
		BigDecimal depositPercent, LocalDate acceptedOn, List<AcceptedLine> lines, Integer paymentTermsDays) {

	/**
	 * A line accepted: a firm line or an optional one the customer took. {@code billing}
	 * says how it is billed: ON_DELIVERY, ON_ORDER (at once), ON_MILESTONE (by the
	 * order's milestones) or RECURRING every {@code period} (a subscription's, not the
	 * order's).
	 */
	public record AcceptedLine(int lineNumber, String sku, String description, String unit, BigDecimal quantity,
			BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate, String priceSource, String billing,
			String period) {

		public AcceptedLine {
			// an event stored before billing terms existed
			billing = billing == null ? io.encaisse.shared.BillingTerm.DEFAULT.name() : billing;
		}

	}

	/** The lines of one order: everything but the recurring ones. */
	public List<AcceptedLine> oneOffLines() {
		return this.lines.stream().filter(l -> !io.encaisse.shared.BillingTerm.RECURRING.is(l.billing())).toList();
	}

	/** The lines a subscription bills every period. */
	public List<AcceptedLine> recurringLines() {
		return this.lines.stream().filter(l -> io.encaisse.shared.BillingTerm.RECURRING.is(l.billing())).toList();
	}

}
