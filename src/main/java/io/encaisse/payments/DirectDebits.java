package io.encaisse.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.encaisse.customers.Customers;
import io.encaisse.customers.LegalIds;
import io.encaisse.invoicing.Receivables;
import io.encaisse.payments.sepa.Pain008;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SEPA direct debit (CORE): customers' signed mandates, the pain.008.001.02 file that
 * asks our bank to collect the invoices due, and the returns that reopen an invoice. The
 * collected money comes back on the statement as one credit listing each transaction's
 * end-to-end id, which is the invoice number: matching then settles each invoice like any
 * transfer that names them.
 */
@Service
@Transactional(readOnly = true)
public class DirectDebits {

	private final JdbcClient jdbc;

	private final Customers customers;

	private final Receivables receivables;

	private final AuditTrail audit;

	private final Today today;

	private final String creditorId;

	private final String creditorName;

	DirectDebits(JdbcClient jdbc, Customers customers, Receivables receivables, AuditTrail audit, Today today,
			@Value("${encaisse.seller.sepa-creditor-id:FR72ZZZ123456}") String creditorId,
			@Value("${encaisse.seller.name:Atelier Numérique SAS}") String creditorName) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.receivables = receivables;
		this.audit = audit;
		this.today = today;
		this.creditorId = creditorId;
		this.creditorName = creditorName;
	}

	public record Mandate(String id, String customerId, String reference, LocalDate signedOn, String iban, String bic,
			String status, LocalDate firstCollectedOn) {
	}

	/** One invoice of a collection, with its debtor (the customer) and mandate. */
	public record Item(String invoiceId, String invoiceNumber, String endToEndId, String mandateReference,
			String sequenceType, BigDecimal amount, String status, String returnReason, String customerId,
			String customerName, String debtorIban, String debtorBic, LocalDate signedOn) {
	}

	public record Collection(String id, String messageId, String bankAccountId, LocalDate collectionDate,
			int transactions, BigDecimal total, List<Item> items) {
	}

	@Transactional
	public Mandate addMandate(String customerId, String reference, LocalDate signedOn, String iban, String bic) {
		Problem.Errors errors = new Problem.Errors();
		if (this.customers.find(customerId).isEmpty()) {
			throw new Problem.NotFound("customer", customerId);
		}
		reference = reference == null ? null : reference.strip();
		if (reference == null || !reference.matches("[A-Za-z0-9+?/:().,' -]{1,35}")) {
			errors.add("reference", "is required: 1 to 35 letters, digits or + ? / : ( ) . , ' - and spaces");
		}
		if (signedOn == null) {
			errors.add("signedOn", "is required");
		}
		else if (signedOn.isAfter(this.today.date())) {
			errors.add("signedOn", "must not be in the future");
		}
		String normalized = iban == null ? null : iban.replace(" ", "").toUpperCase(Locale.ROOT);
		if (normalized == null || !LegalIds.isIban(normalized)) {
			errors.add("iban", iban == null ? "is required" : "'" + iban + "' is not a valid IBAN");
		}
		if (bic != null && !bic.isBlank() && !bic.trim().matches("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
			errors.add("bic", "'" + bic + "' is not a BIC");
		}
		errors.throwIfAny();
		String id = Ids.next("mdt");
		try {
			this.jdbc.sql("""
					insert into sepa_mandate (id, customer_id, reference, signed_on, iban, bic, status, created_at)
					values (:id, :customer, :reference, :signed, :iban, :bic, 'ACTIVE', :at)""")
				.param("id", id)
				.param("customer", customerId)
				.param("reference", reference)
				.param("signed", signedOn)
				.param("iban", normalized)
				.param("bic", bic == null || bic.isBlank() ? null : bic.trim())
				.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new Problem.Invalid("reference", "a mandate '" + reference + "' already exists");
		}
		this.audit.record("customer", customerId, "SEPA mandate added",
				AuditTrail.changes("mandate", reference, "signedOn", signedOn, "iban", normalized));
		return mandates(customerId).stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
	}

	public List<Mandate> mandates(String customerId) {
		return this.jdbc.sql("""
				select id, customer_id, reference, signed_on, iban, bic, status, first_collected_on
				from sepa_mandate where customer_id = :customer order by created_at desc, id desc""")
			.param("customer", customerId)
			.query((rs, i) -> new Mandate(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getObject(8, LocalDate.class)))
			.list();
	}

	@Transactional
	public Mandate revoke(String customerId, String reference) {
		int changed = this.jdbc
			.sql("update sepa_mandate set status = 'REVOKED' where customer_id = :customer and reference = :reference")
			.param("customer", customerId)
			.param("reference", reference)
			.update();
		if (changed == 0) {
			throw new Problem.NotFound("mandate", reference);
		}
		this.audit.record("customer", customerId, "SEPA mandate revoked", AuditTrail.changes("mandate", reference));
		return mandates(customerId).stream().filter(m -> m.reference().equals(reference)).findFirst().orElseThrow();
	}

	/**
	 * Prepares the collection of every open euro invoice due by the collection date whose
	 * customer has an active mandate and that no pending collection already asks for.
	 */
	@Transactional
	public Collection collect(String bankAccountId, LocalDate collectionDate) {
		Problem.Errors errors = new Problem.Errors();
		Optional<String> currency = this.jdbc.sql("select currency from bank_account where id = :id")
			.param("id", bankAccountId == null ? "" : bankAccountId)
			.query(String.class)
			.optional();
		if (currency.isEmpty()) {
			errors.add("bankAccountId", "is not one of our bank accounts");
		}
		else if (!"EUR".equals(currency.get())) {
			errors.add("bankAccountId", "SEPA direct debits are collected in euros, on a euro account");
		}
		if (collectionDate == null) {
			errors.add("collectionDate", "is required");
		}
		else if (!collectionDate.isAfter(this.today.date())) {
			errors.add("collectionDate", "must be a later day than today (the bank needs the file the day before)");
		}
		errors.throwIfAny();
		List<Mandate> active = this.jdbc.sql("""
				select id, customer_id, reference, signed_on, iban, bic, status, first_collected_on
				from sepa_mandate m where status = 'ACTIVE' and not exists (select 1 from sepa_mandate n
				  where n.customer_id = m.customer_id and n.status = 'ACTIVE' and n.created_at > m.created_at)
				order by customer_id""")
			.query((rs, i) -> new Mandate(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getObject(8, LocalDate.class)))
			.list();
		List<Item> items = new ArrayList<>();
		java.util.Set<String> pending = new java.util.HashSet<>(
				this.jdbc.sql("select invoice_id from direct_debit_item where status = 'PENDING'")
					.query(String.class)
					.list());
		for (Mandate mandate : active) {
			for (Receivables.Versioned open : this.receivables.openPayables(mandate.customerId(), "EUR")) {
				Receivables.Payable invoice = open.payable();
				if (invoice.dueDate() == null || invoice.dueDate().isAfter(collectionDate)
						|| pending.contains(invoice.invoiceId())) {
					continue;
				}
				items.add(new Item(invoice.invoiceId(), invoice.number(), Pain008.endToEndId(invoice.number()),
						mandate.reference(), mandate.firstCollectedOn() == null ? "FRST" : "RCUR",
						invoice.amountDue().amount(), "PENDING", null, mandate.customerId(), null, mandate.iban(),
						mandate.bic(), mandate.signedOn()));
			}
		}
		if (items.isEmpty()) {
			throw new Problem.Invalid("collectionDate",
					"no open invoice of a customer with an active mandate is due by " + collectionDate);
		}
		String id = Ids.next("ddb");
		String messageId = ("DD-" + id.substring(4)).substring(0, Math.min(35, id.length() - 1));
		BigDecimal total = items.stream().map(Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		this.jdbc
			.sql("""
					insert into direct_debit (id, message_id, bank_account_id, collection_date, transactions, total, created_at,
					  created_by) values (:id, :msg, :account, :date, :n, :total, :at, :by)""")
			.param("id", id)
			.param("msg", messageId)
			.param("account", bankAccountId)
			.param("date", collectionDate)
			.param("n", items.size())
			.param("total", total)
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.param("by", AuditTrail.currentActor())
			.update();
		for (int n = 0; n < items.size(); n++) {
			Item item = items.get(n);
			this.jdbc
				.sql("""
						insert into direct_debit_item (direct_debit_id, line_index, invoice_id, invoice_number, end_to_end_id,
						  mandate_ref, sequence_type, amount, status)
						values (:id, :n, :invoice, :number, :e2e, :mandate, :seq, :amount, 'PENDING')""")
				.param("id", id)
				.param("n", n)
				.param("invoice", item.invoiceId())
				.param("number", item.invoiceNumber())
				.param("e2e", item.endToEndId())
				.param("mandate", item.mandateReference())
				.param("seq", item.sequenceType())
				.param("amount", item.amount())
				.update();
		}
		this.jdbc.sql("""
				update sepa_mandate set first_collected_on = :date where first_collected_on is null and reference in
				(select mandate_ref from direct_debit_item where direct_debit_id = :id)""")
			.param("date", collectionDate)
			.param("id", id)
			.update();
		this.audit.record("direct-debit", id, "prepared", AuditTrail.changes("collectionDate", collectionDate,
				"transactions", items.size(), "total", Money.of(total, "EUR")));
		return get(id);
	}

	public Collection get(String id) {
		Collection head = this.jdbc
			.sql("""
					select id, message_id, bank_account_id, collection_date, transactions, total from direct_debit where id = :id""")
			.param("id", id)
			.query((rs, i) -> new Collection(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getBigDecimal(6), List.of()))
			.optional()
			.orElseThrow(() -> new Problem.NotFound("direct debit", id));
		List<Item> items = this.jdbc
			.sql("""
					select i.invoice_id, i.invoice_number, i.end_to_end_id, i.mandate_ref, i.sequence_type, i.amount, i.status,
					       i.return_reason, m.customer_id, m.iban, m.bic, m.signed_on
					from direct_debit_item i join sepa_mandate m on m.reference = i.mandate_ref
					where i.direct_debit_id = :id order by i.line_index""")
			.param("id", id)
			.query((rs, i) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getString(9), null,
					rs.getString(10), rs.getString(11), rs.getObject(12, LocalDate.class)))
			.list();
		// the debtors' names, all of them in one statement
		java.util.Map<String, String> names = this.customers
			.namesOf(items.stream().map(Item::customerId).distinct().toList());
		items = items.stream()
			.map(it -> new Item(it.invoiceId(), it.invoiceNumber(), it.endToEndId(), it.mandateReference(),
					it.sequenceType(), it.amount(), it.status(), it.returnReason(), it.customerId(),
					names.getOrDefault(it.customerId(), it.customerId()), it.debtorIban(), it.debtorBic(),
					it.signedOn()))
			.toList();
		return new Collection(head.id(), head.messageId(), head.bankAccountId(), head.collectionDate(),
				head.transactions(), head.total(), items);
	}

	/**
	 * The pain.008.001.02 file to send to the bank: one payment information per sequence
	 * type.
	 */
	public byte[] pain008(String id) {
		Collection c = get(id);
		var account = this.jdbc.sql("select iban, bic from bank_account where id = :id")
			.param("id", c.bankAccountId())
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
		return Pain008.write(new Pain008.Creditor(this.creditorName, this.creditorId, account[0], account[1]),
				new Pain008.Collection(c.messageId(), this.today.instant(), c.collectionDate(), c.total(),
						c.items()
							.stream()
							.map(i -> new Pain008.Transaction(i.endToEndId(), i.amount(), i.sequenceType(),
									i.mandateReference(), i.signedOn(), i.customerName(), i.debtorIban(), i.debtorBic(),
									i.invoiceNumber()))
							.toList()));
	}

}
