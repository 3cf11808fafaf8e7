package io.encaisse.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.encaisse.invoicing.domain.Invoice;
import io.encaisse.invoicing.domain.InvoiceRepository;
import io.encaisse.invoicing.domain.SettlementRule;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is owed, as cash application works it: the invoices a payment may settle (read by
 * number, reference, customer or amount, each with its version), payments and write-offs
 * applied to them one by one or a statement's thousands at once, and reversed. The named
 * entry of {@code payments} into invoicing; settling runs {@link Invoice#applyPayment}'s
 * rule for one invoice and the same rule in SQL for many.
 */
@Service
@Transactional(readOnly = true)
public class Receivables {

	private final Invoicing invoicing;

	private final InvoiceRepository invoices;

	private final JdbcClient jdbc;

	private final org.springframework.jdbc.core.JdbcTemplate batch;

	private final io.encaisse.shared.Bulk bulk;

	private final AuditTrail audit;

	private final Today today;

	private final ApplicationEventPublisher events;

	Receivables(Invoicing invoicing, InvoiceRepository invoices, JdbcClient jdbc,
			org.springframework.jdbc.core.JdbcTemplate batch, io.encaisse.shared.Bulk bulk, AuditTrail audit,
			Today today, ApplicationEventPublisher events) {
		this.invoicing = invoicing;
		this.invoices = invoices;
		this.jdbc = jdbc;
		this.batch = batch;
		this.bulk = bulk;
		this.audit = audit;
		this.today = today;
		this.events = events;
	}

	/** An invoice as cash application reads it in bulk, with its version. */
	public record Versioned(Payable payable, long version, String paymentReference) {
	}

	private static final String PAYABLE_COLUMNS = """
			select id, number, customer_id, currency, total - amount_paid - amount_credited, status, due_date, version,
			       payment_reference
			from invoice where kind = 'INVOICE' and """;

	private static Versioned versioned(java.sql.ResultSet rs) throws java.sql.SQLException {
		InvoiceStatus status = InvoiceStatus.valueOf(rs.getString(6));
		BigDecimal due = status == InvoiceStatus.CANCELLED || status == InvoiceStatus.DRAFT ? BigDecimal.ZERO
				: rs.getBigDecimal(5);
		return new Versioned(new Payable(rs.getString(1), rs.getString(2), rs.getString(3),
				Money.of(due, rs.getString(4)), status, rs.getObject(7, LocalDate.class)), rs.getLong(8),
				rs.getString(9));
	}

	/**
	 * The invoices (whatever their status) with these numbers or RF references, read in a
	 * few queries for a whole statement.
	 */
	public List<Versioned> payables(java.util.Collection<String> numbers, java.util.Collection<String> references) {
		List<Versioned> found = new ArrayList<>();
		for (List<String> chunk : Chunks.of(numbers)) {
			found.addAll(this.jdbc.sql(PAYABLE_COLUMNS + " number in (:numbers)")
				.param("numbers", chunk)
				.query((rs, i) -> versioned(rs))
				.list());
		}
		for (List<String> chunk : Chunks.of(references)) {
			found.addAll(this.jdbc.sql(PAYABLE_COLUMNS + " payment_reference in (:refs)")
				.param("refs", chunk)
				.query((rs, i) -> versioned(rs))
				.list());
		}
		return found;
	}

	/** A customer's open invoices in a currency, lightly, oldest due first. */
	public List<Versioned> openPayables(String customerId, String currency) {
		return this.jdbc.sql(PAYABLE_COLUMNS
				+ " customer_id = :customer and currency = :currency and status in ('ISSUED', 'PARTIALLY_PAID') order by due_date, id")
			.param("customer", customerId)
			.param("currency", currency)
			.query((rs, i) -> versioned(rs))
			.list();
	}

	/**
	 * The open invoices of these customers in a currency, in a few queries, oldest due
	 * first.
	 */
	public List<Versioned> openPayables(java.util.Collection<String> customerIds, String currency) {
		List<Versioned> found = new ArrayList<>();
		for (List<String> chunk : Chunks.of(customerIds)) {
			found.addAll(this.jdbc.sql(PAYABLE_COLUMNS
					+ " customer_id in (:customers) and currency = :currency and status in ('ISSUED', 'PARTIALLY_PAID')"
					+ " order by due_date, id")
				.param("customers", chunk)
				.param("currency", currency)
				.query((rs, i) -> versioned(rs))
				.list());
		}
		return found;
	}

	/**
	 * Open invoices whose amount due is one of these, in as few queries as the driver
	 * allows: no index answers "amount due", so each query reads the open invoices
	 * through, and one query for 30,000 amounts costs what one for 1,000 does.
	 */
	public List<Versioned> openPayablesDue(java.util.Collection<BigDecimal> amounts, String currency) {
		List<Versioned> found = new ArrayList<>();
		for (List<BigDecimal> chunk : Chunks.of(amounts, 30_000)) {
			found.addAll(this.jdbc
				.sql(PAYABLE_COLUMNS + " currency = :currency and status in ('ISSUED', 'PARTIALLY_PAID')"
						+ " and total - amount_paid - amount_credited in (:amounts)")
				.param("currency", currency)
				.param("amounts", chunk)
				.query((rs, i) -> versioned(rs))
				.list());
		}
		return found;
	}

	/**
	 * Money (or a written-off difference) settling part of an invoice, as a statement's
	 * import applies it.
	 */
	public record Settlement(Payable invoice, String paymentId, BigDecimal amount, LocalDate on, boolean writeOff) {
	}

	/**
	 * Applies a statement's settlements in batches, in the caller's transaction. Each
	 * invoice must still be at the version it was read at: if anyone changed one since,
	 * the whole import is refused (409) and can simply be sent again.
	 */
	@Transactional
	public void settleAll(List<Settlement> settlements, java.util.Map<String, Long> versions) {
		java.util.Map<String, List<Settlement>> byInvoice = new java.util.LinkedHashMap<>();
		settlements.forEach(s -> byInvoice.computeIfAbsent(s.invoice().invoiceId(), k -> new ArrayList<>()).add(s));
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		List<AuditTrail.Change> audit = new ArrayList<>();
		List<Object> settled = new ArrayList<>();
		for (var e : byInvoice.entrySet()) {
			Payable invoice = e.getValue().get(0).invoice();
			BigDecimal sum = e.getValue().stream().map(Settlement::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal left = invoice.amountDue().amount().subtract(sum);
			if (left.signum() < 0) {
				throw new IllegalStateException("settling more than is due on " + invoice.number());
			}
			// the invoice's own rule: money came in, so something is paid; an open
			// invoice
			// is never credited in full
			InvoiceStatus after = SettlementRule.after(left, sum, false, invoice.status());
			LocalDate first = e.getValue().stream().map(Settlement::on).min(LocalDate::compareTo).orElseThrow();
			LocalDate last = e.getValue().stream().map(Settlement::on).max(LocalDate::compareTo).orElseThrow();
			updates.add(new Object[] { sum, after.name(), e.getKey(), versions.get(e.getKey()), first, last });
			StringBuilder what = new StringBuilder();
			for (Settlement s : e.getValue()) {
				rows.add(new Object[] { e.getKey(), s.paymentId(), s.amount(), s.on(),
						s.writeOff() ? "WRITE_OFF" : "PAYMENT" });
				what.append(what.isEmpty() ? "" : ", ")
					.append(s.paymentId())
					.append(' ')
					.append(Money.of(s.amount(), invoice.amountDue().currencyCode()))
					.append(s.writeOff() ? " written off" : "");
			}
			// one line per invoice: a statement settles tens of thousands
			audit.add(new AuditTrail.Change(Invoicing.DOCUMENT, e.getKey(), "payment applied",
					AuditTrail.changes("payments", what, "status", invoice.status() + " → " + after)));
			if (after == InvoiceStatus.PAID) {
				settled.add(new InvoiceSettled(invoice.invoiceId(), invoice.number(), invoice.customerId(), "PAID"));
			}
		}
		long t0 = System.nanoTime();
		// a thousand at a time: for more, PostgreSQL may prefer reading the whole table
		// to looking each invoice up by its key
		for (int from = 0; from < updates.size(); from += 1000) {
			List<Object[]> chunk = updates.subList(from, Math.min(updates.size(), from + 1000));
			Set<String> changed = settle(chunk);
			for (Object[] u : chunk) {
				if (!changed.contains((String) u[2])) {
					throw new Problem.StateConflict("invoice " + u[2]
							+ " changed while the statement was being imported; nothing was imported, import it again");
				}
			}
		}
		this.bulk.insert("invoice_payment", "invoice_id, payment_id, amount, paid_on, kind", rows);
		long t2 = System.nanoTime();
		paid(settled.stream().map(e -> ((InvoiceSettled) e).invoiceId()).toList(), "bank statement");
		this.audit.recordAll(audit);
		long t3 = System.nanoTime();
		settled.forEach(this.events::publishEvent);
		org.slf4j.LoggerFactory.getLogger(Invoicing.class)
			.debug("settled {} invoices: updates and rows {} ms, audit {} ms, events {} ms", byInvoice.size(),
					(t2 - t0) / 1_000_000, (t3 - t2) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
	}

	/**
	 * Settles invoices (amount, status after, id, version read), each only if still at
	 * the version read; answers the ids settled. On PostgreSQL one statement per call
	 * over arrays (a statement settles a hundred thousand invoices: one update each costs
	 * the database twice as much), elsewhere a batch of updates.
	 */
	private Set<String> settle(List<Object[]> updates) {
		Set<String> changed = new java.util.HashSet<>();
		if (this.bulk.postgres()) {
			String[] ids = new String[updates.size()];
			BigDecimal[] amounts = new BigDecimal[updates.size()];
			String[] statuses = new String[updates.size()];
			Long[] versions = new Long[updates.size()];
			java.sql.Date[] firsts = new java.sql.Date[updates.size()];
			java.sql.Date[] lasts = new java.sql.Date[updates.size()];
			for (int i = 0; i < updates.size(); i++) {
				Object[] u = updates.get(i);
				amounts[i] = (BigDecimal) u[0];
				statuses[i] = (String) u[1];
				ids[i] = (String) u[2];
				versions[i] = (Long) u[3];
				firsts[i] = java.sql.Date.valueOf((LocalDate) u[4]);
				lasts[i] = java.sql.Date.valueOf((LocalDate) u[5]);
			}
			this.batch.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) con -> {
				try (java.sql.PreparedStatement update = con.prepareStatement("""
						update invoice i set amount_paid = i.amount_paid + u.amount, status = u.status,
						  version = i.version + 1, first_settled_on = least(i.first_settled_on, u.first),
						  last_settled_on = greatest(i.last_settled_on, u.last)
						from unnest(?::varchar[], ?::numeric[], ?::varchar[], ?::bigint[], ?::date[], ?::date[])
						  as u(id, amount, status, version, first, last)
						where i.id = u.id and i.version = u.version
						returning i.id""")) {
					update.setArray(1, con.createArrayOf("varchar", ids));
					update.setArray(2, con.createArrayOf("numeric", amounts));
					update.setArray(3, con.createArrayOf("varchar", statuses));
					update.setArray(4, con.createArrayOf("bigint", versions));
					update.setArray(5, con.createArrayOf("date", firsts));
					update.setArray(6, con.createArrayOf("date", lasts));
					try (java.sql.ResultSet rs = update.executeQuery()) {
						while (rs.next()) {
							changed.add(rs.getString(1));
						}
					}
				}
				return null;
			});
			return changed;
		}
		List<Object[]> rows = updates.stream().map(u -> new Object[] { u[0], u[1], u[4], u[5], u[2], u[3] }).toList();
		int[] counts = this.batch.batchUpdate("""
				update invoice set amount_paid = amount_paid + ?, status = ?, version = version + 1,
				  first_settled_on = least(first_settled_on, cast(? as date)),
				  last_settled_on = greatest(last_settled_on, cast(? as date))
				where id = ? and version = ?""", rows);
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] != 0) {
				changed.add((String) updates.get(i)[2]);
			}
		}
		return changed;
	}

	/** Fully paid: the lifecycle's 212, set by what paid it. */
	private void paid(List<String> invoiceIds, String by) {
		List<Object[]> rows = new ArrayList<>();
		java.sql.Timestamp at = java.sql.Timestamp.from(this.today.instant());
		for (String id : invoiceIds) {
			rows.add(new Object[] { Ids.next("lcy"), id, LifecycleStatus.PAID.code(), at,
					by.length() > 200 ? by.substring(0, 200) : by });
		}
		this.bulk.insert("invoice_lifecycle", "id, invoice_id, code, set_at, set_by", rows);
	}

	/** An invoice a payment may settle, as cash application sees it. */
	public record Payable(String invoiceId, String number, String customerId, Money amountDue, InvoiceStatus status,
			LocalDate dueDate) {
	}

	/**
	 * Open invoices a clerk looks for: by number, customer name, or an amount due (a
	 * decimal comma accepted); at most 20, oldest due first.
	 */
	public List<InvoiceView> searchOpen(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String q = text.trim();
		BigDecimal amount = null;
		try {
			amount = new BigDecimal(q.replace(" ", "").replace(',', '.'));
		}
		catch (NumberFormatException notAnAmount) {
			// a number or a name
		}
		return this.jdbc.sql("""
				select id from invoice where kind = 'INVOICE' and status in ('ISSUED', 'PARTIALLY_PAID')
				and (upper(number) like :like or upper(customer_name) like :like
				     or total - amount_paid - amount_credited = :amount)
				order by due_date, id limit 20""")
			.param("like", "%" + q.toUpperCase(Locale.ROOT).replace("%", "").replace("_", "") + "%")
			.param("amount", amount == null ? BigDecimal.valueOf(-1) : amount)
			.query(String.class)
			.list()
			.stream()
			.map(id -> this.invoicing.view(this.invoicing.load(id)))
			.toList();
	}

	private static Payable toPayable(Invoice i) {
		return new Payable(i.id(), i.number(), i.customerId(), i.amountDue(), i.status(), i.dueDate());
	}

	/** An open invoice, as a person confirming a suggestion picks it. */
	public Payable payable(String invoiceId) {
		return toPayable(this.invoicing.load(invoiceId));
	}

	/**
	 * Applies (part of) a payment to an invoice, in the caller's transaction; answers
	 * what was applied (at most what is due). The same payment applied twice applies
	 * once.
	 */
	@Transactional
	public Money recordPayment(String invoiceId, String paymentId, Money amount, LocalDate paidOn) {
		Invoice invoice = this.invoicing.load(invoiceId);
		InvoiceStatus before = invoice.status();
		Money applied = invoice.applyPayment(paymentId, amount, paidOn);
		if (applied.isPositive()) {
			this.invoices.save(invoice);
			this.audit.record(Invoicing.DOCUMENT, invoiceId, "payment applied",
					AuditTrail.changes("payment", paymentId, "amount", applied, "status",
							before == invoice.status() ? before : before + " → " + invoice.status()));
			if (invoice.status() == InvoiceStatus.PAID) {
				paid(List.of(invoiceId), "payment " + paymentId);
				this.events.publishEvent(new InvoiceSettled(invoiceId, invoice.number(), invoice.customerId(), "PAID"));
			}
		}
		return applied;
	}

	/**
	 * Writes off the small difference a payment left on an invoice (bank fees, rounding),
	 * in the caller's transaction; answers what was written off (at most what is due).
	 */
	@Transactional
	public Money writeOff(String invoiceId, String writeOffId, Money difference, LocalDate on, String reason) {
		Invoice invoice = this.invoicing.load(invoiceId);
		InvoiceStatus before = invoice.status();
		Money written = invoice.writeOff(writeOffId, difference, on);
		if (written.isPositive()) {
			this.invoices.save(invoice);
			this.audit.record(Invoicing.DOCUMENT, invoiceId, "difference written off",
					AuditTrail.changes("writeOff", writeOffId, "amount", written, "reason", reason, "status",
							before == invoice.status() ? before : before + " → " + invoice.status()));
			if (invoice.status() == InvoiceStatus.PAID) {
				paid(List.of(invoiceId), "write-off " + writeOffId);
				this.events.publishEvent(new InvoiceSettled(invoiceId, invoice.number(), invoice.customerId(), "PAID"));
			}
		}
		return written;
	}

	/**
	 * Takes back a payment applied to an invoice by mistake, in the caller's transaction.
	 */
	@Transactional
	public Money reversePayment(String invoiceId, String paymentId) {
		Invoice invoice = this.invoicing.load(invoiceId);
		InvoiceStatus before = invoice.status();
		Money reversed = invoice.reversePayment(paymentId);
		this.invoices.save(invoice);
		this.audit.record(Invoicing.DOCUMENT, invoiceId, "payment reversed", AuditTrail.changes("payment", paymentId,
				"amount", reversed, "status", before == invoice.status() ? before : before + " → " + invoice.status()));
		return reversed;
	}

}
