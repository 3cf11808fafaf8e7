package io.encaisse.payments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.encaisse.customers.Customers;
import io.encaisse.invoicing.InvoiceNumbers;
import io.encaisse.invoicing.InvoiceStatus;
import io.encaisse.invoicing.Receivables;
import io.encaisse.invoicing.Receivables.Payable;
import io.encaisse.payments.matching.Ledger;
import io.encaisse.payments.matching.NameIndex;
import io.encaisse.shared.CreditorReference;
import io.encaisse.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger one statement's import reads: everything its entries may ask for is read up
 * front in a few queries (the invoices their texts name, the owners of their accounts,
 * the customers' names, the invoices of the amounts of entries with nothing else to go
 * on); a customer's open invoices are read the first time they are needed. Decisions are
 * applied to it as they are made, so an invoice paid by one entry is no longer open for
 * the next; the versions read are what the writes check.
 */
final class StatementLedger implements Ledger {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StatementLedger.class);

	/** What an entry brings to matching. */
	record Incoming(String remittance, String iban, String currency, BigDecimal amount) {
	}

	private final Receivables receivables;

	private final Map<String, Payable> byId = new HashMap<>();

	private final Map<String, Long> versions = new HashMap<>();

	private final Map<String, Payable> original = new HashMap<>();

	private final Map<String, String> byNumber = new HashMap<>();

	private final Map<String, String> byReference = new HashMap<>();

	private final Map<String, List<String>> openOfCustomer = new HashMap<>();

	private final Map<String, List<String>> byAmountDue = new HashMap<>();

	private final Map<String, String> ownerOfAccount = new HashMap<>();

	private final Customers customers;

	/**
	 * Customers' names, read when first needed (a statement of clean references needs
	 * none).
	 */
	private Map<String, String> names;

	private final NameIndex nameIndex = new NameIndex();

	/** The customers found by the payers' names searched so far. */
	private final Map<String, List<Payer>> byPayerName = new HashMap<>();

	private Map<String, String> names() {
		if (this.names == null) {
			this.names = new HashMap<>();
			this.customers.names().forEach(n -> {
				this.names.put(n.id(), n.name());
				this.nameIndex.add(n.id(), n.name());
			});
		}
		return this.names;
	}

	StatementLedger(Receivables receivables, Customers customers, JdbcClient jdbc, List<Incoming> entries) {
		this.receivables = receivables;
		this.customers = customers;
		Set<String> numbers = new LinkedHashSet<>();
		Set<String> references = new LinkedHashSet<>();
		Set<String> ibans = new LinkedHashSet<>();
		for (Incoming e : entries) {
			numbers.addAll(InvoiceNumbers.candidatesIn(e.remittance()));
			CreditorReference.findIn(e.remittance()).ifPresent(rf -> references.add(rf.value()));
			if (e.iban() != null) {
				ibans.add(e.iban());
			}
		}
		long t0 = System.nanoTime();
		receivables.payables(numbers, references).forEach(this::keep);
		long t1 = System.nanoTime();
		List<String> all = new ArrayList<>(ibans);
		for (int from = 0; from < all.size(); from += 1000) {
			jdbc.sql("select iban, customer_id from payer_account where iban in (:ibans)")
				.param("ibans", all.subList(from, Math.min(all.size(), from + 1000)))
				.query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
				.list()
				.forEach(e -> this.ownerOfAccount.put(e.getKey(), e.getValue()));
		}
		customers.byIbans(ibans).forEach((iban, c) -> this.ownerOfAccount.putIfAbsent(iban, c.id()));
		long t2 = System.nanoTime();
		// entries with neither an invoice named nor a known account: only their amount
		// can suggest an invoice, read for all of them at once
		Map<String, Set<BigDecimal>> amounts = new HashMap<>();
		// and entries from a known account naming no open invoice: that customer's open
		// invoices, read for all of them at once
		Map<String, Set<String>> payers = new HashMap<>();
		for (Incoming e : entries) {
			boolean namesOpen = named(e.remittance()).stream().anyMatch(p -> p.status().isOpen());
			String owner = e.iban() == null ? null : this.ownerOfAccount.get(e.iban());
			if (owner == null && !namesOpen) {
				amounts.computeIfAbsent(e.currency(), c -> new LinkedHashSet<>()).add(e.amount());
			}
			else if (owner != null && !namesOpen) {
				payers.computeIfAbsent(e.currency(), c -> new LinkedHashSet<>()).add(owner);
			}
		}
		long t3 = System.nanoTime();
		payers.forEach((currency, owners) -> {
			Map<String, List<String>> open = new HashMap<>();
			owners.forEach(o -> open.put(o, new ArrayList<>()));
			for (Receivables.Versioned v : receivables.openPayables(owners, currency)) {
				keep(v);
				open.get(v.payable().customerId()).add(v.payable().invoiceId());
			}
			open.forEach((owner, ids) -> this.openOfCustomer.put(owner + ":" + currency, List.copyOf(ids)));
		});
		long t4 = System.nanoTime();
		amounts.forEach((currency, due) -> {
			for (Receivables.Versioned v : receivables.openPayablesDue(due, currency)) {
				keep(v);
				this.byAmountDue.computeIfAbsent(key(v.payable().amountDue()), k -> new ArrayList<>())
					.add(v.payable().invoiceId());
			}
		});
		if (log.isDebugEnabled()) {
			log.debug(
					"ledger: {} invoices named in {} ms, {} accounts' owners in {} ms, sorted in {} ms,"
							+ " {} payers' open invoices in {} ms, open invoices of {} amounts in {} ms",
					this.byId.size(), (t1 - t0) / 1_000_000, ibans.size(), (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
					payers.values().stream().mapToInt(Set::size).sum(), (t4 - t3) / 1_000_000,
					amounts.values().stream().mapToInt(Set::size).sum(), (System.nanoTime() - t4) / 1_000_000);
		}
	}

	private void keep(Receivables.Versioned v) {
		Payable p = v.payable();
		if (this.byId.putIfAbsent(p.invoiceId(), p) == null) {
			this.versions.put(p.invoiceId(), v.version());
			this.original.put(p.invoiceId(), p);
		}
		this.byNumber.put(p.number(), p.invoiceId());
		if (v.paymentReference() != null) {
			this.byReference.put(v.paymentReference(), p.invoiceId());
		}
	}

	/** An invoice as it was read, before this import applied anything. */
	Payable original(String invoiceId) {
		return this.original.get(invoiceId);
	}

	private static String key(Money amount) {
		return amount.currencyCode() + ":" + amount.amount().stripTrailingZeros().toPlainString();
	}

	Map<String, Long> versions() {
		return this.versions;
	}

	@Override
	public List<Payable> named(String remittance) {
		if (remittance == null || remittance.isBlank()) {
			return List.of();
		}
		Map<String, Payable> found = new LinkedHashMap<>();
		CreditorReference.findIn(remittance).map(rf -> this.byReference.get(rf.value())).ifPresent(id -> {
			found.put(id, this.byId.get(id));
		});
		for (String number : InvoiceNumbers.candidatesIn(remittance)) {
			String id = this.byNumber.get(number);
			if (id != null) {
				found.putIfAbsent(id, this.byId.get(id));
			}
		}
		return List.copyOf(found.values());
	}

	@Override
	public List<Payable> openOf(String customerId, String currency) {
		List<String> ids = this.openOfCustomer.computeIfAbsent(customerId + ":" + currency,
				k -> this.receivables.openPayables(customerId, currency).stream().map(v -> {
					keep(v);
					return v.payable().invoiceId();
				}).toList());
		List<Payable> open = new ArrayList<>(ids.size());
		for (String id : ids) {
			Payable p = this.byId.get(id);
			if (p.status().isOpen() && p.amountDue().isPositive()) {
				open.add(p);
			}
		}
		return open;
	}

	@Override
	public List<Payable> openWithAmountDue(BigDecimal amount, String currency) {
		List<Payable> found = new ArrayList<>();
		for (String id : this.byAmountDue.getOrDefault(key(Money.of(amount, currency)), List.of())) {
			Payable p = this.byId.get(id);
			if (p.status().isOpen() && p.amountDue().amount().compareTo(amount) == 0) {
				found.add(p);
			}
		}
		return found;
	}

	@Override
	public Optional<Payer> ownerOf(String iban) {
		String id = iban == null ? null : this.ownerOfAccount.get(iban);
		return id == null ? Optional.empty() : customer(id);
	}

	@Override
	public Optional<Payer> customer(String customerId) {
		return Optional.ofNullable(names().get(customerId)).map(n -> new Payer(customerId, n, 1));
	}

	@Override
	public List<Payer> named(String payerName, double minimumSimilarity) {
		names();
		// a payer pays many invoices: each name is searched once per statement
		return this.byPayerName.computeIfAbsent(minimumSimilarity + " " + payerName,
				k -> this.nameIndex.find(payerName, minimumSimilarity, 5));
	}

	/** An invoice as it now stands, after what this import applied. */
	Payable current(String invoiceId) {
		return this.byId.get(invoiceId);
	}

	/** Money applied (and a difference written off) on an invoice by this import. */
	void settled(String invoiceId, BigDecimal amount) {
		Payable p = this.byId.get(invoiceId);
		BigDecimal due = p.amountDue().amount().subtract(amount);
		this.byId.put(invoiceId,
				new Payable(p.invoiceId(), p.number(), p.customerId(), Money.of(due, p.amountDue().currencyCode()),
						due.signum() <= 0 ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID, p.dueDate()));
	}

}
