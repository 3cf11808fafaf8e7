package io.encaisse.quotes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import io.encaisse.catalog.PriceSource;
import io.encaisse.catalog.DiscountPolicy;
import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.quotes.domain.Quote;
import io.encaisse.quotes.domain.QuoteLine;
import io.encaisse.quotes.domain.QuoteRepository;
import io.encaisse.shared.Amounts;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Counters;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Role;
import io.encaisse.shared.Roles;
import io.encaisse.shared.Today;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quotes facade: draft, send, accept; and the link to the order that acceptance
 * created.
 */
@Service
@Transactional(readOnly = true)
public class Quotes {

	public static final String DOCUMENT = "quote";

	private static final int DEFAULT_VALIDITY_DAYS = 30;

	private final QuoteRepository quotes;

	private final Customers customers;

	private final DiscountPolicy discountPolicy;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** The SKU of lines the catalog does not sell. */
	public static final String OFF_CATALOG_SKU = QuoteLines.OFF_CATALOG_SKU;

	private final Counters counters;

	private final AuditTrail audit;

	private final Today today;

	private final ApplicationEventPublisher events;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final QuoteRevisions revisions;

	private final io.encaisse.shared.AggregateBatch batch;

	private final QuoteViews quoteViews;

	private final QuoteLines quoteLines;

	Quotes(QuoteRepository quotes, Customers customers, DiscountPolicy discountPolicy, Counters counters,
			AuditTrail audit, Today today, ApplicationEventPublisher events,
			org.springframework.jdbc.core.simple.JdbcClient jdbc, QuoteRevisions revisions,
			io.encaisse.shared.AggregateBatch batch, QuoteViews quoteViews, QuoteLines quoteLines) {
		this.quoteLines = quoteLines;
		this.quoteViews = quoteViews;
		this.batch = batch;
		this.revisions = revisions;
		this.jdbc = jdbc;
		this.discountPolicy = discountPolicy;
		this.quotes = quotes;
		this.customers = customers;
		this.counters = counters;
		this.audit = audit;
		this.today = today;
		this.events = events;
	}

	/**
	 * Stores the expiry of every quote whose validity passed without an acceptance
	 * (drafts, quotes waiting for approval, sent quotes), each audited; answers how many.
	 * A job runs it every hour; the status was already read as expired before.
	 */
	@Transactional
	public int expireDue() {
		java.time.LocalDate date = this.today.date();
		List<String> due = this.jdbc.sql("""
				select id from quote where status in ('DRAFT', 'PENDING_APPROVAL', 'SENT') and valid_until < :today""")
			.param("today", date)
			.query(String.class)
			.list();
		int expired = 0;
		for (String id : due) {
			Quote quote = this.quotes.findById(id).orElseThrow();
			if (quote.expire(date)) {
				this.quotes.save(quote);
				this.audit.record(DOCUMENT, id, "expired", AuditTrail.changes("validUntil", quote.validUntil()));
				expired++;
			}
		}
		return expired;
	}

	public QuoteView get(String id) {
		return this.quoteViews.of(load(id));
	}

	public Cursor.Page<QuoteView> list(Cursor cursor) {
		// the page's quotes whole in one statement per table, whatever its size
		Cursor.Page<Quote> page = this.batch.page(Quote.class, cursor);
		return new Cursor.Page<>(this.quoteViews.of(page.data()), page.hasMore());
	}

	/**
	 * The quotes waiting for a discount approval, oldest first: the managers' worklist.
	 */
	public List<QuoteView> awaitingApproval() {
		// a worklist: its quotes' views in a few statements, whatever its length
		return this.quoteViews.of(this.quotes.findByStatusOrderByIdAsc(QuoteStatus.PENDING_APPROVAL))
			.stream()
			.filter(q -> q.status() == QuoteStatus.PENDING_APPROVAL)
			.toList();
	}

	public List<QuoteView> ofCustomer(String customerId) {
		return this.quoteViews.of(this.quotes.findByCustomerIdOrderByIdDesc(customerId));
	}

	@Transactional
	public QuoteView create(QuoteInput input) {
		Problem.Errors errors = new Problem.Errors();
		CustomerDetails customer = null;
		if (input.customerId() == null || input.customerId().isBlank()) {
			errors.add("customerId", "is required");
		}
		else {
			customer = this.customers.find(input.customerId()).orElse(null);
			if (customer == null) {
				errors.add("customerId", "customer '" + input.customerId() + "' does not exist");
			}
		}
		String currencyCode = input.currency() != null && !input.currency().isBlank() ? input.currency()
				: customer != null ? customer.currency() : "EUR";
		Currency currency = Amounts.currency(errors, "currency", currencyCode);
		LocalDate issueDate = this.today.date();
		LocalDate validUntil = input.validUntil() == null ? issueDate.plusDays(DEFAULT_VALIDITY_DAYS)
				: input.validUntil();
		if (validUntil.isBefore(issueDate)) {
			errors.add("validUntil", "must not be before today (" + issueDate + ")");
		}
		BigDecimal deposit = input.depositPercent() == null || input.depositPercent().isBlank() ? null
				: Amounts.positive(errors, "depositPercent", input.depositPercent(), 2);
		if (deposit != null && deposit.compareTo(HUNDRED) > 0) {
			errors.add("depositPercent", "must not exceed 100");
		}
		List<QuoteLine> lines = this.quoteLines.priced(errors, input, customer, currency, issueDate);
		errors.throwIfAny();
		String year = String.valueOf(issueDate.getYear());
		String number = "DV-" + year + "-" + String.format("%05d", this.counters.next("quote-" + year));
		BigDecimal maxDiscount = QuoteLines.maxDiscount(lines);
		boolean needsApproval = needsApproval(lines, maxDiscount);
		Quote quote = this.quotes
			.save(Quote.draft(Ids.next("quo"), number, customer.id(), currency.getCurrencyCode(), issueDate, validUntil,
					input.notes(), lines, maxDiscount, AuditTrail.currentActor(), needsApproval, this.today.instant()));
		if (deposit != null) {
			// kept beside the aggregate: the quote's own saves leave this column alone
			this.jdbc.sql("update quote set deposit_percent = :d where id = :id")
				.param("d", deposit)
				.param("id", quote.id())
				.update();
		}
		storeTerms(quote.id(), input);
		this.audit.record(DOCUMENT, quote.id(), "created",
				AuditTrail.changes("number", number, "customer", customer.name(), "lines", lines.size(), "total",
						quote.totals().total(), "maxDiscount", maxDiscount.stripTrailingZeros().toPlainString() + " %",
						"status", quote.statusOn(issueDate)));
		return this.quoteViews.of(quote);
	}

	private void storeTerms(String id, QuoteInput input) {
		this.jdbc.sql("update quote set payment_terms_days = :d, conditions = :c where id = :id")
			.param("d", input.paymentTermsDays())
			.param("c", input.conditions() == null || input.conditions().isBlank() ? null : input.conditions().strip())
			.param("id", id)
			.update();
	}

	private boolean needsApproval(List<QuoteLine> lines, BigDecimal maxDiscount) {
		boolean offCatalog = lines.stream().anyMatch(l -> PriceSource.OFF_CATALOG.name().equals(l.priceSource()));
		Set<Role> roles = Roles.current();
		return !roles.isEmpty() && (offCatalog || maxDiscount.compareTo(this.discountPolicy.limitOf(roles)) > 0);
	}

	/**
	 * Approves the discounts of a quote above its author's limit; the approver's limit
	 * must cover them.
	 */
	@Transactional
	public QuoteView approve(String id, Long expectedVersion, String reason) {
		Quote quote = load(id, expectedVersion);
		quote.approve(this.today.date(), this.today.instant(), AuditTrail.currentActor(),
				Roles.current().isEmpty() ? HUNDRED : this.discountPolicy.limitOf(Roles.current()), reason);
		this.quotes.save(quote);
		this.audit.record(DOCUMENT, id, "discount approved", AuditTrail.changes("maxDiscount",
				quote.maxDiscount().stripTrailingZeros().toPlainString() + " %", "reason", quote.approvalReason()));
		return this.quoteViews.of(quote);
	}

	@Transactional
	public QuoteView send(String id, Long expectedVersion) {
		Quote quote = load(id, expectedVersion);
		quote.send(this.today.date(), this.today.instant());
		this.quotes.save(quote);
		this.audit.record(DOCUMENT, id, "sent", AuditTrail.changes("status", "DRAFT → SENT"));
		this.events.publishEvent(new QuoteSent(id, quote.number(), quote.customerId()));
		return this.quoteViews.of(quote);
	}

	/**
	 * Records the customer's acceptance and publishes {@link QuoteAccepted}; the orders
	 * module creates the order once this transaction has committed, and reports it back
	 * through {@link #recordOrder}.
	 */
	@Transactional
	public void accept(String id, Long expectedVersion, String acceptedBy) {
		accept(id, expectedVersion, acceptedBy, Set.of());
	}

	/**
	 * Accepted with the optional lines the customer took (line numbers from 1): the order
	 * gets the firm lines and those, at the prices, discounts and terms accepted.
	 */
	@Transactional
	public void accept(String id, Long expectedVersion, String acceptedBy, Set<Integer> optionalTaken) {
		Quote quote = load(id, expectedVersion);
		quote.accept(this.today.date(), this.today.instant(), acceptedBy,
				optionalTaken == null ? Set.of() : optionalTaken);
		this.quotes.save(quote);
		this.audit.record(DOCUMENT, id, "accepted",
				AuditTrail.changes("status", "SENT → ACCEPTED", "acceptedBy", acceptedBy, "optionalLines",
						optionalTaken == null ? Set.of() : new java.util.TreeSet<>(optionalTaken), "total",
						quote.totals().total()));
		List<QuoteLine> lines = quote.lines();
		this.events.publishEvent(new QuoteAccepted(id, quote.number(), quote.customerId(), quote.currency(),
				depositPercent(id), this.today.date(),
				IntStream.range(0, lines.size()).filter(i -> lines.get(i).counted()).mapToObj(i -> {
					QuoteLine l = lines.get(i);
					return new QuoteAccepted.AcceptedLine(i + 1, l.sku(), l.description(), l.unit(), l.quantity(),
							l.unitPrice(), l.discountPercent(), l.taxRate(), l.priceSource(), l.billing(),
							l.billingPeriod());
				}).toList(), this.quoteViews.terms(id).paymentTermsDays()));
	}

	@Transactional
	public QuoteView decline(String id, Long expectedVersion) {
		Quote quote = load(id, expectedVersion);
		quote.decline(this.today.date());
		this.quotes.save(quote);
		this.audit.record(DOCUMENT, id, "declined", AuditTrail.changes("status", "SENT → DECLINED"));
		return this.quoteViews.of(quote);
	}

	/**
	 * Called by the orders module, in its transaction, once it created the order of an
	 * accepted quote.
	 */
	@Transactional
	public void recordOrder(String quoteId, String orderId) {
		Quote quote = load(quoteId);
		if (orderId.equals(quote.orderId())) {
			return;
		}
		quote.recordOrder(orderId);
		this.quotes.save(quote);
		this.audit.record(DOCUMENT, quoteId, "order created", AuditTrail.changes("orderId", orderId));
	}

	private Quote load(String id) {
		return this.quotes.findById(id).orElseThrow(() -> new Problem.NotFound("quote", id));
	}

	private Quote load(String id, Long expectedVersion) {
		Quote quote = load(id);
		if (expectedVersion != null && expectedVersion != quote.version()) {
			throw new Problem.StaleVersion("quote", id, quote.version());
		}
		return quote;
	}

	/**
	 * The next revision of a quote: the current one is kept whole as it was, the quote
	 * takes the new lines (priced like a new quote, approval included), validity, notes
	 * and deposit, and is a draft again. An accepted quote is final (409).
	 */
	@Transactional
	public QuoteView revise(String id, Long expectedVersion, QuoteInput input) {
		Quote quote = load(id, expectedVersion);
		if (input == null) {
			throw new Problem.Invalid("lines", "a revision needs its lines");
		}
		if (input.customerId() != null && !input.customerId().isBlank()
				&& !input.customerId().equals(quote.customerId())) {
			throw new Problem.Invalid("customerId", "a revision keeps the quote's customer");
		}
		Problem.Errors errors = new Problem.Errors();
		CustomerDetails customer = this.customers.get(quote.customerId());
		Currency currency = Currency.getInstance(quote.currency());
		LocalDate today = this.today.date();
		LocalDate validUntil = input.validUntil() == null
				? quote.validUntil().isBefore(today) ? today.plusDays(DEFAULT_VALIDITY_DAYS) : quote.validUntil()
				: input.validUntil();
		if (validUntil.isBefore(today)) {
			errors.add("validUntil", "must not be before today (" + today + ")");
		}
		BigDecimal deposit = input.depositPercent() == null || input.depositPercent().isBlank() ? null
				: Amounts.positive(errors, "depositPercent", input.depositPercent(), 2);
		if (deposit != null && deposit.compareTo(HUNDRED) > 0) {
			errors.add("depositPercent", "must not exceed 100");
		}
		List<QuoteLine> lines = this.quoteLines.priced(errors, input, customer, currency, today);
		errors.throwIfAny();
		if (quote.statusOn(today) == QuoteStatus.ACCEPTED) {
			throw new Problem.StateConflict(
					"quote " + quote.number() + " is accepted and its order exists; it can no longer be revised");
		}
		QuoteView before = this.quoteViews.of(quote);
		this.revisions.keep(id, before, this.today.instant(), AuditTrail.currentActor());
		BigDecimal maxDiscount = QuoteLines.maxDiscount(lines);
		quote.revise(lines, validUntil, input.notes() != null ? input.notes() : quote.notes(), maxDiscount,
				needsApproval(lines, maxDiscount));
		this.quotes.save(quote);
		if (deposit != null) {
			this.jdbc.sql("update quote set deposit_percent = :d where id = :id")
				.param("d", deposit)
				.param("id", id)
				.update();
		}
		QuoteViews.QuoteTerms kept = this.quoteViews.terms(id);
		boolean replace = Boolean.TRUE.equals(input.replaceTerms());
		// through the API, a revision that says nothing of the terms keeps them
		storeTerms(id,
				new QuoteInput(null, null, null, null, null, null,
						replace || input.paymentTermsDays() != null ? input.paymentTermsDays()
								: kept.paymentTermsDays(),
						replace || input.conditions() != null ? input.conditions() : kept.conditions()));
		this.audit.record(DOCUMENT, id, "revised",
				AuditTrail.changes("revision", before.revision() + " → " + quote.revision(), "total",
						before.totals().total() + " → " + quote.totals().total(), "status", quote.statusOn(today)));
		return this.quoteViews.of(quote);
	}

	/** A revision as it was (the current one included). */
	public QuoteRevisions.Revision revision(String id, int revision) {
		QuoteView current = get(id);
		return this.revisions.get(id, revision, current);
	}

	/** What changed between two revisions, line by line. */
	public QuoteRevisions.Diff diff(String id, int from, int to) {
		QuoteView current = get(id);
		return QuoteRevisions.diff(this.revisions.get(id, from, current), this.revisions.get(id, to, current));
	}

	/** The superseded revisions, oldest first. */
	public List<QuoteRevisions.Summary> revisions(String id) {
		get(id);
		return this.revisions.of(id);
	}

	/** The deposit the quote asks for, in percent of the order, if any. */
	private BigDecimal depositPercent(String quoteId) {
		return this.jdbc.sql("select deposit_percent from quote where id = :id")
			.param("id", quoteId)
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
	}

}
