package io.encaisse.invoicing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.encaisse.customers.PaymentTerms;
import io.encaisse.invoicing.InvoiceStatus;
import io.encaisse.shared.LineAmounts;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An invoice or a credit note. A draft has no number; {@link #issue} gives it one and
 * freezes it: from then on only payments and credit notes change what is due, never the
 * document.
 */
@Table("invoice")
public class Invoice {

	public enum Kind {

		INVOICE, CREDIT_NOTE

	}

	@Id
	private final String id;

	private final Kind kind;

	private String number;

	private InvoiceStatus status;

	private final String customerId;

	private final String customerName;

	private final String orderId;

	private final String sourceRef;

	private final String creditedInvoiceId;

	private final String reason;

	private LocalDate issueDate;

	private LocalDate dueDate;

	private final String currency;

	private BigDecimal totalNet;

	private BigDecimal totalTax;

	private BigDecimal total;

	private BigDecimal amountPaid;

	private BigDecimal amountCredited;

	private String paymentReference;

	private final int paymentTermsDays;

	private final boolean paymentTermsEndOfMonth;

	@MappedCollection(idColumn = "invoice_id", keyColumn = "line_index")
	private List<InvoiceLine> lines;

	@MappedCollection(idColumn = "invoice_id")
	private Set<InvoicePayment> payments;

	@MappedCollection(idColumn = "invoice_id", keyColumn = "adjustment_index")
	private List<InvoiceAdjustment> adjustments;

	/**
	 * The earliest and the latest date of what settled this invoice (payments,
	 * write-offs, credit notes), kept as they are applied and never narrowed (a reversed
	 * payment leaves them): bounds that let aging at a past date find the invoices open
	 * then without reading every settlement (ADR 0018).
	 */
	private LocalDate firstSettledOn;

	private LocalDate lastSettledOn;

	@Version
	private Long version;

	private final Instant createdAt;

	@PersistenceCreator
	Invoice(String id, Kind kind, String number, InvoiceStatus status, String customerId, String customerName,
			String orderId, String sourceRef, String creditedInvoiceId, String reason, LocalDate issueDate,
			LocalDate dueDate, String currency, BigDecimal totalNet, BigDecimal totalTax, BigDecimal total,
			BigDecimal amountPaid, BigDecimal amountCredited, String paymentReference, int paymentTermsDays,
			boolean paymentTermsEndOfMonth, List<InvoiceLine> lines, Set<InvoicePayment> payments,
			List<InvoiceAdjustment> adjustments, Long version, Instant createdAt) {
		this.paymentTermsEndOfMonth = paymentTermsEndOfMonth;
		this.id = id;
		this.kind = kind;
		this.number = number;
		this.status = status;
		this.customerId = customerId;
		this.customerName = customerName;
		this.orderId = orderId;
		this.sourceRef = sourceRef;
		this.creditedInvoiceId = creditedInvoiceId;
		this.reason = reason;
		this.issueDate = issueDate;
		this.dueDate = dueDate;
		this.currency = currency;
		this.totalNet = totalNet;
		this.totalTax = totalTax;
		this.total = total;
		this.amountPaid = amountPaid;
		this.amountCredited = amountCredited;
		this.paymentReference = paymentReference;
		this.paymentTermsDays = paymentTermsDays;
		this.lines = new ArrayList<>(lines);
		this.payments = new HashSet<>(payments == null ? Set.of() : payments);
		this.adjustments = new ArrayList<>(adjustments == null ? List.of() : adjustments);
		this.version = version;
		this.createdAt = createdAt;
	}

	/**
	 * A draft invoice with its lines; line nets and totals are computed here, the EN
	 * 16931 way.
	 */
	public static Invoice draft(String id, Kind kind, String customerId, String customerName, String orderId,
			String sourceRef, String creditedInvoiceId, String reason, String currency, int paymentTermsDays,
			boolean paymentTermsEndOfMonth, List<InvoiceLine> lines, Instant now) {
		return draft(id, kind, customerId, customerName, orderId, sourceRef, creditedInvoiceId, reason, currency,
				paymentTermsDays, paymentTermsEndOfMonth, lines, List.of(), now);
	}

	/** A draft with document-level allowances and charges. */
	public static Invoice draft(String id, Kind kind, String customerId, String customerName, String orderId,
			String sourceRef, String creditedInvoiceId, String reason, String currency, int paymentTermsDays,
			boolean paymentTermsEndOfMonth, List<InvoiceLine> lines, List<InvoiceAdjustment> adjustments, Instant now) {
		Invoice invoice = new Invoice(id, kind, null, InvoiceStatus.DRAFT, customerId, customerName, orderId, sourceRef,
				creditedInvoiceId, reason, null, null, currency, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
				BigDecimal.ZERO, BigDecimal.ZERO, null, paymentTermsDays, paymentTermsEndOfMonth, List.of(), Set.of(),
				List.of(), null, now);
		invoice.price(lines, adjustments);
		return invoice;
	}

	/** Lines with their nets, and the totals, the EN 16931 way. */
	private void price(List<InvoiceLine> lines, List<InvoiceAdjustment> adjustments) {
		Currency cur = Currency.getInstance(this.currency);
		this.lines = new ArrayList<>(
				lines.stream().map(l -> l.withNet(LineAmounts.lineNet(l.amounts(), cur).amount())).toList());
		this.adjustments = new ArrayList<>(adjustments);
		LineAmounts.Totals totals = totals();
		this.totalNet = totals.net().amount();
		this.totalTax = totals.tax().amount();
		this.total = totals.total().amount();
	}

	/**
	 * Changes a draft's lines and document-level allowances and charges; an issued
	 * invoice is immutable (a credit note corrects it).
	 */
	public void revise(List<InvoiceLine> lines, List<InvoiceAdjustment> adjustments) {
		if (this.status != InvoiceStatus.DRAFT) {
			throw new Problem.StateConflict(describe() + " is issued and cannot be changed; issue a credit note");
		}
		price(lines, adjustments);
	}

	/**
	 * An open invoice issued by another system (AR-only mode): its own number and dates,
	 * one line for its total (the other system holds the detail), owed like ours.
	 */
	public static Invoice imported(String id, String number, String customerId, String customerName, LocalDate issued,
			LocalDate due, Money amount, Instant now) {
		InvoiceLine line = new InvoiceLine("IMPORTED", "Invoice " + number + " (imported)", "piece", BigDecimal.ONE,
				amount.amount(), BigDecimal.ZERO, BigDecimal.ZERO.setScale(2), amount.amount(), null, "IMPORTED", null);
		return new Invoice(id, Kind.INVOICE, number, InvoiceStatus.ISSUED, customerId, customerName, null,
				"import:" + number, null, "imported from another system", issued, due, amount.currencyCode(),
				amount.amount(), BigDecimal.ZERO, amount.amount(), BigDecimal.ZERO, BigDecimal.ZERO, null,
				(int) java.time.temporal.ChronoUnit.DAYS.between(issued, due), false, List.of(line), Set.of(),
				List.of(), null, now);
	}

	/** Gives the draft its number, dates and payment reference. */
	public void issue(String number, LocalDate issueDate, String paymentReference) {
		if (this.status != InvoiceStatus.DRAFT) {
			throw new Problem.StateConflict(describe() + " is already issued");
		}
		this.number = number;
		this.issueDate = issueDate;
		this.dueDate = new PaymentTerms(this.paymentTermsDays, this.paymentTermsEndOfMonth).dueDate(issueDate);
		this.paymentReference = paymentReference;
		this.status = InvoiceStatus.ISSUED;
	}

	/**
	 * Applies a payment, at most what is due; answers what was applied. Applying the same
	 * payment twice applies nothing.
	 */
	public Money applyPayment(String paymentId, Money offered, LocalDate paidOn) {
		return settle(paymentId, offered, paidOn, InvoicePayment.PAYMENT);
	}

	/**
	 * Writes off a small difference left by a payment (bank fees, rounding) within the
	 * tolerance: the invoice is settled by it, recorded apart from the money received.
	 */
	public Money writeOff(String writeOffId, Money difference, LocalDate on) {
		return settle(writeOffId, difference, on, InvoicePayment.WRITE_OFF);
	}

	/** Widens the settlement dates to take in one more settlement dated {@code on}. */
	private void settledOn(LocalDate on) {
		if (this.firstSettledOn == null || on.isBefore(this.firstSettledOn)) {
			this.firstSettledOn = on;
		}
		if (this.lastSettledOn == null || on.isAfter(this.lastSettledOn)) {
			this.lastSettledOn = on;
		}
	}

	private Money settle(String paymentId, Money offered, LocalDate paidOn, String settlementKind) {
		if (this.kind != Kind.INVOICE) {
			throw new Problem.StateConflict(describe() + " is a credit note; it cannot be paid");
		}
		if (this.status == InvoiceStatus.CANCELLED) {
			throw new Problem.StateConflict(describe() + " is cancelled; it cannot be paid");
		}
		if (this.status == InvoiceStatus.DRAFT) {
			throw new Problem.StateConflict(describe() + " is a draft; it cannot be paid");
		}
		if (this.payments.stream().anyMatch(p -> p.paymentId().equals(paymentId))) {
			return Money.zero(this.currency);
		}
		Money applied = offered.min(amountDue());
		if (!applied.isPositive()) {
			return Money.zero(this.currency);
		}
		this.payments.add(new InvoicePayment(paymentId, applied.amount(), paidOn, settlementKind));
		this.amountPaid = this.amountPaid.add(applied.amount());
		settledOn(paidOn);
		settleStatus();
		return applied;
	}

	/** A credit note for this invoice was issued on that date. */
	public void applyCredit(Money credited, LocalDate on) {
		if (!this.status.isOpen() && this.status != InvoiceStatus.PAID) {
			throw new Problem.StateConflict(describe() + " is " + this.status + "; it cannot be credited");
		}
		this.amountCredited = this.amountCredited.add(credited.amount());
		settledOn(on);
		if (this.amountCredited.compareTo(this.total) >= 0) {
			this.status = InvoiceStatus.CANCELLED;
		}
		else {
			settleStatus();
		}
	}

	/** Takes back a payment applied by mistake: what it paid is due again. */
	public Money reversePayment(String paymentId) {
		InvoicePayment applied = this.payments.stream()
			.filter(p -> p.paymentId().equals(paymentId))
			.findFirst()
			.orElseThrow(() -> new Problem.StateConflict("payment " + paymentId + " is not applied to " + describe()));
		this.payments.remove(applied);
		this.amountPaid = this.amountPaid.subtract(applied.amount());
		if (this.status == InvoiceStatus.PAID || this.status == InvoiceStatus.PARTIALLY_PAID) {
			this.status = this.amountPaid.signum() > 0 ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.ISSUED;
		}
		return Money.of(applied.amount(), this.currency);
	}

	private void settleStatus() {
		this.status = SettlementRule.after(amountDue().amount(), this.amountPaid,
				this.amountCredited.compareTo(this.total) >= 0, this.status);
	}

	public Money amountDue() {
		if (this.kind == Kind.CREDIT_NOTE || this.status == InvoiceStatus.DRAFT
				|| this.status == InvoiceStatus.CANCELLED) {
			return Money.zero(this.currency);
		}
		return Money.of(this.total.subtract(this.amountPaid).subtract(this.amountCredited), this.currency);
	}

	/** What a credit note may still credit of this invoice. */
	public Money creditable() {
		return Money.of(this.total.subtract(this.amountCredited), this.currency);
	}

	public boolean isOverdueOn(LocalDate date) {
		return overdue(this.kind, this.status, this.dueDate, date);
	}

	/**
	 * The overdue rule, for an invoice loaded whole and for a list that reads only its
	 * columns: an open invoice (not a credit note) past its due date.
	 */
	public static boolean overdue(Kind kind, InvoiceStatus status, LocalDate dueDate, LocalDate on) {
		return kind == Kind.INVOICE && status.isOpen() && dueDate != null && on.isAfter(dueDate);
	}

	private String describe() {
		return (this.kind == Kind.CREDIT_NOTE ? "credit note " : "invoice ")
				+ (this.number == null ? this.id : this.number);
	}

	public String id() {
		return this.id;
	}

	public Kind kind() {
		return this.kind;
	}

	public String number() {
		return this.number;
	}

	public InvoiceStatus status() {
		return this.status;
	}

	public String customerId() {
		return this.customerId;
	}

	public String customerName() {
		return this.customerName;
	}

	public String orderId() {
		return this.orderId;
	}

	public String sourceRef() {
		return this.sourceRef;
	}

	public String creditedInvoiceId() {
		return this.creditedInvoiceId;
	}

	public String reason() {
		return this.reason;
	}

	public LocalDate issueDate() {
		return this.issueDate;
	}

	public LocalDate dueDate() {
		return this.dueDate;
	}

	public String currency() {
		return this.currency;
	}

	public Money totalNet() {
		return Money.of(this.totalNet, this.currency);
	}

	public Money totalTax() {
		return Money.of(this.totalTax, this.currency);
	}

	public Money total() {
		return Money.of(this.total, this.currency);
	}

	public Money amountPaid() {
		return Money.of(this.amountPaid, this.currency);
	}

	public Money amountCredited() {
		return Money.of(this.amountCredited, this.currency);
	}

	public String paymentReference() {
		return this.paymentReference;
	}

	public int paymentTermsDays() {
		return this.paymentTermsDays;
	}

	public List<InvoiceLine> lines() {
		return List.copyOf(this.lines);
	}

	public List<InvoicePayment> payments() {
		return this.payments.stream().sorted(java.util.Comparator.comparing(InvoicePayment::paidOn)).toList();
	}

	public List<InvoiceAdjustment> adjustments() {
		return List.copyOf(this.adjustments);
	}

	public LineAmounts.Totals totals() {
		return LineAmounts.totals(this.lines.stream().map(InvoiceLine::amounts).toList(),
				this.adjustments.stream().map(InvoiceAdjustment::amounts).toList(),
				Currency.getInstance(this.currency));
	}

	public boolean paymentTermsEndOfMonth() {
		return this.paymentTermsEndOfMonth;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public long version() {
		return this.version == null ? 0 : this.version;
	}

}
