package io.encaisse.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import io.encaisse.customers.Customers;
import io.encaisse.customers.LegalIds;
import io.encaisse.invoicing.InvoiceStatus;
import io.encaisse.invoicing.Receivables;
import io.encaisse.payments.domain.Payment;
import io.encaisse.payments.domain.PaymentRepository;
import io.encaisse.payments.matching.Ledger;
import io.encaisse.payments.matching.Matcher;
import io.encaisse.shared.Amounts;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.ConcurrentWrites;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The payments facade: record money received and apply it to the invoice it names. */
@Service
@Transactional(readOnly = true)
public class Payments {

	public static final String DOCUMENT = "payment";

	/** How many times a payment is tried against invoices others are changing. */
	static final int ATTEMPTS = 25;

	private final PaymentRepository payments;

	private final Receivables receivables;

	private final Customers customers;

	private final AuditTrail audit;

	private final Today today;

	private final ApplicationEventPublisher events;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final Matcher.Tolerance tolerance;

	private final String writeOffAccount;

	private final TransactionTemplate transactions;

	private final io.encaisse.shared.AggregateBatch batch;

	Payments(PaymentRepository payments, Receivables receivables, Customers customers, AuditTrail audit, Today today,
			ApplicationEventPublisher events, org.springframework.jdbc.core.simple.JdbcClient jdbc,
			@Value("${encaisse.payments.write-off.max-amount:10.00}") BigDecimal writeOffMaxAmount,
			@Value("${encaisse.payments.write-off.max-percent:2}") BigDecimal writeOffMaxPercent,
			@Value("${encaisse.payments.write-off.account:658000}") String writeOffAccount,
			TransactionTemplate transactions, io.encaisse.shared.AggregateBatch batch) {
		this.batch = batch;
		this.transactions = transactions;
		this.tolerance = new Matcher.Tolerance(writeOffMaxAmount, writeOffMaxPercent);
		this.writeOffAccount = writeOffAccount;
		this.jdbc = jdbc;
		this.payments = payments;
		this.receivables = receivables;
		this.customers = customers;
		this.audit = audit;
		this.today = today;
		this.events = events;
	}

	public PaymentView get(String id) {
		return view(this.payments.findById(id).orElseThrow(() -> new Problem.NotFound("payment", id)));
	}

	public Cursor.Page<PaymentView> list(Cursor cursor) {
		// the page's payments whole in one statement per table, whatever its size
		return this.batch.page(Payment.class, cursor).map(Payments::view);
	}

	/**
	 * Records a payment and applies it to the invoice its reference names (RF reference,
	 * then invoice number). Only a certain match is applied; anything else stays
	 * unmatched with the reason. Money received is always recorded: when the invoice is
	 * being changed by someone else at the same moment (another payment of it), the work
	 * is done again; if it still cannot be applied after {@link #ATTEMPTS} tries, the
	 * payment is kept unapplied with that reason, for a person to apply from the queue.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public PaymentView record(PaymentInput input) {
		try {
			return ConcurrentWrites.retry(this.transactions, ATTEMPTS, () -> receive(input, true, true));
		}
		catch (ConcurrencyFailureException | QueryTimeoutException stillChanging) {
			return ConcurrentWrites.retry(this.transactions, ATTEMPTS, () -> receive(input, true, false));
		}
	}

	/**
	 * Records money received. From the API a reference to a cancelled invoice is refused
	 * (409); from a bank statement the money is there whatever the payer wrote, so the
	 * entry stays unmatched with the reason.
	 */
	@Transactional
	public PaymentView receive(PaymentInput input, boolean refuseCancelledInvoice) {
		return receive(input, refuseCancelledInvoice, true);
	}

	private PaymentView receive(PaymentInput input, boolean refuseCancelledInvoice, boolean apply) {
		Problem.Errors errors = new Problem.Errors();
		Currency currency = Amounts.currency(errors, "currency", input.currency());
		BigDecimal amount = Amounts.positive(errors, "amount", input.amount(),
				currency == null ? 2 : currency.getDefaultFractionDigits());
		LocalDate receivedOn = input.receivedOn() == null ? this.today.date() : input.receivedOn();
		if (receivedOn.isAfter(this.today.date())) {
			errors.add("receivedOn", "must not be in the future");
		}
		String customerId = input.customerId() == null || input.customerId().isBlank() ? null : input.customerId();
		if (customerId != null && this.customers.find(customerId).isEmpty()) {
			errors.add("customerId", "customer '" + customerId + "' does not exist");
		}
		if (refuseCancelledInvoice && input.reference() != null && input.reference().length() > 500) {
			errors.add("reference", "must not exceed 500 characters");
		}
		// typed by a person or a program (a bank's statement says what it says)
		if (refuseCancelledInvoice && input.payerIban() != null && !input.payerIban().isBlank()
				&& !LegalIds.isIban(input.payerIban().replace(" ", "").toUpperCase(java.util.Locale.ROOT))) {
			errors.add("payerIban", "is not a valid IBAN");
		}
		if (refuseCancelledInvoice) {
			errors.maxLength("payerName", input.payerName(), 200);
		}
		errors.throwIfAny();
		Money money = new Money(amount, currency);
		String payerIban = input.payerIban() == null ? null : input.payerIban().replace(" ", "").toUpperCase();
		// a bank entry's text may be longer (a batch lists every transaction): all of it
		// is matched, the first 500 characters kept
		String kept = input.reference() == null || input.reference().length() <= 500 ? input.reference()
				: input.reference().substring(0, 500);
		Payment payment = Payment.received(Ids.next("pay"), customerId, money, receivedOn, kept, payerIban,
				input.payerName() == null || input.payerName().length() <= 200 ? input.payerName()
						: input.payerName().substring(0, 200),
				this.today.instant());
		Ledger ledger = ledger();
		if (refuseCancelledInvoice) {
			List<Receivables.Payable> named = ledger.named(input.reference());
			if (named.size() == 1 && named.get(0).status() == InvoiceStatus.CANCELLED) {
				throw new Problem.StateConflict("invoice " + named.get(0).number()
						+ " is cancelled (credited in full); it cannot be paid. Record the payment without this reference to keep it as the customer's credit.");
			}
		}
		Matcher.Decision decision = apply
				? Matcher.decide(new Matcher.Received(amount, currency.getCurrencyCode(), input.reference(), payerIban,
						input.payerName(), customerId), ledger, this.tolerance)
				: new Matcher.Decision(Matcher.Outcome.UNMATCHED, customerId, List.of(), List.of(),
						"the invoice was being changed by others while this payment was applied to it; apply it from the queue");
		apply(payment, decision);
		this.payments.save(payment);
		this.audit.record(DOCUMENT, payment.id(), "received", AuditTrail.changes("amount", money, "receivedOn",
				receivedOn, "status", payment.status(), "reason", payment.matchReason()));
		return view(payment);
	}

	/**
	 * A person confirms where (part of) an unapplied payment goes. The payer's IBAN is
	 * then remembered for the invoice's customer, so the next payment from that account
	 * is recognised.
	 */
	@Transactional
	public PaymentView allocate(String paymentId, String invoiceId) {
		return allocate(paymentId, invoiceId, null);
	}

	/**
	 * A person applies part of an unapplied payment to an invoice ({@code amount} null:
	 * as much as the invoice needs); splitting a payment is several of these.
	 */
	@Transactional
	public PaymentView allocate(String paymentId, String invoiceId, String amount) {
		Payment payment = this.payments.findById(paymentId)
			.orElseThrow(() -> new Problem.NotFound("payment", paymentId));
		if (!payment.unallocated().isPositive()) {
			throw new Problem.StateConflict("payment " + paymentId + " is fully applied already");
		}
		if (invoiceId == null || invoiceId.isBlank()) {
			throw new Problem.Invalid("invoiceId", "is required");
		}
		Receivables.Payable invoice = this.receivables.payable(invoiceId);
		if (!invoice.amountDue().currencyCode().equals(payment.currency())) {
			throw new Problem.Invalid("invoiceId",
					"invoice " + invoice.number() + " is in " + invoice.amountDue().currencyCode());
		}
		if (!invoice.status().isOpen()) {
			throw new Problem.StateConflict(
					"invoice " + invoice.number() + " is " + invoice.status() + "; nothing is due");
		}
		Money offered = payment.unallocated();
		if (amount != null && !amount.isBlank()) {
			Problem.Errors errors = new Problem.Errors();
			BigDecimal part = Amounts.positive(errors, "amount", amount.trim().replace(',', '.'),
					Currency.getInstance(payment.currency()).getDefaultFractionDigits());
			errors.throwIfAny();
			if (part.compareTo(offered.amount()) > 0) {
				throw new Problem.Invalid("amount",
						"only " + offered.amount().toPlainString() + " of the payment is left to apply");
			}
			offered = Money.of(part, payment.currency());
		}
		Money applied = this.receivables.recordPayment(invoiceId, paymentId, offered, payment.receivedOn());
		if (!applied.isPositive()) {
			throw new Problem.StateConflict(
					"payment " + paymentId + " is already applied to invoice " + invoice.number());
		}
		payment.allocate(invoiceId, invoice.number(), invoice.customerId(), applied,
				"confirmed by " + AuditTrail.currentActor());
		this.payments.save(payment);
		if (payment.payerIban() != null) {
			this.jdbc.sql("delete from payer_account where iban = :iban").param("iban", payment.payerIban()).update();
			this.jdbc.sql("insert into payer_account (iban, customer_id, learnt_at) values (:iban, :customer, :at)")
				.param("iban", payment.payerIban())
				.param("customer", invoice.customerId())
				.param("at", this.today.instant().atOffset(java.time.ZoneOffset.UTC))
				.update();
		}
		this.audit.record(DOCUMENT, paymentId, "allocated",
				AuditTrail.changes("invoice", invoice.number(), "amount", applied, "learntIban", payment.payerIban()));
		this.events.publishEvent(
				new PaymentApplied(paymentId, invoiceId, invoice.number(), applied.amount(), applied.currencyCode()));
		return view(payment);
	}

	/** Part of a payment for one invoice, as a clerk splits it. */
	public record Part(String invoiceId, String amount) {
	}

	/**
	 * A clerk splits a payment across invoices: every part is applied, or none (the first
	 * refusal names the part).
	 */
	@Transactional
	public PaymentView split(String paymentId, List<Part> parts) {
		if (parts.isEmpty()) {
			throw new Problem.Invalid("invoiceNumber", "name at least one invoice");
		}
		PaymentView last = null;
		for (Part part : parts) {
			last = allocate(paymentId, part.invoiceId(), part.amount());
		}
		return last;
	}

	/**
	 * Undoes an allocation (a wrong match): the invoice is due again and the money
	 * unapplied, both audited.
	 */
	@Transactional
	public PaymentView undo(String paymentId, String invoiceId) {
		Payment payment = this.payments.findById(paymentId)
			.orElseThrow(() -> new Problem.NotFound("payment", paymentId));
		Money amount = payment.unallocate(invoiceId,
				"allocation to " + invoiceId + " undone by " + AuditTrail.currentActor());
		this.receivables.reversePayment(invoiceId, paymentId);
		for (String writeOff : writeOffsOf(paymentId, invoiceId)) {
			this.receivables.reversePayment(invoiceId, writeOff);
			this.jdbc.sql("delete from payment_write_off where id = :id").param("id", writeOff).update();
		}
		this.payments.save(payment);
		this.audit.record(DOCUMENT, paymentId, "allocation undone",
				AuditTrail.changes("invoice", invoiceId, "amount", amount));
		return view(payment);
	}

	/**
	 * Applies what the customer has in credit (money received beyond what its invoices
	 * asked) to an invoice, oldest credit first. Applying the same credit to the same
	 * invoice again applies nothing.
	 */
	@Transactional
	public Money applyCredit(String customerId, String invoiceId) {
		Receivables.Payable invoice = this.receivables.payable(invoiceId);
		Money total = Money.zero(invoice.amountDue().currencyCode());
		List<String> credits = this.jdbc.sql("""
				select id from payment where customer_id = :customer and currency = :currency and on_account = true
				and unallocated > 0 order by received_on, id""")
			.param("customer", customerId)
			.param("currency", invoice.amountDue().currencyCode())
			.query(String.class)
			.list();
		for (String id : credits) {
			if (!invoice.status().isOpen() || !invoice.amountDue().isPositive()) {
				break;
			}
			Payment payment = this.payments.findById(id).orElseThrow();
			Money applied = this.receivables.recordPayment(invoiceId, id, payment.unallocated(), this.today.date());
			if (applied.isPositive()) {
				payment.allocate(invoiceId, invoice.number(), customerId, applied,
						"customer credit applied to invoice " + invoice.number());
				this.payments.save(payment);
				this.audit.record(DOCUMENT, id, "credit applied",
						AuditTrail.changes("invoice", invoice.number(), "amount", applied));
				this.events.publishEvent(
						new PaymentApplied(id, invoiceId, invoice.number(), applied.amount(), applied.currencyCode()));
				total = total.plus(applied);
				invoice = this.receivables.payable(invoiceId);
			}
		}
		return total;
	}

	/** Whether the customer has money in credit in this currency. */
	public boolean hasCredit(String customerId, String currency) {
		return this.jdbc.sql("""
				select count(*) from payment where customer_id = :customer and currency = :currency
				and on_account = true and unallocated > 0""")
			.param("customer", customerId)
			.param("currency", currency)
			.query(Integer.class)
			.single() > 0;
	}

	/** What the customer has in credit, per currency. */
	public List<Money> creditOf(String customerId) {
		return this.jdbc.sql("""
				select currency, sum(unallocated) from payment where customer_id = :customer and on_account = true
				and unallocated > 0 group by currency order by currency""")
			.param("customer", customerId)
			.query((rs, i) -> Money.of(rs.getBigDecimal(2), rs.getString(1)))
			.list();
	}

	/**
	 * A collected invoice's money went back (a direct debit returned): the latest payment
	 * applied to it is taken back and counted as returned, and the invoice is due again.
	 */
	@Transactional
	public String returnCollected(String invoiceId, String invoiceNumber, String endToEndId, String why) {
		// the payment that collected it: the one whose text lists its end-to-end id, else
		// the latest applied to it
		List<String[]> applied = this.jdbc.sql("""
				select a.payment_id, p.reference from payment_allocation a join payment p on p.id = a.payment_id
				where a.invoice_id = :invoice order by p.created_at desc, p.id desc""")
			.param("invoice", invoiceId)
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		if (applied.isEmpty()) {
			return "the invoice had received nothing yet: it stays due";
		}
		String paymentId = applied.stream()
			.filter(r -> r[1] != null && r[1].contains(endToEndId))
			.map(r -> r[0])
			.findFirst()
			.orElse(applied.get(0)[0]);
		Payment payment = this.payments.findById(paymentId).orElseThrow();
		Money returned = payment.returnAllocation(invoiceId, "direct debit of " + invoiceNumber + " returned: " + why);
		this.receivables.reversePayment(invoiceId, payment.id());
		for (String writeOff : writeOffsOf(paymentId, invoiceId)) {
			this.receivables.reversePayment(invoiceId, writeOff);
			this.jdbc.sql("delete from payment_write_off where id = :id").param("id", writeOff).update();
		}
		this.payments.save(payment);
		this.audit.record(DOCUMENT, payment.id(), "direct debit returned",
				AuditTrail.changes("invoice", invoiceNumber, "amount", returned, "reason", why));
		return "invoice " + invoiceNumber + " is due again";
	}

	Matcher.Tolerance tolerance() {
		return this.tolerance;
	}

	String writeOffAccount() {
		return this.writeOffAccount;
	}

	/** A ledger for one payment. */
	Ledger ledger() {
		return new DatabaseLedger(this.receivables, this.customers, this.jdbc);
	}

	/** Carries out a matching decision on a payment just received. */
	void apply(Payment payment, Matcher.Decision decision) {
		if (decision.outcome() == Matcher.Outcome.MATCHED) {
			for (Matcher.Allocation allocation : decision.allocations()) {
				Receivables.Payable invoice = allocation.invoice();
				Money applied = this.receivables.recordPayment(invoice.invoiceId(), payment.id(),
						Money.of(allocation.amount(), payment.currency()), payment.receivedOn());
				if (!applied.isPositive()) {
					continue;
				}
				payment.allocate(invoice.invoiceId(), invoice.number(), invoice.customerId(), applied,
						decision.reason());
				this.events.publishEvent(new PaymentApplied(payment.id(), invoice.invoiceId(), invoice.number(),
						applied.amount(), applied.currencyCode()));
				if (allocation.writeOff().signum() > 0) {
					writeOff(payment, invoice, Money.of(allocation.writeOff(), payment.currency()));
				}
			}
		}
		conclude(payment, decision);
	}

	/**
	 * What a decision leaves on a payment once its allocations are made (by one payment
	 * or by a statement in bulk): applied, with any rest on account as credit; suggested;
	 * or unmatched; and the payer when known.
	 */
	static void conclude(Payment payment, Matcher.Decision decision) {
		switch (decision.outcome()) {
			case MATCHED -> {
				if (payment.allocations().isEmpty()) {
					payment.leaveUnmatched(decision.reason());
				}
				else {
					payment.keepOnAccount();
				}
			}
			case SUGGESTED -> payment.suggest(decision.suggestions(), decision.reason());
			case UNMATCHED -> payment.leaveUnmatched(decision.reason());
		}
		if (payment.customerId() == null && decision.customerId() != null) {
			payment.attribute(decision.customerId());
		}
	}

	private void writeOff(Payment payment, Receivables.Payable invoice, Money difference) {
		String id = Ids.next("wof");
		Money written = this.receivables.writeOff(invoice.invoiceId(), id, difference, payment.receivedOn(),
				"left by payment " + payment.id());
		if (!written.isPositive()) {
			return;
		}
		this.jdbc
			.sql("""
					insert into payment_write_off (id, payment_id, invoice_id, amount, currency, account, reason, created_at)
					values (:id, :payment, :invoice, :amount, :currency, :account, :reason, :at)""")
			.param("id", id)
			.param("payment", payment.id())
			.param("invoice", invoice.invoiceId())
			.param("amount", written.amount())
			.param("currency", written.currencyCode())
			.param("account", this.writeOffAccount)
			.param("reason", "difference left by payment " + payment.id() + " on " + invoice.number())
			.param("at", this.today.instant().atOffset(java.time.ZoneOffset.UTC))
			.update();
		this.audit.record(DOCUMENT, payment.id(), "difference written off",
				AuditTrail.changes("invoice", invoice.number(), "amount", written, "account", this.writeOffAccount));
	}

	/** Write-offs a payment left, to take back with its allocation. */
	private List<String> writeOffsOf(String paymentId, String invoiceId) {
		return this.jdbc.sql("select id from payment_write_off where payment_id = :p and invoice_id = :i")
			.param("p", paymentId)
			.param("i", invoiceId)
			.query(String.class)
			.list();
	}

	static PaymentView view(Payment p) {
		Currency currency = Currency.getInstance(p.currency());
		return new PaymentView(p.id(), p.customerId(), p.amount(), p.receivedOn(), p.reference(), p.status(),
				p.unallocated(), p.matchReason(),
				p.allocations()
					.stream()
					.map(a -> new PaymentView.Allocation(a.invoiceId(), a.invoiceNumber(),
							new Money(a.amount(), currency)))
					.toList(),
				p.suggestions()
					.stream()
					.map(s -> new PaymentView.Suggestion(s.invoiceId(), s.invoiceNumber(),
							new Money(s.amount(), currency), s.confidence(), s.reason()))
					.toList(),
				p.payerIban(), p.payerName(), p.version());
	}

}
