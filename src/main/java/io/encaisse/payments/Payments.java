package io.encaisse.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import io.encaisse.customers.Customers;
import io.encaisse.invoicing.InvoiceStatus;
import io.encaisse.invoicing.Invoicing;
import io.encaisse.payments.domain.Payment;
import io.encaisse.payments.domain.PaymentRepository;
import io.encaisse.shared.Amounts;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The payments facade: record money received and apply it to the invoice it names. */
@Service
@Transactional(readOnly = true)
public class Payments {

	public static final String DOCUMENT = "payment";

	private final PaymentRepository payments;

	private final Invoicing invoicing;

	private final Customers customers;

	private final AuditTrail audit;

	private final Today today;

	private final ApplicationEventPublisher events;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Payments(PaymentRepository payments, Invoicing invoicing, Customers customers, AuditTrail audit, Today today,
			ApplicationEventPublisher events, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.payments = payments;
		this.invoicing = invoicing;
		this.customers = customers;
		this.audit = audit;
		this.today = today;
		this.events = events;
	}

	public PaymentView get(String id) {
		return view(this.payments.findById(id).orElseThrow(() -> new Problem.NotFound("payment", id)));
	}

	public Cursor.Page<PaymentView> list(Cursor cursor) {
		return cursor.fetch(this.payments::findByOrderByIdDesc, this.payments::findByIdLessThanOrderByIdDesc)
			.map(Payments::view);
	}

	public List<PaymentView> ofCustomer(String customerId) {
		return this.payments.findByCustomerIdOrderByIdDesc(customerId).stream().map(Payments::view).toList();
	}

	/**
	 * Records a payment and applies it to the invoice its reference names (RF reference,
	 * then invoice number). Only a certain match is applied; anything else stays
	 * unmatched with the reason.
	 */
	@Transactional
	public PaymentView record(PaymentInput input) {
		return receive(input, true);
	}

	/**
	 * Records money received. From the API a reference to a cancelled invoice is refused
	 * (409); from a bank statement the money is there whatever the payer wrote, so the
	 * entry stays unmatched with the reason.
	 */
	@Transactional
	public PaymentView receive(PaymentInput input, boolean refuseCancelledInvoice) {
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
		if (input.reference() != null && input.reference().length() > 500) {
			errors.add("reference", "must not exceed 500 characters");
		}
		errors.throwIfAny();
		Money money = new Money(amount, currency);
		String payerIban = input.payerIban() == null ? null : input.payerIban().replace(" ", "").toUpperCase();
		Payment payment = Payment.received(Ids.next("pay"), customerId, money, receivedOn, input.reference(), payerIban,
				input.payerName(), this.today.instant());
		Optional<Invoicing.Payable> target = this.invoicing.findPayable(input.reference());
		if (target.isEmpty()) {
			suggest(payment, money, customerId != null ? customerId : payerOf(payerIban).orElse(null));
		}
		else {
			Invoicing.Payable invoice = target.get();
			if (invoice.status() == InvoiceStatus.CANCELLED && !refuseCancelledInvoice) {
				payment.leaveUnmatched("the reference names invoice " + invoice.number() + ", which is cancelled");
			}
			else if (invoice.status() == InvoiceStatus.CANCELLED) {
				throw new Problem.StateConflict("invoice " + invoice.number()
						+ " is cancelled (credited in full); it cannot be paid. Record the payment without this reference to keep it as the customer's credit.");
			}
			else if (customerId != null && !customerId.equals(invoice.customerId())) {
				payment.leaveUnmatched("the reference names invoice " + invoice.number() + " of another customer");
			}
			else if (!invoice.amountDue().currencyCode().equals(money.currencyCode())) {
				payment.leaveUnmatched("invoice " + invoice.number() + " is in " + invoice.amountDue().currencyCode());
			}
			else if (invoice.status() == InvoiceStatus.PAID || !invoice.amountDue().isPositive()) {
				payment.leaveUnmatched("invoice " + invoice.number() + " is already paid");
			}
			else {
				Money applied = this.invoicing.recordPayment(invoice.invoiceId(), payment.id(), money, receivedOn);
				payment.allocate(invoice.invoiceId(), invoice.number(), invoice.customerId(), applied,
						"reference names invoice " + invoice.number());
				this.events.publishEvent(new PaymentApplied(payment.id(), invoice.invoiceId(), invoice.number(),
						applied.amount(), applied.currencyCode()));
			}
		}
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
		Payment payment = this.payments.findById(paymentId)
			.orElseThrow(() -> new Problem.NotFound("payment", paymentId));
		if (!payment.unallocated().isPositive()) {
			throw new Problem.StateConflict("payment " + paymentId + " is fully applied already");
		}
		if (invoiceId == null || invoiceId.isBlank()) {
			throw new Problem.Invalid("invoiceId", "is required");
		}
		Invoicing.Payable invoice = this.invoicing.payable(invoiceId);
		if (!invoice.amountDue().currencyCode().equals(payment.currency())) {
			throw new Problem.Invalid("invoiceId",
					"invoice " + invoice.number() + " is in " + invoice.amountDue().currencyCode());
		}
		if (!invoice.status().isOpen()) {
			throw new Problem.StateConflict(
					"invoice " + invoice.number() + " is " + invoice.status() + "; nothing is due");
		}
		Money applied = this.invoicing.recordPayment(invoiceId, paymentId, payment.unallocated(), payment.receivedOn());
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
		this.invoicing.reversePayment(invoiceId, paymentId);
		this.payments.save(payment);
		this.audit.record(DOCUMENT, paymentId, "allocation undone",
				AuditTrail.changes("invoice", invoiceId, "amount", amount));
		return view(payment);
	}

	private void suggest(Payment payment, Money money, String customerId) {
		if (customerId != null) {
			String payer = this.customers.find(customerId).map(c -> c.name()).orElse(customerId);
			var candidates = io.encaisse.payments.matching.Candidates.ofKnownPayer(payer, money.amount(),
					this.invoicing.openOf(customerId, money.currencyCode()));
			payment.suggest(candidates,
					candidates.isEmpty()
							? "no invoice number or RF reference in the payment, and no open invoice of " + payer
									+ " fits the amount"
							: "no reference: candidates among the open invoices of " + payer);
		}
		else {
			var candidates = io.encaisse.payments.matching.Candidates.ofUnknownPayer(money.amount(),
					this.invoicing.openWithAmountDue(money));
			payment.suggest(candidates,
					candidates.isEmpty() ? "no invoice number or RF reference found in the payment reference"
							: "no reference and an unknown payer: one open invoice has exactly this amount");
		}
	}

	/**
	 * The customer a payer's IBAN belongs to: learnt from confirmed matches, or the
	 * customer's own IBAN.
	 */
	private Optional<String> payerOf(String iban) {
		if (iban == null) {
			return Optional.empty();
		}
		Optional<String> learnt = this.jdbc.sql("select customer_id from payer_account where iban = :iban")
			.param("iban", iban)
			.query(String.class)
			.optional();
		return learnt.isPresent() ? learnt : this.customers.findByIban(iban).map(c -> c.id());
	}

	private static PaymentView view(Payment p) {
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
