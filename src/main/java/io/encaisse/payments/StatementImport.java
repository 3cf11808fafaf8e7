package io.encaisse.payments;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.encaisse.customers.Customers;
import io.encaisse.invoicing.Receivables;
import io.encaisse.payments.domain.Payment;
import io.encaisse.payments.domain.PaymentAllocation;
import io.encaisse.payments.domain.PaymentSuggestion;
import io.encaisse.payments.matching.Matcher;
import io.encaisse.payments.statements.Camt053;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Bulk;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies a statement's new entries in bulk, in the caller's transaction: the entries are
 * decided in memory (by the same {@link Matcher} as a single payment, over a
 * {@link StatementLedger} read up front) slice after slice on a second thread, while the
 * slice decided before is written in batches on the caller's: payments, allocations,
 * suggestions, settlements of the invoices (refused if any changed meanwhile),
 * write-offs, entries, audit. Returned direct debits are handled last, one by one. A
 * failure anywhere rolls the whole import back with the transaction. See ADR 0009.
 */
@Component
class StatementImport {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StatementImport.class);

	private final Receivables receivables;

	private final Customers customers;

	private final Payments payments;

	private final DirectDebitReturns directDebits;

	private final JdbcClient jdbc;

	private final Bulk bulk;

	private final AuditTrail audit;

	private final Today today;

	private final ApplicationEventPublisher events;

	StatementImport(Receivables receivables, Customers customers, Payments payments, DirectDebitReturns directDebits,
			JdbcClient jdbc, Bulk bulk, AuditTrail audit, Today today, ApplicationEventPublisher events) {
		this.receivables = receivables;
		this.customers = customers;
		this.payments = payments;
		this.directDebits = directDebits;
		this.jdbc = jdbc;
		this.bulk = bulk;
		this.audit = audit;
		this.today = today;
		this.events = events;
	}

	/** A new entry of the statement, with its key and the account it was booked on. */
	record Fresh(String accountId, String key, Camt053.Entry entry) {
	}

	private static final class Row {

		final String id = Ids.next("ben");

		final Fresh fresh;

		String status;

		String reason;

		Payment payment;

		Row(Fresh fresh) {
			this.fresh = fresh;
		}

	}

	/**
	 * Entries decided and written per slice: the next slice is decided on a second thread
	 * while this one is written (the writes wait on the database, the decisions on the
	 * CPU).
	 */
	static final int SLICE = 10_000;

	private int slice = SLICE;

	/** For tests: a smaller slice, to show that one import over several slices is one. */
	void slice(int entries) {
		this.slice = Math.max(1, entries);
	}

	/** What one slice's decisions write. */
	private static final class Slice {

		final List<Row> rows = new ArrayList<>();

		final List<Receivables.Settlement> settlements = new ArrayList<>();

		/**
		 * The version each invoice settled in this slice is at when the slice is written.
		 */
		final Map<String, Long> versions = new HashMap<>();

		final List<Object[]> writeOffs = new ArrayList<>();

		final List<AuditTrail.Change> changes = new ArrayList<>();

		final List<PaymentApplied> applied = new ArrayList<>();

		/** Each invoice as it stands before this slice settles it. */
		final Map<String, Receivables.Payable> before = new HashMap<>();

		long nanos;

	}

	void apply(String statementId, List<Fresh> fresh) {
		List<StatementLedger.Incoming> incoming = new ArrayList<>();
		Problem.Errors errors = new Problem.Errors();
		int number = 0;
		for (Fresh f : fresh) {
			number++;
			Camt053.Entry e = f.entry();
			if (e.booked() && e.credit() && e.amount().signum() > 0) {
				Currency currency;
				try {
					currency = Currency.getInstance(e.currency());
				}
				catch (IllegalArgumentException ex) {
					errors.add("file", "entry " + number + ": '" + e.currency() + "' is not a currency");
					continue;
				}
				if (e.amount().stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
					errors.add("file", "entry " + number + ": " + e.amount().toPlainString()
							+ " has more decimals than " + currency.getCurrencyCode() + " allows");
					continue;
				}
				incoming
					.add(new StatementLedger.Incoming(e.remittance(), iban(e.debtorIban()), e.currency(), e.amount()));
			}
		}
		errors.throwIfAny();
		long t0 = System.nanoTime();
		StatementLedger ledger = new StatementLedger(this.receivables, this.customers, this.jdbc, incoming);
		long t1 = System.nanoTime();
		// the versions as this import moves them: each slice's write settles an invoice
		// once
		Map<String, Long> versions = new HashMap<>(ledger.versions());
		Matcher.Tolerance tolerance = this.payments.tolerance();
		String writeOffAccount = this.payments.writeOffAccount();
		List<Row> rows = new ArrayList<>(fresh.size());
		List<PaymentApplied> applied = new ArrayList<>();
		long decided = 0;
		long written = 0;
		ExecutorService decider = Executors.newSingleThreadExecutor(r -> new Thread(r, "statement-decider"));
		try {
			int size = this.slice;
			Future<Slice> next = decider.submit(() -> decide(fresh.subList(0, Math.min(size, fresh.size())), ledger,
					versions, tolerance, writeOffAccount));
			for (int from = 0; from < fresh.size(); from += size) {
				Slice done = await(next);
				int following = from + size;
				if (following < fresh.size()) {
					next = decider
						.submit(() -> decide(fresh.subList(following, Math.min(following + size, fresh.size())), ledger,
								versions, tolerance, writeOffAccount));
				}
				long w0 = System.nanoTime();
				write(statementId, done);
				written += System.nanoTime() - w0;
				decided += done.nanos;
				rows.addAll(done.rows);
				applied.addAll(done.applied);
			}
		}
		finally {
			decider.shutdownNow();
		}
		log.debug(
				"statement {}: {} entries; ledger read in {} ms, decided in {} ms alongside the writes, written in {} ms,"
						+ " {} ms in all",
				statementId, rows.size(), (t1 - t0) / 1_000_000, decided / 1_000_000, written / 1_000_000,
				(System.nanoTime() - t0) / 1_000_000);
		applied.forEach(this.events::publishEvent);
		// returned direct debits, one by one, once the statement's money is in place
		for (Row row : rows) {
			Camt053.Entry e = row.fresh.entry();
			if (e.booked() && !e.credit()) {
				Optional<String> returned = this.directDebits.returned(e);
				if (returned.isPresent()) {
					this.jdbc.sql("update bank_entry set status = 'RETURNED', reason = :reason where id = :id")
						.param("reason", truncate(returned.get(), 500))
						.param("id", row.id)
						.update();
				}
			}
		}
	}

	private static Slice await(Future<Slice> slice) {
		try {
			return slice.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while deciding a statement's entries", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * Decides a slice's entries over the ledger (on the decider thread: the only one that
	 * touches the ledger and the versions), applying each decision to the ledger.
	 */
	private Slice decide(List<Fresh> entries, StatementLedger ledger, Map<String, Long> versions,
			Matcher.Tolerance tolerance, String writeOffAccount) {
		long t0 = System.nanoTime();
		Slice slice = new Slice();
		for (Fresh f : entries) {
			Row row = new Row(f);
			slice.rows.add(row);
			Camt053.Entry e = f.entry();
			if (!e.booked()) {
				row.status = "IGNORED";
				row.reason = "not booked (" + e.status() + "): no money has moved yet";
			}
			else if (!e.credit()) {
				row.status = "IGNORED";
				row.reason = "a debit: only credits are matched";
			}
			else if (e.amount().signum() <= 0) {
				row.status = "IGNORED";
				row.reason = "a credit of no amount";
			}
			else {
				row.payment = decide(row, e, ledger, slice, tolerance, writeOffAccount);
			}
		}
		// each invoice settled here is updated once when the slice is written
		for (String invoiceId : slice.before.keySet()) {
			slice.versions.put(invoiceId, versions.get(invoiceId));
			versions.put(invoiceId, versions.get(invoiceId) + 1);
		}
		slice.nanos = System.nanoTime() - t0;
		return slice;
	}

	private Payment decide(Row row, Camt053.Entry e, StatementLedger ledger, Slice slice, Matcher.Tolerance tolerance,
			String writeOffAccount) {
		LocalDate received = e.bookingDate() != null ? e.bookingDate()
				: e.valueDate() != null ? e.valueDate() : this.today.date();
		if (received.isAfter(this.today.date())) {
			received = this.today.date();
		}
		String iban = iban(e.debtorIban());
		Payment payment = Payment.received(Ids.next("pay"), null, Money.of(e.amount(), e.currency()), received,
				truncate(e.remittance(), 500), iban, truncate(e.debtorName(), 200), this.today.instant());
		Matcher.Decision decision = Matcher.decide(
				new Matcher.Received(e.amount(), e.currency(), e.remittance(), iban, e.debtorName(), null), ledger,
				tolerance);
		if (decision.outcome() == Matcher.Outcome.MATCHED) {
			for (Matcher.Allocation a : decision.allocations()) {
				String invoiceId = a.invoice().invoiceId();
				Receivables.Payable now = ledger.current(invoiceId);
				BigDecimal amount = a.amount().min(now.amountDue().amount());
				if (amount.signum() <= 0) {
					continue;
				}
				Receivables.Payable before = slice.before.computeIfAbsent(invoiceId, id -> now);
				payment.allocate(invoiceId, now.number(), now.customerId(), Money.of(amount, e.currency()),
						decision.reason());
				slice.settlements.add(new Receivables.Settlement(before, payment.id(), amount, received, false));
				ledger.settled(invoiceId, amount);
				slice.applied.add(new PaymentApplied(payment.id(), invoiceId, now.number(), amount, e.currency()));
				BigDecimal writeOff = a.writeOff().min(ledger.current(invoiceId).amountDue().amount());
				if (writeOff.signum() > 0) {
					String id = Ids.next("wof");
					slice.settlements.add(new Receivables.Settlement(before, id, writeOff, received, true));
					ledger.settled(invoiceId, writeOff);
					slice.writeOffs.add(new Object[] { id, payment.id(), invoiceId, writeOff, e.currency(),
							writeOffAccount, "difference left by payment " + payment.id() + " on " + now.number(),
							Timestamp.from(this.today.instant()) });
					slice.changes.add(new AuditTrail.Change(Payments.DOCUMENT, payment.id(), "difference written off",
							AuditTrail.changes("invoice", now.number(), "amount", Money.of(writeOff, e.currency()),
									"account", writeOffAccount)));
				}
			}
		}
		Payments.conclude(payment, decision);
		row.status = switch (payment.status()) {
			case UNMATCHED -> "UNMATCHED";
			case SUGGESTED -> "SUGGESTED";
			case MATCHED, PARTIALLY_MATCHED -> "MATCHED";
		};
		row.reason = payment.matchReason();
		slice.changes.add(new AuditTrail.Change(Payments.DOCUMENT, payment.id(), "received",
				AuditTrail.changes("amount", payment.amount(), "receivedOn", received, "status", payment.status(),
						"reason", payment.matchReason())));
		return payment;
	}

	private void write(String statementId, Slice slice) {
		List<Row> rows = slice.rows;
		long started = System.nanoTime();
		List<Object[]> paymentRows = new ArrayList<>();
		List<Object[]> allocationRows = new ArrayList<>();
		List<Object[]> suggestionRows = new ArrayList<>();
		List<Object[]> entryRows = new ArrayList<>();
		for (Row row : rows) {
			Payment p = row.payment;
			if (p != null) {
				paymentRows.add(new Object[] { p.id(), p.customerId(), p.amount().amount(), p.currency(),
						p.receivedOn(), p.reference(), p.status().name(), p.unallocated().amount(),
						truncate(p.matchReason(), 500), 0L, Timestamp.from(p.createdAt()), p.payerIban(), p.payerName(),
						BigDecimal.ZERO, p.onAccount() });
				List<PaymentAllocation> allocations = p.allocations();
				for (int i = 0; i < allocations.size(); i++) {
					PaymentAllocation a = allocations.get(i);
					allocationRows.add(new Object[] { p.id(), i, a.invoiceId(), a.invoiceNumber(), a.amount() });
				}
				List<PaymentSuggestion> suggestions = p.suggestions();
				for (int i = 0; i < suggestions.size(); i++) {
					PaymentSuggestion s = suggestions.get(i);
					suggestionRows.add(new Object[] { p.id(), i, s.invoiceId(), s.invoiceNumber(), s.amount(),
							s.confidence(), truncate(s.reason(), 500) });
				}
			}
			Camt053.Entry e = row.fresh.entry();
			entryRows.add(new Object[] { row.id, statementId, row.fresh.accountId(), row.fresh.key(), e.bankReference(),
					e.amount(), e.currency(), e.credit(), e.bookingDate(), e.valueDate(),
					truncate(e.remittance(), 2000), truncate(e.debtorName(), 200), truncate(e.debtorIban(), 34),
					row.status, truncate(row.reason, 500), p == null ? null : p.id() });
		}
		this.bulk.insert("payment", """
				id, customer_id, amount, currency, received_on, reference, status, unallocated, match_reason, version,
				created_at, payer_iban, payer_name, amount_returned, on_account""", paymentRows);
		this.bulk.insert("payment_allocation", "payment_id, line_index, invoice_id, invoice_number, amount",
				allocationRows);
		this.bulk.insert("payment_suggestion",
				"payment_id, line_index, invoice_id, invoice_number, amount, confidence, reason", suggestionRows);
		long w0 = System.nanoTime();
		this.receivables.settleAll(slice.settlements, slice.versions);
		log.debug("payments, allocations, suggestions written in {} ms, invoices settled in {} ms",
				(w0 - started) / 1_000_000, (System.nanoTime() - w0) / 1_000_000);
		this.bulk.insert("payment_write_off",
				"id, payment_id, invoice_id, amount, currency, account, reason, created_at", slice.writeOffs);
		this.bulk.insert("bank_entry", """
				id, statement_id, bank_account_id, entry_key, bank_reference, amount, currency, credit, booking_date,
				value_date, remittance, debtor_name, debtor_iban, status, reason, payment_id""", entryRows);
		this.audit.recordAll(slice.changes);
	}

	private static String iban(String iban) {
		return iban == null ? null : iban.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

}
