package io.encaisse.payments.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.encaisse.invoicing.Invoicing;
import io.encaisse.payments.domain.PaymentSuggestion;

/**
 * Candidates for a payment whose reference names no invoice. Nothing here is applied: a
 * wrong automatic match hides an unpaid invoice, so amounts only ever suggest, with their
 * confidence and reason, for a person to confirm.
 */
public final class Candidates {

	private static final int MAX_COMBINED = 3;

	private Candidates() {
	}

	/**
	 * For a payer we recognised: one open invoice of exactly the amount, else two or
	 * three whose amounts due add up to it (only when exactly one such combination
	 * exists).
	 */
	public static List<PaymentSuggestion> ofKnownPayer(String payer, BigDecimal amount, List<Invoicing.Payable> open) {
		List<Invoicing.Payable> exact = open.stream()
			.filter(p -> p.amountDue().amount().compareTo(amount) == 0)
			.toList();
		if (exact.size() == 1) {
			return List.of(suggestion(exact.get(0), new BigDecimal("0.90"),
					"the exact amount due on the only invoice of " + payer + " with that amount"));
		}
		if (exact.size() > 1) {
			return exact.stream()
				.map(p -> suggestion(p, new BigDecimal("0.50"),
						"one of " + exact.size() + " invoices of " + payer + " with exactly that amount due"))
				.toList();
		}
		List<List<Invoicing.Payable>> sums = new ArrayList<>();
		combine(open, 0, amount, new ArrayList<>(), sums);
		if (sums.size() == 1) {
			return sums.get(0)
				.stream()
				.map(p -> suggestion(p, new BigDecimal("0.80"),
						"together with " + (sums.get(0).size() - 1) + " other invoice(s) of " + payer
								+ ", makes up exactly the amount paid"))
				.toList();
		}
		return List.of();
	}

	/**
	 * For an unknown payer: the only open invoice anywhere with exactly that amount due,
	 * if there is one.
	 */
	public static List<PaymentSuggestion> ofUnknownPayer(BigDecimal amount, List<Invoicing.Payable> sameAmount) {
		if (sameAmount.size() != 1) {
			return List.of();
		}
		return List.of(suggestion(sameAmount.get(0), new BigDecimal("0.40"),
				"the only open invoice with exactly this amount due; the payer is unknown"));
	}

	private static void combine(List<Invoicing.Payable> open, int from, BigDecimal left, List<Invoicing.Payable> chosen,
			List<List<Invoicing.Payable>> found) {
		if (found.size() > 1) {
			return;
		}
		if (left.signum() == 0 && chosen.size() >= 2) {
			found.add(List.copyOf(chosen));
			return;
		}
		if (chosen.size() == MAX_COMBINED || left.signum() <= 0) {
			return;
		}
		for (int i = from; i < open.size() && i < 200; i++) {
			chosen.add(open.get(i));
			combine(open, i + 1, left.subtract(open.get(i).amountDue().amount()), chosen, found);
			chosen.remove(chosen.size() - 1);
		}
	}

	private static PaymentSuggestion suggestion(Invoicing.Payable p, BigDecimal confidence, String reason) {
		return new PaymentSuggestion(p.invoiceId(), p.number(), p.amountDue().amount(), confidence, reason);
	}

}
