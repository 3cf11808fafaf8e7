package io.encaisse.payments.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.encaisse.invoicing.InvoiceStatus;
import io.encaisse.invoicing.Receivables.Payable;
import io.encaisse.payments.domain.PaymentSuggestion;

/**
 * Decides where money received goes. Precision first: a wrong automatic match hides an
 * unpaid invoice and tells a paying customer they owe money, so a payment is applied only
 * on unambiguous evidence, which is
 * <ul>
 * <li>the remittance names the invoices (RF reference or number, however mangled) and the
 * amount fits them: exactly, or short by a difference within the write-off tolerance; or,
 * when the paying account or the payer's name shows it is the invoices' customer, less (a
 * partial payment of one invoice) or more (the rest kept as the customer's credit);
 * or</li>
 * <li>the paying account is known as the customer's and the amount is exactly the only
 * open invoice of that amount, or all their open invoices together.</li>
 * </ul>
 * Everything else becomes suggestions for a person, ranked, each with its confidence and
 * reason, or stays unmatched with the reason. Pure: it reads through a {@link Ledger} and
 * changes nothing.
 */
public final class Matcher {

	private static final int MAX_COMBINED = 3;

	private static final int MAX_SEARCHED = 200;

	private static final double NAME_SIMILARITY = 0.92;

	private Matcher() {
	}

	/** Money received as the bank or the API tells it. */
	public record Received(BigDecimal amount, String currency, String remittance, String payerIban, String payerName,
			String customerId) {
	}

	/**
	 * A difference left on invoices is written off when it is at most {@code maxAmount}
	 * and at most {@code maxPercent} of what was due.
	 */
	public record Tolerance(BigDecimal maxAmount, BigDecimal maxPercent) {

		public static final Tolerance NONE = new Tolerance(BigDecimal.ZERO, BigDecimal.ZERO);

		boolean covers(BigDecimal difference, BigDecimal due) {
			return difference.signum() > 0 && difference.compareTo(this.maxAmount) <= 0 && difference
				.compareTo(due.multiply(this.maxPercent).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP)) <= 0;
		}

	}

	public enum Outcome {

		MATCHED, SUGGESTED, UNMATCHED

	}

	/**
	 * Part of the payment applied to an invoice, and the difference written off on it.
	 */
	public record Allocation(Payable invoice, BigDecimal amount, BigDecimal writeOff) {
	}

	/**
	 * The decision: what to apply, or what to suggest, and why; {@code customerId} is the
	 * payer when known.
	 */
	public record Decision(Outcome outcome, String customerId, List<Allocation> allocations,
			List<PaymentSuggestion> suggestions, String reason) {

		static Decision unmatched(String customerId, String reason) {
			return new Decision(Outcome.UNMATCHED, customerId, List.of(), List.of(), reason);
		}

		static Decision suggested(String customerId, List<PaymentSuggestion> suggestions, String reason) {
			return suggestions.isEmpty() ? unmatched(customerId, reason)
					: new Decision(Outcome.SUGGESTED, customerId, List.of(), List.copyOf(suggestions), reason);
		}

		/** What the payment leaves unapplied once the allocations are made. */
		public BigDecimal applied() {
			return this.allocations.stream().map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

	}

	public static Decision decide(Received payment, Ledger ledger, Tolerance tolerance) {
		Optional<Ledger.Payer> payer = payment.customerId() != null
				? ledger.customer(payment.customerId())
					.or(() -> Optional.of(new Ledger.Payer(payment.customerId(), payment.customerId(), 1)))
				: ledger.ownerOf(payment.payerIban());
		List<Payable> named = ledger.named(payment.remittance());
		if (!named.isEmpty()) {
			Decision byReference = byReference(payment, named, payer, ledger, tolerance);
			if (byReference != null) {
				return byReference;
			}
			// the text names only invoices nothing can be paid on: say why, and still
			// look
			// at the amounts, which may only suggest
			Decision byAmount = byAmount(payment, ledger, payer, tolerance);
			String why = unusable(named.get(0), payment.currency());
			return byAmount.outcome() == Outcome.UNMATCHED ? Decision.unmatched(byAmount.customerId(), why)
					: Decision.suggested(
							byAmount.customerId(), byAmount.outcome() == Outcome.MATCHED
									? asSuggestions(byAmount, new BigDecimal("0.70")) : byAmount.suggestions(),
							why + "; " + byAmount.reason());
		}
		return byAmount(payment, ledger, payer, tolerance);
	}

	private static Decision byReference(Received payment, List<Payable> named, Optional<Ledger.Payer> payer,
			Ledger ledger, Tolerance tolerance) {
		List<Payable> open = named.stream()
			.filter(p -> p.status().isOpen() && p.amountDue().isPositive()
					&& p.amountDue().currencyCode().equals(payment.currency()))
			.toList();
		if (open.isEmpty()) {
			return null;
		}
		Set<String> owners = open.stream()
			.map(Payable::customerId)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		String numbers = open.stream().map(Payable::number).collect(Collectors.joining(", "));
		if (payment.customerId() != null && !owners.contains(payment.customerId())) {
			return Decision.unmatched(payment.customerId(),
					"the reference names invoice " + open.get(0).number() + " of another customer");
		}
		if (payment.customerId() != null && owners.size() > 1) {
			open = open.stream().filter(p -> p.customerId().equals(payment.customerId())).toList();
			owners = Set.of(payment.customerId());
		}
		if (owners.size() > 1) {
			int customers = owners.size();
			BigDecimal all = open.stream().map(p -> p.amountDue().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
			if (all.compareTo(payment.amount()) == 0 && payment.customerId() == null) {
				// a collection batch (our direct debits) lists each invoice it collected:
				// exactly their total, to the cent
				return matched(null, open, BigDecimal.ZERO, "the payment names " + open.size() + " invoices of "
						+ customers + " customers and is exactly their total (a collection)");
			}
			return Decision.suggested(null,
					open.stream()
						.map(p -> suggestion(p, p.amountDue().amount(), "0.60",
								"named in the payment, which names invoices of " + customers + " customers"))
						.toList(),
					"the payment names invoices of several customers: " + numbers);
		}
		String owner = owners.iterator().next();
		if (payer.isPresent() && !payer.get().customerId().equals(owner)) {
			return Decision.suggested(payer.get().customerId(), open.stream()
				.map(p -> suggestion(p, p.amountDue().amount(), "0.70",
						"named in the payment, but the paying account is known as " + payer.get().name() + "'s"))
				.toList(),
					"the payment names " + numbers + " of another customer than the account's owner, "
							+ payer.get().name());
		}
		BigDecimal due = open.stream().map(p -> p.amountDue().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal difference = due.subtract(payment.amount());
		String named1 = open.size() == 1 ? "reference names invoice " + numbers
				: "the payment names invoices " + numbers;
		if (difference.signum() == 0) {
			return matched(owner, open, BigDecimal.ZERO, named1);
		}
		// the difference is written off on the last invoice named: only if it holds it
		if (tolerance.covers(difference, due)
				&& difference.compareTo(open.get(open.size() - 1).amountDue().amount()) < 0) {
			return matched(owner, open, difference,
					named1 + "; the difference of " + plain(difference) + " is written off (within tolerance)");
		}
		// the amount does not fit: the payer must be the invoice's customer for the
		// reference alone to say where the money goes (a payer quoting someone else's
		// invoice would otherwise pay it)
		Optional<Ledger.Payer> customer = ledger.customer(owner);
		boolean confirmed = payer.isPresent()
				|| customer.isPresent() && Names.resembles(payment.payerName(), customer.get().name());
		if (!confirmed) {
			return Decision.suggested(null,
					open.stream()
						.map(p -> suggestion(p, p.amountDue().amount().min(payment.amount()), "0.75",
								"named in the payment, but the amount differs and nothing shows the payer is "
										+ customer.map(Ledger.Payer::name).orElse(owner)))
						.toList(),
					"the payment names " + numbers + " but pays " + (difference.signum() < 0 ? "more" : "less")
							+ " than due, from an account and a name we do not know as the customer's");
		}
		if (difference.signum() < 0) {
			return matched(owner, open, BigDecimal.ZERO,
					named1 + "; " + plain(difference.negate()) + " more than due is kept as the customer's credit");
		}
		if (open.size() == 1) {
			Payable only = open.get(0);
			return new Decision(Outcome.MATCHED, owner,
					List.of(new Allocation(only, payment.amount(), BigDecimal.ZERO)), List.of(),
					named1 + "; a partial payment");
		}
		return Decision.suggested(owner,
				open.stream()
					.map(p -> suggestion(p, p.amountDue().amount(), "0.70",
							"named in the payment, which pays less than the named invoices add up to"))
					.toList(),
				"the payment names " + numbers + " but pays less than they add up to: which ones does it settle?");
	}

	private static Decision matched(String owner, List<Payable> invoices, BigDecimal writeOff, String reason) {
		List<Allocation> allocations = new ArrayList<>();
		for (int i = 0; i < invoices.size(); i++) {
			Payable p = invoices.get(i);
			BigDecimal due = p.amountDue().amount();
			boolean last = i == invoices.size() - 1;
			allocations.add(last && writeOff.signum() > 0 ? new Allocation(p, due.subtract(writeOff), writeOff)
					: new Allocation(p, due, BigDecimal.ZERO));
		}
		return new Decision(Outcome.MATCHED, owner, allocations, List.of(), reason);
	}

	private static Decision byAmount(Received payment, Ledger ledger, Optional<Ledger.Payer> payer,
			Tolerance tolerance) {
		if (payer.isPresent()) {
			return ofKnownPayer(payment, ledger.openOf(payer.get().customerId(), payment.currency()), payer.get(),
					payment.customerId() != null ? "the payment is recorded for " + payer.get().name()
							: "the paying account is known as " + payer.get().name() + "'s",
					tolerance);
		}
		if (payment.payerName() != null && !payment.payerName().isBlank()) {
			List<Ledger.Payer> alike = ledger.named(payment.payerName(), NAME_SIMILARITY);
			if (alike.size() == 1
					|| (alike.size() > 1 && alike.get(0).similarity() == 1.0 && alike.get(1).similarity() < 1.0)) {
				Ledger.Payer byName = alike.get(0);
				Decision d = ofKnownPayer(payment, ledger.openOf(byName.customerId(), payment.currency()), byName,
						"the payer's name '" + payment.payerName() + "' resembles " + byName.name() + " ("
								+ Math.round(byName.similarity() * 100) + " %)",
						tolerance);
				// a name is not proof: nothing is applied on it alone
				return d.outcome() == Outcome.MATCHED
						? Decision.suggested(null, asSuggestions(d, BigDecimal.valueOf(byName.similarity() * 0.85)),
								d.reason())
						: new Decision(d.outcome(), null, d.allocations(), d.suggestions(), d.reason());
			}
		}
		List<Payable> sameAmount = ledger.openWithAmountDue(payment.amount(), payment.currency());
		if (sameAmount.size() == 1) {
			return Decision.suggested(null,
					List.of(suggestion(sameAmount.get(0), sameAmount.get(0).amountDue().amount(), "0.40",
							"the only open invoice with exactly this amount due; the payer is unknown")),
					"no reference and an unknown payer: one open invoice has exactly this amount");
		}
		return Decision.unmatched(null, "no invoice number or RF reference found in the payment reference");
	}

	private static Decision ofKnownPayer(Received payment, List<Payable> open, Ledger.Payer payer, String evidence,
			Tolerance tolerance) {
		BigDecimal amount = payment.amount();
		String who = payer.customerId();
		List<Payable> exact = open.stream().filter(p -> p.amountDue().amount().compareTo(amount) == 0).toList();
		if (exact.size() == 1) {
			return new Decision(Outcome.MATCHED, who, List.of(new Allocation(exact.get(0), amount, BigDecimal.ZERO)),
					List.of(), "no reference, but " + evidence + " and " + exact.get(0).number()
							+ " is the only invoice of theirs with exactly this amount due");
		}
		if (exact.size() > 1) {
			return Decision.suggested(who, exact.stream()
				.map(p -> suggestion(p, amount, "0.50",
						"one of " + exact.size() + " invoices of " + payer.name() + " with exactly that amount due"))
				.toList(), "no reference: " + exact.size() + " invoices of " + payer.name() + " have this amount due");
		}
		BigDecimal all = open.stream().map(p -> p.amountDue().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (open.size() >= 2 && all.compareTo(amount) == 0) {
			return matched(who, open, BigDecimal.ZERO, "no reference, but " + evidence
					+ " and the payment is exactly all " + open.size() + " of their open invoices together");
		}
		List<List<Payable>> sums = new ArrayList<>();
		combine(open, 0, amount, new ArrayList<>(), sums);
		if (sums.size() == 1) {
			List<Payable> set = sums.get(0);
			return Decision.suggested(who,
					set.stream()
						.map(p -> suggestion(p, p.amountDue().amount(), "0.80",
								"together with " + (set.size() - 1) + " other invoice(s) of " + payer.name()
										+ ", makes up exactly the amount paid"))
						.toList(),
					"no reference: " + set.size() + " invoices of " + payer.name() + " add up to the amount");
		}
		List<Payable> short1 = open.stream()
			.filter(p -> tolerance.covers(p.amountDue().amount().subtract(amount), p.amountDue().amount()))
			.toList();
		if (short1.size() == 1) {
			Payable p = short1.get(0);
			return Decision.suggested(who,
					List.of(suggestion(p, amount, "0.70",
							"the amount due less " + plain(p.amountDue().amount().subtract(amount))
									+ " (bank fees?) on an invoice of " + payer.name())),
					"no reference: one invoice of " + payer.name() + " is due for a little more than the payment");
		}
		return Decision.unmatched(who, "no invoice number or RF reference in the payment, and no open invoice of "
				+ payer.name() + " fits the amount");
	}

	private static List<PaymentSuggestion> asSuggestions(Decision d, BigDecimal confidence) {
		BigDecimal c = confidence.setScale(2, RoundingMode.DOWN);
		return d.allocations()
			.stream()
			.map(a -> new PaymentSuggestion(a.invoice().invoiceId(), a.invoice().number(), a.amount(), c, d.reason()))
			.toList();
	}

	private static void combine(List<Payable> open, int from, BigDecimal left, List<Payable> chosen,
			List<List<Payable>> found) {
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
		for (int i = from; i < open.size() && i < MAX_SEARCHED; i++) {
			chosen.add(open.get(i));
			combine(open, i + 1, left.subtract(open.get(i).amountDue().amount()), chosen, found);
			chosen.remove(chosen.size() - 1);
		}
	}

	private static String unusable(Payable p, String currency) {
		if (p.status() == InvoiceStatus.CANCELLED) {
			return "the reference names invoice " + p.number() + ", which is cancelled";
		}
		if (!p.amountDue().currencyCode().equals(currency)) {
			return "invoice " + p.number() + " is in " + p.amountDue().currencyCode();
		}
		return "invoice " + p.number() + " is already paid";
	}

	private static String plain(BigDecimal amount) {
		BigDecimal stripped = amount.stripTrailingZeros();
		return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
	}

	private static PaymentSuggestion suggestion(Payable p, BigDecimal amount, String confidence, String reason) {
		return new PaymentSuggestion(p.invoiceId(), p.number(), amount, new BigDecimal(confidence),
				reason.length() > 500 ? reason.substring(0, 500) : reason);
	}

}
