package io.encaisse.orders.intake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.encaisse.shared.Money;

/**
 * The credit controls of order intake, one rule each, for every channel (the API, files,
 * EDI, and quotes accepted online): an order that breaks one waits ON_HOLD with the
 * reason. Pure: the caller brings the customer's terms and exposure.
 * <ul>
 * <li>{@code WithinCreditLimit}: what the customer owes (open invoices), what it has
 * ordered and not yet been invoiced for (open orders), and this order, all in the order's
 * currency, stay within its credit limit;</li>
 * <li>{@code NotOnCreditHold}: a customer put on credit hold (by hand, or by a dunning
 * level's escalation) orders nothing more until released; nor does a HIGH-risk customer
 * with anything overdue until it pays or someone releases the order.</li>
 * </ul>
 */
public final class CreditControls {

	private CreditControls() {
	}

	/** What the customer already owes and has on order, in one currency. */
	public record Exposure(BigDecimal receivable, BigDecimal overdue, BigDecimal onOrder) {

		public static final Exposure NONE = new Exposure(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

		public Exposure plus(Exposure other) {
			return new Exposure(this.receivable.add(other.receivable), this.overdue.add(other.overdue),
					this.onOrder.add(other.onOrder));
		}

	}

	/**
	 * The customer's credit terms: limit (none: no limit), risk class, and why it is on
	 * credit hold (null: it is not).
	 */
	public record Terms(BigDecimal creditLimit, String riskClass, String creditHold) {
	}

	/** Why an order of this total must wait; empty when it may go on. */
	public static List<String> reasons(Terms terms, Exposure exposure, Money order) {
		List<String> reasons = new ArrayList<>(2);
		BigDecimal total = exposure.receivable().add(exposure.onOrder()).add(order.amount());
		if (terms.creditLimit() != null && total.compareTo(terms.creditLimit()) > 0) {
			reasons.add("credit limit: " + plain(total) + " " + order.currencyCode() + " with this order ("
					+ plain(exposure.receivable()) + " open invoices, " + plain(exposure.onOrder())
					+ " ordered not yet invoiced), the limit is " + plain(terms.creditLimit()));
		}
		if (terms.creditHold() != null) {
			reasons.add("credit hold: " + terms.creditHold());
		}
		else if (io.encaisse.shared.RiskClass.HIGH.is(terms.riskClass()) && exposure.overdue().signum() > 0) {
			reasons.add("credit hold: a high-risk customer with " + plain(exposure.overdue()) + " "
					+ order.currencyCode() + " overdue");
		}
		return reasons;
	}

	private static String plain(BigDecimal amount) {
		return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}

}
