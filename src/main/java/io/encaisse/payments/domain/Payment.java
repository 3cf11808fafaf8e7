package io.encaisse.payments.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.encaisse.payments.PaymentStatus;
import io.encaisse.shared.Money;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** Money received and where it went. */
@Table("payment")
public class Payment {

	@Id
	private final String id;

	private String customerId;

	private final BigDecimal amount;

	private final String currency;

	private final LocalDate receivedOn;

	private final String reference;

	private PaymentStatus status;

	private BigDecimal unallocated;

	private String matchReason;

	private final String payerIban;

	private final String payerName;

	@MappedCollection(idColumn = "payment_id", keyColumn = "line_index")
	private List<PaymentSuggestion> suggestions;

	@MappedCollection(idColumn = "payment_id", keyColumn = "line_index")
	private List<PaymentAllocation> allocations;

	private BigDecimal amountReturned;

	/**
	 * Money paid beyond what the invoices asked, kept as the customer's credit for the
	 * next invoice: set by matching only (a person's partial allocation leaves the rest
	 * to place).
	 */
	private boolean onAccount;

	@Version
	private Long version;

	private final Instant createdAt;

	@PersistenceCreator
	Payment(String id, String customerId, BigDecimal amount, String currency, LocalDate receivedOn, String reference,
			PaymentStatus status, BigDecimal unallocated, String matchReason, String payerIban, String payerName,
			List<PaymentSuggestion> suggestions, List<PaymentAllocation> allocations, BigDecimal amountReturned,
			boolean onAccount, Long version, Instant createdAt) {
		this.onAccount = onAccount;
		this.amountReturned = amountReturned == null ? BigDecimal.ZERO : amountReturned;
		this.payerIban = payerIban;
		this.payerName = payerName;
		this.suggestions = new ArrayList<>(suggestions == null ? List.of() : suggestions);
		this.id = id;
		this.customerId = customerId;
		this.amount = amount;
		this.currency = currency;
		this.receivedOn = receivedOn;
		this.reference = reference;
		this.status = status;
		this.unallocated = unallocated;
		this.matchReason = matchReason;
		this.allocations = new ArrayList<>(allocations);
		this.version = version;
		this.createdAt = createdAt;
	}

	public static Payment received(String id, String customerId, Money amount, LocalDate receivedOn, String reference,
			String payerIban, String payerName, Instant now) {
		return new Payment(id, customerId, amount.amount(), amount.currencyCode(), receivedOn, reference,
				PaymentStatus.UNMATCHED, amount.amount(), null, payerIban, payerName, List.of(), List.of(),
				BigDecimal.ZERO, false, null, now);
	}

	/** Offers candidates to a person; nothing is applied. */
	public void suggest(List<PaymentSuggestion> candidates, String reason) {
		this.suggestions = new ArrayList<>(candidates);
		this.status = candidates.isEmpty() ? PaymentStatus.UNMATCHED : PaymentStatus.SUGGESTED;
		this.matchReason = shorten(reason);
	}

	public List<PaymentSuggestion> suggestions() {
		return List.copyOf(this.suggestions);
	}

	public String payerIban() {
		return this.payerIban;
	}

	public String payerName() {
		return this.payerName;
	}

	public void allocate(String invoiceId, String invoiceNumber, String invoiceCustomerId, Money applied,
			String reason) {
		if (applied.amount().compareTo(this.unallocated) > 0) {
			throw new IllegalStateException("payment " + this.id + " has only " + this.unallocated + " left to apply");
		}
		this.allocations.add(new PaymentAllocation(invoiceId, invoiceNumber, applied.amount()));
		this.suggestions.clear();
		this.unallocated = this.unallocated.subtract(applied.amount());
		this.customerId = invoiceCustomerId;
		this.status = this.unallocated.signum() == 0 ? PaymentStatus.MATCHED : PaymentStatus.PARTIALLY_MATCHED;
		this.matchReason = shorten(reason);
	}

	/** Undoes the allocation to an invoice: the money is unapplied again. */
	public Money unallocate(String invoiceId, String reason) {
		PaymentAllocation allocation = allocationTo(invoiceId);
		this.allocations.remove(allocation);
		this.unallocated = this.unallocated.add(allocation.amount());
		// money freed by an undo is for a person to place again, not credit
		this.onAccount = false;
		this.status = this.allocations.isEmpty() ? PaymentStatus.UNMATCHED : PaymentStatus.PARTIALLY_MATCHED;
		this.matchReason = shorten(reason);
		return Money.of(allocation.amount(), this.currency);
	}

	private PaymentAllocation allocationTo(String invoiceId) {
		return this.allocations.stream()
			.filter(a -> a.invoiceId().equals(invoiceId))
			.findFirst()
			.orElseThrow(() -> new io.encaisse.shared.Problem.StateConflict(
					"payment " + this.id + " is not applied to invoice " + invoiceId));
	}

	private static String shorten(String reason) {
		return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 499) + "…";
	}

	/** What is left is the customer's credit, for their next invoice. */
	public void keepOnAccount() {
		this.onAccount = this.unallocated.signum() > 0;
	}

	public boolean onAccount() {
		return this.onAccount;
	}

	/** The payer is known, though nothing is applied yet. */
	public void attribute(String customerId) {
		this.customerId = customerId;
	}

	/**
	 * The money applied to an invoice went back to the payer (a direct debit returned):
	 * the allocation is gone and so is the money; nothing is left to apply.
	 */
	public Money returnAllocation(String invoiceId, String reason) {
		PaymentAllocation allocation = allocationTo(invoiceId);
		this.allocations.remove(allocation);
		this.amountReturned = this.amountReturned.add(allocation.amount());
		this.status = this.unallocated.signum() == 0 ? PaymentStatus.MATCHED : PaymentStatus.PARTIALLY_MATCHED;
		this.matchReason = shorten(reason);
		return Money.of(allocation.amount(), this.currency);
	}

	public Money returned() {
		return Money.of(this.amountReturned, this.currency);
	}

	public void leaveUnmatched(String reason) {
		this.status = PaymentStatus.UNMATCHED;
		this.matchReason = shorten(reason);
	}

	public String id() {
		return this.id;
	}

	public String customerId() {
		return this.customerId;
	}

	public Money amount() {
		return Money.of(this.amount, this.currency);
	}

	public Money unallocated() {
		return Money.of(this.unallocated, this.currency);
	}

	public LocalDate receivedOn() {
		return this.receivedOn;
	}

	public String reference() {
		return this.reference;
	}

	public PaymentStatus status() {
		return this.status;
	}

	public String matchReason() {
		return this.matchReason;
	}

	public List<PaymentAllocation> allocations() {
		return List.copyOf(this.allocations);
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public String currency() {
		return this.currency;
	}

	public long version() {
		return this.version == null ? 0 : this.version;
	}

}
