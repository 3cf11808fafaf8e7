package io.encaisse.quotes.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import io.encaisse.quotes.QuoteStatus;
import io.encaisse.shared.LineAmounts;
import io.encaisse.shared.Problem;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A quote and its lines. A sent quote is frozen; it is accepted or declined only while
 * valid.
 */
@Table("quote")
public class Quote {

	@Id
	private final String id;

	private final String number;

	private final String customerId;

	private final String currency;

	private final LocalDate issueDate;

	private LocalDate validUntil;

	private QuoteStatus status;

	private Instant sentAt;

	private Instant acceptedAt;

	private String acceptedBy;

	private String orderId;

	private String notes;

	private BigDecimal maxDiscount;

	private int revision;

	private final String createdBy;

	private String approvedBy;

	private Instant approvedAt;

	private String approvalReason;

	@MappedCollection(idColumn = "quote_id", keyColumn = "line_index")
	private List<QuoteLine> lines;

	@Version
	private Long version;

	private final Instant createdAt;

	@PersistenceCreator
	Quote(String id, String number, String customerId, String currency, LocalDate issueDate, LocalDate validUntil,
			QuoteStatus status, Instant sentAt, Instant acceptedAt, String acceptedBy, String orderId, String notes,
			BigDecimal maxDiscount, String createdBy, String approvedBy, Instant approvedAt, String approvalReason,
			List<QuoteLine> lines, Long version, Instant createdAt, Integer revision) {
		this.revision = revision == null ? 1 : revision;
		this.maxDiscount = maxDiscount;
		this.createdBy = createdBy;
		this.approvedBy = approvedBy;
		this.approvedAt = approvedAt;
		this.approvalReason = approvalReason;
		this.id = id;
		this.number = number;
		this.customerId = customerId;
		this.currency = currency;
		this.issueDate = issueDate;
		this.validUntil = validUntil;
		this.status = status;
		this.sentAt = sentAt;
		this.acceptedAt = acceptedAt;
		this.acceptedBy = acceptedBy;
		this.orderId = orderId;
		this.notes = notes;
		this.lines = new ArrayList<>(lines);
		this.version = version;
		this.createdAt = createdAt;
	}

	/**
	 * A new quote; it waits in PENDING_APPROVAL when its author granted more than their
	 * role allows alone.
	 */
	public static Quote draft(String id, String number, String customerId, String currency, LocalDate issueDate,
			LocalDate validUntil, String notes, List<QuoteLine> lines, BigDecimal maxDiscount, String createdBy,
			boolean needsApproval, Instant now) {
		return new Quote(id, number, customerId, currency, issueDate, validUntil,
				needsApproval ? QuoteStatus.PENDING_APPROVAL : QuoteStatus.DRAFT, null, null, null, null, notes,
				maxDiscount, createdBy, null, null, null, lines, null, now, 1);
	}

	/**
	 * The next revision: new lines, validity and notes. Whatever was sent stays as it was
	 * (the service keeps it); the new revision is a draft again, waiting for approval if
	 * its discounts need one. An accepted quote is final.
	 */
	public void revise(List<QuoteLine> lines, LocalDate validUntil, String notes, BigDecimal maxDiscount,
			boolean needsApproval) {
		if (this.status == QuoteStatus.ACCEPTED) {
			throw new Problem.StateConflict(
					"quote " + this.number + " is accepted and its order exists; it can no longer be revised");
		}
		this.revision++;
		this.lines = new ArrayList<>(lines);
		this.validUntil = validUntil;
		this.notes = notes;
		this.maxDiscount = maxDiscount;
		this.status = needsApproval ? QuoteStatus.PENDING_APPROVAL : QuoteStatus.DRAFT;
		this.sentAt = null;
		this.approvedBy = null;
		this.approvedAt = null;
		this.approvalReason = null;
	}

	public int revision() {
		return this.revision;
	}

	/**
	 * Someone whose limit covers the discounts approves them, saying why; the quote can
	 * then be sent.
	 */
	public void approve(LocalDate today, Instant now, String by, BigDecimal approverLimit, String reason) {
		if (statusOn(today) != QuoteStatus.PENDING_APPROVAL) {
			throw new Problem.StateConflict("quote " + this.number + " is " + statusOn(today) + "; nothing to approve");
		}
		if (reason == null || reason.isBlank()) {
			throw new Problem.Invalid("reason", "say why the discount is granted");
		}
		if (this.maxDiscount != null && approverLimit.compareTo(this.maxDiscount) < 0) {
			throw new Problem.Forbidden("your limit (" + approverLimit.stripTrailingZeros().toPlainString()
					+ " %) does not cover the " + this.maxDiscount.stripTrailingZeros().toPlainString()
					+ " % discount of quote " + this.number);
		}
		this.status = QuoteStatus.DRAFT;
		this.approvedBy = by;
		this.approvedAt = now;
		this.approvalReason = reason.trim();
	}

	/**
	 * The status as of a date: a quote past its validity that nobody accepted is expired.
	 */
	public QuoteStatus statusOn(LocalDate today) {
		if ((this.status == QuoteStatus.DRAFT || this.status == QuoteStatus.PENDING_APPROVAL
				|| this.status == QuoteStatus.SENT) && today.isAfter(this.validUntil)) {
			return QuoteStatus.EXPIRED;
		}
		return this.status;
	}

	/**
	 * Records that the validity passed with nobody accepting: answers whether anything
	 * changed (the status was already read as expired; now it is stored).
	 */
	public boolean expire(LocalDate today) {
		if (this.status != QuoteStatus.EXPIRED && statusOn(today) == QuoteStatus.EXPIRED) {
			this.status = QuoteStatus.EXPIRED;
			return true;
		}
		return false;
	}

	public void send(LocalDate today, Instant now) {
		QuoteStatus current = statusOn(today);
		if (current == QuoteStatus.PENDING_APPROVAL) {
			throw new Problem.Invalid("approval", "quote " + this.number + " grants a discount of "
					+ this.maxDiscount.stripTrailingZeros().toPlainString()
					+ " % or lines outside the catalog, beyond what its author may do alone: it can be sent once approved");
		}
		if (current != QuoteStatus.DRAFT) {
			throw new Problem.StateConflict("quote " + this.number + " is " + current + "; only a draft can be sent");
		}
		if (this.lines.isEmpty()) {
			throw new Problem.Invalid("lines", "a quote needs at least one line to be sent");
		}
		this.status = QuoteStatus.SENT;
		this.sentAt = now;
	}

	public void accept(LocalDate today, Instant now, String by) {
		accept(today, now, by, java.util.Set.of());
	}

	/**
	 * Accepted with the optional lines the customer took (numbered from 1); a number that
	 * is not an optional line is refused.
	 */
	public void accept(LocalDate today, Instant now, String by, java.util.Set<Integer> optionalTaken) {
		for (Integer n : optionalTaken) {
			if (n == null || n < 1 || n > this.lines.size() || !this.lines.get(n - 1).optionalLine()) {
				throw new Problem.Invalid("optionalLines",
						"line " + n + " is not an optional line of quote " + this.number);
			}
		}
		QuoteStatus current = statusOn(today);
		switch (current) {
			case SENT -> {
				for (int i = 0; i < this.lines.size(); i++) {
					QuoteLine l = this.lines.get(i);
					if (l.optionalLine()) {
						this.lines.set(i, l.choose(optionalTaken.contains(i + 1)));
					}
				}
				this.status = QuoteStatus.ACCEPTED;
				this.acceptedAt = now;
				this.acceptedBy = by;
			}
			case EXPIRED -> throw new Problem.StateConflict(
					"quote " + this.number + " expired on " + this.validUntil + " and can no longer be accepted");
			case ACCEPTED -> throw new Problem.StateConflict("quote " + this.number + " is already accepted");
			case DRAFT -> throw new Problem.StateConflict(
					"quote " + this.number + " is a draft; send it to the customer before it can be accepted");
			default -> throw new Problem.StateConflict("quote " + this.number + " is " + current);
		}
	}

	public void decline(LocalDate today) {
		if (statusOn(today) != QuoteStatus.SENT) {
			throw new Problem.StateConflict(
					"quote " + this.number + " is " + statusOn(today) + "; only a sent quote can be declined");
		}
		this.status = QuoteStatus.DECLINED;
	}

	/** The orders module reports the order it created from this quote. */
	public void recordOrder(String orderId) {
		this.orderId = orderId;
	}

	/**
	 * What the order is: firm one-off lines, and the optional ones taken once accepted.
	 * Recurring lines are billed each period by a subscription: see
	 * {@link #recurringTotals()}.
	 */
	public LineAmounts.Totals totals() {
		return LineAmounts.totals(this.lines.stream()
			.filter(QuoteLine::counted)
			.filter(l -> !l.recurring())
			.map(QuoteLine::amounts)
			.toList(), Currency.getInstance(this.currency));
	}

	/** The recurring lines taken, each period's amount added together. */
	public LineAmounts.Totals recurringTotals() {
		return LineAmounts.totals(this.lines.stream()
			.filter(QuoteLine::counted)
			.filter(QuoteLine::recurring)
			.map(QuoteLine::amounts)
			.toList(), Currency.getInstance(this.currency));
	}

	/** The optional lines not (yet) taken: what the customer may add. */
	public LineAmounts.Totals optionalTotals() {
		return LineAmounts.totals(this.lines.stream().filter(l -> !l.counted()).map(QuoteLine::amounts).toList(),
				Currency.getInstance(this.currency));
	}

	public String id() {
		return this.id;
	}

	public String number() {
		return this.number;
	}

	public String customerId() {
		return this.customerId;
	}

	public String currency() {
		return this.currency;
	}

	public LocalDate issueDate() {
		return this.issueDate;
	}

	public LocalDate validUntil() {
		return this.validUntil;
	}

	public Instant sentAt() {
		return this.sentAt;
	}

	public Instant acceptedAt() {
		return this.acceptedAt;
	}

	public String acceptedBy() {
		return this.acceptedBy;
	}

	public String orderId() {
		return this.orderId;
	}

	public String notes() {
		return this.notes;
	}

	public BigDecimal maxDiscount() {
		return this.maxDiscount;
	}

	public String createdBy() {
		return this.createdBy;
	}

	public String approvedBy() {
		return this.approvedBy;
	}

	public Instant approvedAt() {
		return this.approvedAt;
	}

	public String approvalReason() {
		return this.approvalReason;
	}

	public List<QuoteLine> lines() {
		return List.copyOf(this.lines);
	}

	public long version() {
		return this.version == null ? 0 : this.version;
	}

}
