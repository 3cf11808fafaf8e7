package io.encaisse.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.encaisse.invoicing.InvoiceNumbers;
import io.encaisse.invoicing.InvoiceStatus;
import io.encaisse.invoicing.Receivables.Payable;
import io.encaisse.payments.matching.Ledger;
import io.encaisse.payments.matching.Matcher;
import io.encaisse.payments.matching.NameIndex;
import io.encaisse.shared.CreditorReference;
import io.encaisse.shared.Money;

/**
 * The ledger matching reads, held in memory for the benchmark: the same questions the
 * database answers in the application ({@code DatabaseLedger}), the same number and RF
 * parsing, the same name index. Decisions are applied to it, so a paid invoice is no
 * longer open for the next payment.
 */
final class MemoryLedger implements Ledger {

	private final Map<String, Payable> byNumber = new HashMap<>();

	private final Map<String, List<Payable>> byCustomer = new HashMap<>();

	private final Map<BigDecimal, List<Payable>> byAmount = new HashMap<>();

	private final Map<String, String> accountOwner = new HashMap<>();

	private final Map<String, String> customerName = new HashMap<>();

	private final NameIndex names = new NameIndex();

	void customer(String id, String name, String iban) {
		this.customerName.put(id, name);
		this.names.add(id, name);
		if (iban != null) {
			this.accountOwner.put(iban, id);
		}
	}

	void invoice(Payable p) {
		this.byNumber.put(p.number(), p);
		this.byCustomer.computeIfAbsent(p.customerId(), c -> new ArrayList<>(4)).add(p);
		this.byAmount.computeIfAbsent(key(p.amountDue().amount()), a -> new ArrayList<>(1)).add(p);
	}

	int invoices() {
		return this.byNumber.size();
	}

	private static BigDecimal key(BigDecimal amount) {
		return amount.stripTrailingZeros();
	}

	private Payable current(Payable p) {
		return this.byNumber.get(p.number());
	}

	@Override
	public List<Payable> named(String remittance) {
		if (remittance == null || remittance.isBlank()) {
			return List.of();
		}
		java.util.LinkedHashMap<String, Payable> found = new java.util.LinkedHashMap<>();
		CreditorReference.findIn(remittance).ifPresent(rf -> {
			for (String number : InvoiceNumbers.candidatesIn(rf.value().substring(4))) {
				Payable p = this.byNumber.get(number);
				if (p != null) {
					found.put(p.invoiceId(), p);
				}
			}
		});
		for (String number : InvoiceNumbers.candidatesIn(remittance)) {
			Payable p = this.byNumber.get(number);
			if (p != null) {
				found.putIfAbsent(p.invoiceId(), p);
			}
		}
		return List.copyOf(found.values());
	}

	@Override
	public List<Payable> openOf(String customerId, String currency) {
		List<Payable> all = this.byCustomer.getOrDefault(customerId, List.of());
		List<Payable> open = new ArrayList<>(all.size());
		for (Payable p : all) {
			Payable now = current(p);
			if (now.status().isOpen() && now.amountDue().isPositive()) {
				open.add(now);
			}
		}
		open.sort(java.util.Comparator.comparing(Payable::dueDate).thenComparing(Payable::invoiceId));
		return open;
	}

	@Override
	public List<Payable> openWithAmountDue(BigDecimal amount, String currency) {
		List<Payable> found = new ArrayList<>();
		for (Payable p : this.byAmount.getOrDefault(key(amount), List.of())) {
			Payable now = current(p);
			if (now.status().isOpen() && now.amountDue().amount().compareTo(amount) == 0) {
				found.add(now);
			}
		}
		return found;
	}

	@Override
	public Optional<Payer> ownerOf(String iban) {
		String id = iban == null ? null : this.accountOwner.get(iban);
		return id == null ? Optional.empty() : Optional.of(new Payer(id, this.customerName.get(id), 1));
	}

	@Override
	public Optional<Payer> customer(String customerId) {
		return Optional.ofNullable(this.customerName.get(customerId)).map(n -> new Payer(customerId, n, 1));
	}

	@Override
	public List<Payer> named(String payerName, double minimumSimilarity) {
		return this.names.find(payerName, minimumSimilarity, 5);
	}

	/** What the application does with a decision, as far as the ledger sees it. */
	void apply(Matcher.Decision decision) {
		if (decision.outcome() != Matcher.Outcome.MATCHED) {
			return;
		}
		for (Matcher.Allocation a : decision.allocations()) {
			Payable p = current(a.invoice());
			BigDecimal due = p.amountDue().amount().subtract(a.amount()).subtract(a.writeOff());
			InvoiceStatus status = due.signum() <= 0 ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID;
			Payable after = new Payable(p.invoiceId(), p.number(), p.customerId(),
					Money.of(due.max(BigDecimal.ZERO), p.amountDue().currencyCode()), status, p.dueDate());
			this.byNumber.put(p.number(), after);
			if (due.signum() > 0) {
				this.byAmount.computeIfAbsent(key(due), k -> new ArrayList<>(1)).add(after);
			}
		}
	}

}
