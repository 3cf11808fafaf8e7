package io.encaisse.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.invoicing.domain.Invoice;
import io.encaisse.invoicing.domain.InvoiceLine;
import io.encaisse.invoicing.domain.InvoiceRepository;
import io.encaisse.customers.PaymentTerms;
import io.encaisse.invoicing.documents.InvoiceDocuments;
import io.encaisse.invoicing.numbering.InvoiceNumbering;
import io.encaisse.orders.DeliveryRecorded;
import io.encaisse.orders.Orders;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.CreditorReference;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;
import io.encaisse.shared.VatTreatment;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The invoicing facade: issue, read, credit, and take payments against invoices. */
@Service
@Transactional(readOnly = true)
public class Invoicing {

	public static final String DOCUMENT = "invoice";

	private final InvoiceRepository invoices;

	private final InvoiceNumbering numbering;

	private final Customers customers;

	private final Orders orders;

	private final AuditTrail audit;

	private final Today today;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final InvoiceDocuments documents;

	private final org.springframework.jdbc.core.JdbcTemplate batch;

	private final io.encaisse.shared.Bulk bulk;

	private final io.encaisse.catalog.Catalog catalog;

	private final io.encaisse.catalog.Pricing pricing;

	private final io.encaisse.orders.OrderMilestones milestones;

	private final io.encaisse.shared.AggregateBatch aggregates;

	Invoicing(InvoiceRepository invoices, InvoiceNumbering numbering, Customers customers, Orders orders,
			AuditTrail audit, Today today, ApplicationEventPublisher events, JdbcClient jdbc,
			InvoiceDocuments documents, org.springframework.jdbc.core.JdbcTemplate batch, io.encaisse.shared.Bulk bulk,
			io.encaisse.catalog.Catalog catalog, io.encaisse.catalog.Pricing pricing,
			io.encaisse.orders.OrderMilestones milestones, io.encaisse.shared.AggregateBatch aggregates) {
		this.aggregates = aggregates;
		this.milestones = milestones;
		this.pricing = pricing;
		this.catalog = catalog;
		this.batch = batch;
		this.bulk = bulk;
		this.invoices = invoices;
		this.numbering = numbering;
		this.customers = customers;
		this.orders = orders;
		this.audit = audit;
		this.today = today;
		this.events = events;
		this.jdbc = jdbc;
		this.documents = documents;
	}

	public InvoiceView get(String id) {
		return view(load(id));
	}

	public Optional<InvoiceView> findById(String id) {
		return this.invoices.findById(id).map(this::view);
	}

	public Optional<InvoiceView> findByNumber(String number) {
		return this.invoices.findByNumber(number).map(this::view);
	}

	/**
	 * What a list of invoices shows: any of customer, status, order, kind, only the
	 * overdue ones, issued within a period.
	 */
	public record Filter(String customerId, InvoiceStatus status, String orderId, String kind, boolean overdue,
			LocalDate issuedFrom, LocalDate issuedTo) {

		public Filter(String customerId, InvoiceStatus status, String orderId, String kind) {
			this(customerId, status, orderId, kind, false, null, null);
		}

	}

	public Cursor.Page<InvoiceView> list(Filter filter, Cursor cursor) {
		StringBuilder sql = new StringBuilder("select id from invoice where 1 = 1");
		var params = new java.util.HashMap<String, Object>();
		if (filter.customerId() != null) {
			sql.append(" and customer_id = :customerId");
			params.put("customerId", filter.customerId());
		}
		if (filter.status() != null) {
			sql.append(" and status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.orderId() != null) {
			sql.append(" and order_id = :orderId");
			params.put("orderId", filter.orderId());
		}
		if (filter.kind() != null) {
			sql.append(" and kind = :kind");
			params.put("kind", filter.kind());
		}
		if (filter.overdue()) {
			sql.append(" and kind = 'INVOICE' and status in ('ISSUED', 'PARTIALLY_PAID') and due_date < :today");
			params.put("today", this.today.date());
		}
		if (filter.issuedFrom() != null && filter.issuedTo() != null
				&& filter.issuedFrom().isAfter(filter.issuedTo())) {
			throw new Problem.Invalid("issuedFrom", "must not be after issuedTo");
		}
		if (filter.issuedFrom() != null) {
			sql.append(" and issue_date >= :from");
			params.put("from", filter.issuedFrom());
		}
		if (filter.issuedTo() != null) {
			sql.append(" and issue_date <= :to");
			params.put("to", filter.issuedTo());
		}
		if (cursor.startingAfter() != null) {
			sql.append(" and id < :after");
			params.put("after", cursor.startingAfter());
		}
		sql.append(" order by id desc limit ").append(cursor.fetchSize());
		List<String> ids = this.jdbc.sql(sql.toString()).params(params).query(String.class).list();
		// the page's invoices whole in four statements, whatever its size
		return cursor.page(this.aggregates.load(Invoice.class, ids)).map(this::view);
	}

	/** The credit notes issued against an invoice. */
	public List<InvoiceView> creditNotesOf(String invoiceId) {
		return this.invoices.findByCreditedInvoiceIdOrderByIdAsc(invoiceId).stream().map(this::view).toList();
	}

	/**
	 * The payment terms of an order's invoices: those of the quote the customer accepted
	 * (days, no end of month), else the customer's own.
	 */
	PaymentTerms terms(String orderId, CustomerDetails customer) {
		return (orderId == null ? Optional.<Integer>empty() : this.orders.paymentTermsDays(orderId))
			.map(days -> new PaymentTerms(days, false))
			.orElse(new PaymentTerms(customer.paymentTermsDays(), customer.paymentTermsEndOfMonth()));
	}

	/**
	 * Bills a delivery: one invoice per delivery, issued at once, dated the delivery day
	 * (or the series' last date if that is later). Running twice for the same delivery
	 * bills once.
	 */
	@Transactional
	public String invoiceDelivery(DeliveryRecorded delivery) {
		if (this.milestones.billedByMilestones(delivery.orderId()) && this.orders.get(delivery.orderId())
			.lines()
			.stream()
			.noneMatch(l -> "ON_MILESTONE".equals(l.billing()))) {
			// a plan laid on the whole order: billed by its milestones, not by what is
			// delivered (with lines marked ON_MILESTONE, only those are left to the plan)
			this.orders.deliveryBilledElsewhere(delivery.orderId());
			return null;
		}
		String source = "delivery:" + delivery.deliveryId();
		Optional<Invoice> existing = this.invoices.findBySourceRef(source);
		if (existing.isPresent()) {
			return existing.get().id();
		}
		CustomerDetails customer = this.customers.get(delivery.customerId());
		// a line billed by milestones is not billed by its delivery
		List<io.encaisse.orders.DeliveryRecorded.DeliveredLine> billed = delivery.lines()
			.stream()
			.filter(l -> !"ON_MILESTONE".equals(l.billing()))
			.toList();
		if (billed.isEmpty()) {
			this.orders.deliveryBilledElsewhere(delivery.orderId());
			return null;
		}
		List<InvoiceLine> lines = billed.stream()
			.map(l -> new InvoiceLine(l.sku(), l.description(), l.unit(), l.quantity(), l.unitPrice(),
					l.discountPercent(), l.taxRate(), null, l.orderLineNumber(), l.priceSource(), null)
				.treated(treatment(customer, l.unit(), l.sku(), l.taxRate()))
				.withBookPrice(this.pricing
					.resolve(l.sku(), customer.id(), l.quantity(), delivery.currency(), delivery.deliveredOn())
					.map(p -> p.unitPrice().amount())
					.orElse(null)))
			.toList();
		PaymentTerms terms = terms(delivery.orderId(), customer);
		Invoice invoice = Invoice.draft(Ids.next("inv"), Invoice.Kind.INVOICE, customer.id(), customer.name(),
				delivery.orderId(), source, null, null, delivery.currency(), terms.days(), terms.endOfMonth(), lines,
				this.today.instant());
		issueOrKeepDraft(invoice, customer, delivery.deliveredOn());
		int invoicesOfOrder = (int) this.invoices.countByOrderIdAndKind(delivery.orderId(), Invoice.Kind.INVOICE);
		this.orders.recordInvoiced(delivery.orderId(), invoice.id(), invoicesOfOrder);
		return invoice.id();
	}

	/**
	 * Bills a milestone made ready: its share of the order, one line per VAT rate (the
	 * order's net at that rate times the share, the rounding left on the last rate so the
	 * lines add up to the milestone), at the order's prices. Once per milestone; a draft
	 * when the customer's file lacks mandatory data.
	 */
	@Transactional
	public String invoiceMilestone(io.encaisse.orders.MilestoneReady milestone) {
		String source = "milestone:" + milestone.orderId() + ":" + milestone.milestone();
		Optional<Invoice> existing = this.invoices.findBySourceRef(source);
		if (existing.isPresent()) {
			return existing.get().id();
		}
		CustomerDetails customer = this.customers.get(milestone.customerId());
		Currency currency = Currency.getInstance(milestone.currency());
		List<Share> shares = shares(customer, currency,
				milestone.orderLines()
					.stream()
					.map(l -> new ShareLine(l.sku(), l.unit(), l.taxRate(),
							io.encaisse.shared.LineAmounts.lineNet(new io.encaisse.shared.LineAmounts.Line(l.quantity(),
									l.unitPrice(), l.discountPercent(), l.taxRate()), currency)))
					.toList());
		Money net = shares.stream().map(Share::base).reduce(Money.zero(currency), Money::plus);
		Money value = milestone.amount() != null ? Money.of(milestone.amount(), milestone.currency())
				: net.times(milestone.percent()).times(BigDecimal.ONE.movePointLeft(2)).rounded();
		List<InvoiceLine> lines = new ArrayList<>();
		Money placed = Money.zero(currency);
		String share = milestone.percent() != null ? milestone.percent().stripTrailingZeros().toPlainString() + " %"
				: value.toString();
		for (int i = 0; i < shares.size(); i++) {
			Share g = shares.get(i);
			Money part = i == shares.size() - 1 ? value.minus(placed)
					: net.isZero() ? Money.zero(currency)
							: Money.of(value.amount()
								.multiply(g.base().amount())
								.divide(net.amount(), currency.getDefaultFractionDigits(), RoundingMode.HALF_UP),
									milestone.currency());
			placed = placed.plus(part);
			String description = ("fr".equals(customer.language()) ? "Jalon " : "Milestone ") + milestone.milestone()
					+ " — " + milestone.label() + " (" + share + ", " + milestone.orderNumber()
					+ (shares.size() > 1 ? ", TVA " + g.vat().category() + " "
							+ g.vat().rate().stripTrailingZeros().toPlainString() + " %" : "")
					+ ")";
			lines.add(new InvoiceLine("MILESTONE",
					description.length() > 500 ? description.substring(0, 500) : description, g.unit(), BigDecimal.ONE,
					part.amount(), BigDecimal.ZERO, g.vat().rate(), null, null, "ORDER", null)
				.treated(g.vat()));
		}
		PaymentTerms terms = terms(milestone.orderId(), customer);
		Invoice invoice = Invoice.draft(Ids.next("inv"), Invoice.Kind.INVOICE, customer.id(), customer.name(),
				milestone.orderId(), source, null, null, milestone.currency(), terms.days(), terms.endOfMonth(), lines,
				this.today.instant());
		issueOrKeepDraft(invoice, customer, milestone.readyOn());
		this.milestones.billed(milestone.orderId(), milestone.milestone(), invoice.id());
		return invoice.id();
	}

	/**
	 * The deposit a quote asked for, invoiced when its order is confirmed: the deposit's
	 * share of the order's net at each VAT rate, one line per rate. Once per order; a
	 * draft when the customer's file lacks mandatory data. Its document is a prepayment
	 * invoice (type 386).
	 */
	@Transactional
	public String invoiceDeposit(io.encaisse.orders.OrderConfirmed confirmed) {
		if (confirmed.depositPercent() == null || confirmed.depositPercent().signum() <= 0) {
			return null;
		}
		String source = DEPOSIT_SOURCE + confirmed.orderId();
		Optional<Invoice> existing = this.invoices.findBySourceRef(source);
		if (existing.isPresent()) {
			return existing.get().id();
		}
		io.encaisse.orders.OrderView order = this.orders.get(confirmed.orderId());
		CustomerDetails customer = this.customers.get(order.customerId());
		Currency currency = Currency.getInstance(order.currency());
		List<InvoiceLine> lines = new ArrayList<>();
		String pct = confirmed.depositPercent().stripTrailingZeros().toPlainString() + " %";
		boolean french = !"en".equals(customer.language());
		// the deposit is an advance on what is not billed at once on order
		List<Share> groups = shares(customer, currency,
				order.lines()
					.stream()
					.filter(l -> !"ON_ORDER".equals(l.billing()))
					.map(l -> new ShareLine(l.sku(), l.unit(), l.taxRate(), l.net()))
					.toList());
		if (groups.isEmpty()) {
			// everything is billed at once on order: no advance to take
			return null;
		}
		for (Share g : groups) {
			Money part = g.base().times(confirmed.depositPercent()).times(BigDecimal.ONE.movePointLeft(2)).rounded();
			String description = (french ? "Acompte de " + pct + " sur la commande "
					: "Deposit of " + pct + " on order ") + order.number()
					+ (groups.size() > 1 ? (french ? ", TVA " : ", VAT ") + g.vat().category() + " "
							+ g.vat().rate().stripTrailingZeros().toPlainString() + " %" : "");
			lines.add(new InvoiceLine("DEPOSIT", description, g.unit(), BigDecimal.ONE, part.amount(), BigDecimal.ZERO,
					g.vat().rate(), null, null, "ORDER", null)
				.treated(g.vat()));
		}
		PaymentTerms terms = terms(order.id(), customer);
		Invoice invoice = Invoice.draft(Ids.next("inv"), Invoice.Kind.INVOICE, customer.id(), customer.name(),
				order.id(), source, null, null, currency.getCurrencyCode(), terms.days(), terms.endOfMonth(), lines,
				this.today.instant());
		issueOrKeepDraft(invoice, customer, this.today.date());
		this.orders.linkInvoice(order.id(), invoice.id());
		return invoice.id();
	}

	static final String DEPOSIT_SOURCE = "deposit:";

	private record ShareLine(String sku, String unit, BigDecimal rate, Money net) {
	}

	/** An order's net under one VAT treatment (category, rate, legal wording). */
	private record Share(VatTreatment vat, String unit, Money base) {
	}

	/**
	 * The order's lines grouped by how VAT applies to each for this buyer: goods and
	 * services abroad at 0 % are two groups (K and AE), exempt lines with different
	 * wordings too.
	 */
	private List<Share> shares(CustomerDetails customer, Currency currency, List<ShareLine> lines) {
		java.util.Map<String, Share> groups = new java.util.LinkedHashMap<>();
		for (ShareLine l : lines) {
			VatTreatment vat = treatment(customer, l.unit(), l.sku(), l.rate());
			String key = vat.category() + "|" + vat.rate().toPlainString() + "|" + vat.exemptionReason();
			groups.merge(key, new Share(vat, l.unit(), l.net()),
					(a, b) -> new Share(a.vat(), a.unit(), a.base().plus(b.base())));
		}
		return new ArrayList<>(groups.values());
	}

	/**
	 * A draft invoice of an order that had a deposit invoiced: what the deposit billed at
	 * each VAT category and rate (and no earlier invoice deducted yet) is deducted as an
	 * allowance at that category and rate, up to this invoice's base there, before it is
	 * numbered. Its base and its VAT are then both net of the deposit.
	 */
	private void deductDeposit(Invoice invoice) {
		if (invoice.orderId() == null) {
			return;
		}
		this.invoices.findBySourceRef(DEPOSIT_SOURCE + invoice.orderId())
			.filter(d -> d.number() != null && d.status() != InvoiceStatus.CANCELLED)
			.ifPresent(deposit -> {
				// one deduction at a time per deposit, on every node
				this.jdbc.sql("select id from invoice where id = :d for update")
					.param("d", deposit.id())
					.query(String.class)
					.list();
				java.util.Map<String, BigDecimal> deducted = new java.util.HashMap<>();
				this.jdbc.sql("""
						select tax_category, tax_rate, sum(amount) from invoice_adjustment where deposit_invoice_id = :d
						group by tax_category, tax_rate""")
					.param("d", deposit.id())
					.query((rs, n) -> deducted.put(rs.getString(1) + "|" + rs.getBigDecimal(2).setScale(2),
							rs.getBigDecimal(3)))
					.list();
				var bases = invoice.totals().vat();
				List<io.encaisse.invoicing.domain.InvoiceAdjustment> added = new ArrayList<>();
				for (var g : deposit.totals().vat()) {
					String key = g.category() + "|" + g.rate().setScale(2);
					BigDecimal left = g.base().amount().subtract(deducted.getOrDefault(key, BigDecimal.ZERO));
					BigDecimal here = bases.stream()
						.filter(b -> b.category().equals(g.category()) && b.rate().compareTo(g.rate()) == 0)
						.map(b -> b.base().amount())
						.findFirst()
						.orElse(BigDecimal.ZERO);
					BigDecimal amount = left.min(here);
					if (amount.signum() > 0) {
						added.add(new io.encaisse.invoicing.domain.InvoiceAdjustment(false,
								"Acompte " + deposit.number() + " déduit", amount, g.rate(), g.category(),
								deposit.id()));
					}
				}
				if (!added.isEmpty()) {
					List<io.encaisse.invoicing.domain.InvoiceAdjustment> all = new ArrayList<>(invoice.adjustments());
					all.addAll(added);
					invoice.revise(invoice.lines(), all);
					this.audit.record(DOCUMENT, invoice.id(), "deposit deducted",
							AuditTrail.changes("deposit", deposit.number(), "amount",
									added.stream().map(a -> a.amount()).reduce(BigDecimal.ZERO, BigDecimal::add)));
				}
			});
	}

	/**
	 * How VAT applies to a line for this buyer: the product's rate at home, reverse
	 * charge, intra-community supply or export abroad (see {@link VatTreatment}).
	 */
	private VatTreatment treatment(CustomerDetails customer, String unit, String sku, BigDecimal rate) {
		String exemption = rate.signum() == 0 && sku != null
				? this.catalog.findBySku(sku).map(io.encaisse.catalog.ProductDetails::exemptionReason).orElse(null)
				: null;
		return VatTreatment.of(customer.billingAddress().country(), customer.vatNumber(), VatTreatment.isService(unit),
				rate, exemption);
	}

	/**
	 * An invoice the system wrote (a delivery, a milestone, a deposit) is issued at once
	 * when the customer's file has every mandatory mention; otherwise nothing is lost: it
	 * waits as a draft, listed with what it lacks, until the file is completed and
	 * someone issues it.
	 */
	private void issueOrKeepDraft(Invoice invoice, CustomerDetails customer, LocalDate date) {
		List<Problem.FieldError> missing = IssueChecks.missing(invoice, customer);
		if (missing.isEmpty()) {
			issue(invoice, date);
			return;
		}
		this.invoices.save(invoice);
		this.audit.record(DOCUMENT, invoice.id(), "left as draft", AuditTrail.changes("source", invoice.sourceRef(),
				"missing", missing.stream().map(Problem.FieldError::field).toList()));
	}

	/** Issues a checked draft, in the caller's transaction. */
	@Transactional
	void issueDraft(Invoice draft, LocalDate date) {
		issue(draft, date);
	}

	void issue(Invoice invoice, LocalDate requestedDate) {
		boolean creditNote = invoice.kind() == Invoice.Kind.CREDIT_NOTE;
		if (!creditNote && !String.valueOf(invoice.sourceRef()).startsWith(DEPOSIT_SOURCE)
				&& !String.valueOf(invoice.sourceRef())
					.startsWith("delivery:" + io.encaisse.orders.Orders.ON_ORDER_DELIVERY)) {
			// (lines billed on order are billed at once, whole: the deposit is an advance
			// on the rest of the order)
			// whichever way an invoice of an order is issued, a deposit of that order is
			// deducted from it first
			deductDeposit(invoice);
		}
		InvoiceNumbering.Numbered numbered = this.numbering.next(creditNote, requestedDate);
		String reference = creditNote ? null : CreditorReference.of(numbered.number()).value();
		invoice.issue(numbered.number(), numbered.issueDate(), reference);
		this.invoices.save(invoice);
		this.audit.record(DOCUMENT, invoice.id(), "issued",
				AuditTrail.changes("number", numbered.number(), "issueDate", numbered.issueDate(), "dueDate",
						invoice.dueDate(), "total", invoice.total(), "source",
						invoice.sourceRef() != null ? invoice.sourceRef() : invoice.creditedInvoiceId()));
		queueMail(invoice);
		this.events
			.publishEvent(new InvoiceIssued(invoice.id(), invoice.number(), invoice.kind().name(), invoice.customerId(),
					invoice.currency(), invoice.total().amount(), invoice.issueDate(), invoice.dueDate(), reference));
	}

	/**
	 * Issued: the mail to the customer's billing address is queued in the same
	 * transaction (an outbox), so it is sent once the invoice exists, and only once.
	 */
	private void queueMail(Invoice invoice) {
		queueMails(java.util.Map.of(invoice.id(), invoice.customerId()),
				this.customers.find(invoice.customerId())
					.map(c -> java.util.Map.of(c.id(), c))
					.orElse(java.util.Map.of()));
	}

	/** The outbox rows of many issued invoices (invoice id to customer id), batched. */
	private void queueMails(java.util.Map<String, String> customerOfInvoice,
			java.util.Map<String, CustomerDetails> customerDetails) {
		java.util.Set<String> customerIds = new java.util.HashSet<>(customerOfInvoice.values());
		java.util.Map<String, Boolean> byEmail = new java.util.HashMap<>();
		java.util.Map<String, String> emails = new java.util.HashMap<>();
		for (List<String> chunk : Chunks.of(customerIds)) {
			this.jdbc.sql("select customer_id, by_email from invoice_delivery_setting where customer_id in (:c)")
				.param("c", chunk)
				.query((rs, n) -> byEmail.put(rs.getString(1), rs.getBoolean(2)))
				.list();
		}
		for (String customerId : customerIds) {
			Optional.ofNullable(customerDetails.get(customerId))
				.filter(c -> byEmail.getOrDefault(customerId, true) && c.email() != null && !c.email().isBlank())
				.ifPresent(c -> emails.put(customerId, c.email()));
		}
		java.sql.Timestamp at = java.sql.Timestamp.from(this.today.instant());
		List<Object[]> rows = new ArrayList<>();
		customerOfInvoice.forEach((invoiceId, customerId) -> {
			String to = emails.get(customerId);
			if (to != null) {
				rows.add(new Object[] { Ids.next("snd"), invoiceId, to, at, at });
			}
		});
		for (int from = 0; from < rows.size(); from += 1000) {
			this.batch.batchUpdate("""
					insert into invoice_sending (id, invoice_id, channel, recipient, status, attempts, next_attempt_at,
					  created_at)
					values (?, ?, 'EMAIL', ?, 'QUEUED', 0, ?, ?)""",
					rows.subList(from, Math.min(rows.size(), from + 1000)));
		}
	}

	/**
	 * Issues many drafts in one transaction, as a billing run does: each is checked
	 * against the mandatory mentions (those lacking something stay drafts, with the
	 * reason), the others take consecutive numbers of the series in one step and are
	 * written in batches. Answers, per draft, its number or why it was not issued. A
	 * draft changed meanwhile refuses the whole call (409), which the caller may retry.
	 */
	@Transactional
	public java.util.Map<String, Issued> issueAll(List<String> draftIds) {
		record Head(String id, String kind, String status, String customerId, String currency, BigDecimal total,
				int termsDays, boolean endOfMonth, long version, String orderId) {
		}
		java.util.Map<String, Head> heads = new java.util.LinkedHashMap<>();
		java.util.Map<String, List<InvoiceLine>> lines = new java.util.HashMap<>();
		for (List<String> chunk : Chunks.of(draftIds)) {
			this.jdbc
				.sql("""
						select id, kind, status, customer_id, currency, total, payment_terms_days, payment_terms_end_of_month,
						       version, order_id
						from invoice where id in (:ids)""")
				.param("ids", chunk)
				.query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getBigDecimal(6), rs.getInt(7), rs.getBoolean(8), rs.getLong(9),
						rs.getString(10)))
				.list()
				.forEach(h -> heads.put(h.id(), h));
			this.jdbc.sql("""
					select invoice_id, sku, description, tax_rate, tax_category, exemption_reason
					from invoice_line where invoice_id in (:ids) order by invoice_id, line_index""")
				.param("ids", chunk)
				.query((rs, n) -> {
					lines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
						.add(new InvoiceLine(rs.getString(2), rs.getString(3), "piece", BigDecimal.ONE, BigDecimal.ZERO,
								BigDecimal.ZERO, rs.getBigDecimal(4), null, null, null, rs.getString(6),
								rs.getString(5)));
					return null;
				})
				.list();
		}
		java.util.Map<String, Issued> outcome = new java.util.LinkedHashMap<>();
		java.util.Map<String, CustomerDetails> customerCache = this.customers
			.getAll(heads.values().stream().map(Head::customerId).toList());
		List<Head> ready = new ArrayList<>();
		for (String id : draftIds) {
			Head h = heads.get(id);
			if (h == null) {
				outcome.put(id, Issued.refused("no invoice " + id));
			}
			else if (!"DRAFT".equals(h.status()) || !"INVOICE".equals(h.kind())) {
				outcome.put(id, Issued.refused("not a draft invoice (" + h.status() + ")"));
			}
			else {
				CustomerDetails customer = customerCache.get(h.customerId());
				List<Problem.FieldError> missing = IssueChecks.missing(customer, lines.getOrDefault(id, List.of()),
						h.total().signum() < 0);
				if (missing.isEmpty()) {
					ready.add(h);
				}
				else {
					outcome.put(id,
							Issued.refused(missing.stream()
								.map(e -> e.field() + ": " + e.message())
								.collect(java.util.stream.Collectors.joining("; "))));
				}
			}
		}
		List<Head> withDeposit = new ArrayList<>();
		List<String> orderIds = ready.stream().map(Head::orderId).filter(java.util.Objects::nonNull).toList();
		if (!orderIds.isEmpty()) {
			java.util.Set<String> deposits = new java.util.HashSet<>();
			for (List<String> chunk : Chunks.of(orderIds)) {
				this.jdbc.sql("select order_id from invoice where source_ref in (:refs)")
					.param("refs", chunk.stream().map(o -> DEPOSIT_SOURCE + o).toList())
					.query(String.class)
					.list()
					.forEach(deposits::add);
			}
			ready.stream().filter(h -> h.orderId() != null && deposits.contains(h.orderId())).forEach(withDeposit::add);
			ready.removeAll(withDeposit);
		}
		if (ready.isEmpty()) {
			for (Head h : withDeposit) {
				Invoice draft = load(h.id());
				issue(draft, this.today.date());
				outcome.put(h.id(), new Issued(draft.number(), null));
			}
			return outcome;
		}
		List<InvoiceNumbering.Numbered> numbers = this.numbering.next(false, this.today.date(), ready.size());
		List<Object[]> updates = new ArrayList<>();
		List<AuditTrail.Change> audit = new ArrayList<>();
		java.util.Map<String, String> mails = new java.util.LinkedHashMap<>();
		List<InvoiceIssued> issued = new ArrayList<>();
		for (int n = 0; n < ready.size(); n++) {
			Head h = ready.get(n);
			InvoiceNumbering.Numbered number = numbers.get(n);
			LocalDate due = new PaymentTerms(h.termsDays(), h.endOfMonth()).dueDate(number.issueDate());
			String reference = CreditorReference.of(number.number()).value();
			updates.add(new Object[] { number.number(), number.issueDate(), due, reference, h.id(), h.version() });
			Money total = Money.of(h.total(), h.currency());
			audit.add(new AuditTrail.Change(DOCUMENT, h.id(), "issued", AuditTrail.changes("number", number.number(),
					"issueDate", number.issueDate(), "dueDate", due, "total", total, "source", "billing run")));
			mails.put(h.id(), h.customerId());
			issued.add(new InvoiceIssued(h.id(), number.number(), "INVOICE", h.customerId(), h.currency(), h.total(),
					number.issueDate(), due, reference));
			outcome.put(h.id(), new Issued(number.number(), null));
		}
		for (int from = 0; from < updates.size(); from += 1000) {
			List<Object[]> chunk = updates.subList(from, Math.min(updates.size(), from + 1000));
			int[] counts = this.batch.batchUpdate(
					"""
							update invoice set number = ?, status = 'ISSUED', issue_date = ?, due_date = ?, payment_reference = ?,
							  version = version + 1
							where id = ? and status = 'DRAFT' and version = ?""",
					chunk);
			for (int i = 0; i < counts.length; i++) {
				if (counts[i] == 0) {
					throw new Problem.StateConflict(
							"invoice " + chunk.get(i)[4] + " changed while the run was issuing it; nothing was issued");
				}
			}
		}
		this.audit.recordAll(audit);
		queueMails(mails, customerCache);
		issued.forEach(this.events::publishEvent);
		// drafts of an order that had a deposit: issued one by one, the deposit deducted
		// first
		for (Head h : withDeposit) {
			Invoice draft = load(h.id());
			issue(draft, this.today.date());
			outcome.put(h.id(), new Issued(draft.number(), null));
		}
		return outcome;
	}

	/** What issuing one draft of a run gave: its number, or why it stays a draft. */
	public record Issued(String number, String refusal) {

		static Issued refused(String why) {
			return new Issued(null, why.length() > 500 ? why.substring(0, 499) + "…" : why);
		}

	}

	/** The invoice's documents: Factur-X PDF, UBL 2.1 or CII XML. */
	public byte[] document(String id, String format) {
		InvoiceView invoice = get(id);
		if (invoice.number() == null) {
			throw new Problem.StateConflict("a draft has no document yet; issue it first");
		}
		if (String.valueOf(load(id).sourceRef()).startsWith("import:")) {
			throw new Problem.StateConflict(
					"invoice " + invoice.number() + " was imported from another system, which holds its document");
		}
		CustomerDetails customer = this.customers.get(invoice.customerId());
		String original = invoice.creditedInvoiceId() == null ? null : load(invoice.creditedInvoiceId()).number();
		return switch (format) {
			case "pdf" -> this.documents.facturX(invoice, customer, original);
			case "ubl" -> this.documents.ubl(invoice, customer, original);
			case "cii" -> this.documents.cii(invoice, customer, original);
			default -> throw new Problem.Invalid("format", "must be pdf, ubl or cii");
		};
	}

	Invoice load(String id) {
		return this.invoices.findById(id).orElseThrow(() -> new Problem.NotFound("invoice", id));
	}

	InvoiceView view(Invoice i) {
		Currency currency = Currency.getInstance(i.currency());
		List<InvoiceLine> lines = i.lines();
		io.encaisse.shared.LineAmounts.Totals totals = i.totals();
		return new InvoiceView(i.id(), i.kind().name(), i.number(), i.status(), i.customerId(), i.customerName(),
				i.orderId(), i.creditedInvoiceId(), i.reason(), i.issueDate(), i.dueDate(), i.currency(), i.totalNet(),
				i.totalTax(), i.total(), i.amountPaid(), i.amountCredited(), i.amountDue(), i.paymentReference(),
				IntStream.range(0, lines.size()).mapToObj(n -> {
					InvoiceLine l = lines.get(n);
					return new InvoiceView.Line(n + 1, l.sku(), l.description(), l.unit(), l.quantity(),
							new Money(l.unitPrice(), currency), l.discountPercent(), l.taxRate(),
							new Money(l.netAmount(), currency), l.orderLineIndex(), l.priceSource(),
							l.exemptionReason(), l.taxCategory());
				}).toList(), totals.vat(),
				i.payments()
					.stream()
					.map(p -> new InvoiceView.Payment(p.paymentId(), new Money(p.amount(), currency), p.paidOn(),
							p.kind()))
					.toList(),
				i.isOverdueOn(this.today.date()), i.version(),
				i.adjustments()
					.stream()
					.map(a -> new InvoiceView.Adjustment(a.charge(), a.reason(), new Money(a.amount(), currency),
							a.taxRate(), a.taxCategory()))
					.toList(),
				totals.lineTotal(), i.sourceRef());
	}

}
