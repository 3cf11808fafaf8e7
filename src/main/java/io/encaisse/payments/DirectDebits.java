package io.encaisse.payments;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.encaisse.customers.Customers;
import io.encaisse.customers.LegalIds;
import io.encaisse.invoicing.Receivables;
import io.encaisse.payments.statements.Camt053;
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

	/** The characters the SEPA rulebook lets through. */
	private static final String SEPA_TEXT = "[^A-Za-z0-9/?:().,'+ -]";

	private static final Map<String, String> RETURN_REASONS = Map.ofEntries(Map.entry("AC01", "incorrect account"),
			Map.entry("AC04", "account closed"), Map.entry("AC06", "account blocked"),
			Map.entry("AG01", "transaction forbidden on this account"), Map.entry("AM04", "insufficient funds"),
			Map.entry("MD01", "no valid mandate"), Map.entry("MD06", "refund requested by the debtor"),
			Map.entry("MD07", "debtor deceased"), Map.entry("MS02", "refused by the debtor"),
			Map.entry("MS03", "reason not specified"), Map.entry("SL01", "specific service of the debtor's bank"));

	private final JdbcClient jdbc;

	private final Customers customers;

	private final Receivables receivables;

	private final Payments payments;

	private final AuditTrail audit;

	private final Today today;

	private final String creditorId;

	private final String creditorName;

	DirectDebits(JdbcClient jdbc, Customers customers, Receivables receivables, Payments payments, AuditTrail audit,
			Today today, @Value("${encaisse.seller.sepa-creditor-id:FR72ZZZ123456}") String creditorId,
			@Value("${encaisse.seller.name:Atelier Numérique SAS}") String creditorName) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.receivables = receivables;
		this.payments = payments;
		this.audit = audit;
		this.today = today;
		this.creditorId = creditorId;
		this.creditorName = creditorName;
	}

	public record Mandate(String id, String customerId, String reference, LocalDate signedOn, String iban, String bic,
			String status, LocalDate firstCollectedOn) {
	}

	public record Item(String invoiceId, String invoiceNumber, String endToEndId, String mandateReference,
			String sequenceType, BigDecimal amount, String status, String returnReason, String customerName,
			String debtorIban, String debtorBic, LocalDate signedOn) {
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
			String name = this.customers.find(mandate.customerId()).map(c -> c.name()).orElse(mandate.customerId());
			for (Receivables.Versioned open : this.receivables.openPayables(mandate.customerId(), "EUR")) {
				Receivables.Payable invoice = open.payable();
				if (invoice.dueDate() == null || invoice.dueDate().isAfter(collectionDate)
						|| pending.contains(invoice.invoiceId())) {
					continue;
				}
				items.add(
						new Item(invoice.invoiceId(), invoice.number(), endToEnd(invoice.number()), mandate.reference(),
								mandate.firstCollectedOn() == null ? "FRST" : "RCUR", invoice.amountDue().amount(),
								"PENDING", null, name, mandate.iban(), mandate.bic(), mandate.signedOn()));
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

	private static String endToEnd(String number) {
		String e2e = number.replaceAll(SEPA_TEXT, "");
		return e2e.length() > 35 ? e2e.substring(0, 35) : e2e;
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
					rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10), rs.getString(11), rs.getObject(12, LocalDate.class)))
			.list();
		// the query gives the mandate's customer id where the item holds the debtor's
		// name:
		// one lookup per customer of the batch
		java.util.Map<String, String> names = new java.util.HashMap<>();
		items = items.stream()
			.map(it -> new Item(it.invoiceId(), it.invoiceNumber(), it.endToEndId(), it.mandateReference(),
					it.sequenceType(), it.amount(), it.status(), it.returnReason(),
					names.computeIfAbsent(it.customerName(),
							customerId -> this.customers.find(customerId).map(c -> c.name()).orElse(customerId)),
					it.debtorIban(), it.debtorBic(), it.signedOn()))
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
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			x.writeStartDocument("UTF-8", "1.0");
			x.writeStartElement("Document");
			x.writeDefaultNamespace("urn:iso:std:iso:20022:tech:xsd:pain.008.001.02");
			x.writeStartElement("CstmrDrctDbtInitn");
			x.writeStartElement("GrpHdr");
			text(x, "MsgId", c.messageId());
			text(x, "CreDtTm",
					LocalDateTime.ofInstant(this.today.instant(), ZoneOffset.UTC)
						.withNano(0)
						.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
			text(x, "NbOfTxs", String.valueOf(c.items().size()));
			text(x, "CtrlSum", amount(c.total()));
			x.writeStartElement("InitgPty");
			text(x, "Nm", sepa(this.creditorName, 70));
			x.writeEndElement();
			x.writeEndElement();
			for (String sequence : List.of("FRST", "RCUR")) {
				List<Item> items = c.items().stream().filter(i -> i.sequenceType().equals(sequence)).toList();
				if (items.isEmpty()) {
					continue;
				}
				x.writeStartElement("PmtInf");
				text(x, "PmtInfId", c.messageId() + "-" + sequence);
				text(x, "PmtMtd", "DD");
				text(x, "BtchBookg", "true");
				text(x, "NbOfTxs", String.valueOf(items.size()));
				text(x, "CtrlSum", amount(items.stream().map(Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add)));
				x.writeStartElement("PmtTpInf");
				x.writeStartElement("SvcLvl");
				text(x, "Cd", "SEPA");
				x.writeEndElement();
				x.writeStartElement("LclInstrm");
				text(x, "Cd", "CORE");
				x.writeEndElement();
				text(x, "SeqTp", sequence);
				x.writeEndElement();
				text(x, "ReqdColltnDt", c.collectionDate().toString());
				x.writeStartElement("Cdtr");
				text(x, "Nm", sepa(this.creditorName, 70));
				x.writeEndElement();
				account(x, "CdtrAcct", account[0]);
				agent(x, "CdtrAgt", account[1]);
				text(x, "ChrgBr", "SLEV");
				x.writeStartElement("CdtrSchmeId");
				x.writeStartElement("Id");
				x.writeStartElement("PrvtId");
				x.writeStartElement("Othr");
				text(x, "Id", this.creditorId);
				x.writeStartElement("SchmeNm");
				text(x, "Prtry", "SEPA");
				x.writeEndElement();
				x.writeEndElement();
				x.writeEndElement();
				x.writeEndElement();
				x.writeEndElement();
				for (Item item : items) {
					x.writeStartElement("DrctDbtTxInf");
					x.writeStartElement("PmtId");
					text(x, "EndToEndId", item.endToEndId());
					x.writeEndElement();
					x.writeStartElement("InstdAmt");
					x.writeAttribute("Ccy", "EUR");
					x.writeCharacters(amount(item.amount()));
					x.writeEndElement();
					x.writeStartElement("DrctDbtTx");
					x.writeStartElement("MndtRltdInf");
					text(x, "MndtId", item.mandateReference());
					text(x, "DtOfSgntr", item.signedOn().toString());
					x.writeEndElement();
					x.writeEndElement();
					agent(x, "DbtrAgt", item.debtorBic());
					x.writeStartElement("Dbtr");
					text(x, "Nm", sepa(item.customerName(), 70));
					x.writeEndElement();
					account(x, "DbtrAcct", item.debtorIban());
					x.writeStartElement("RmtInf");
					text(x, "Ustrd", sepa("Facture " + item.invoiceNumber(), 140));
					x.writeEndElement();
					x.writeEndElement();
				}
				x.writeEndElement();
			}
			x.writeEndElement();
			x.writeEndElement();
			x.writeEndDocument();
			x.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A debit on our statement that returns a direct debit (its end-to-end id is one we
	 * sent, with a return reason): the invoice is due again, the money it had received
	 * counted as gone back. Answers what was done, or nothing when the entry is no return
	 * of ours.
	 */
	@Transactional
	public Optional<String> returned(Camt053.Entry entry) {
		// a return carries its reason code; a transfer of ours quoting an invoice number
		// does not
		if (entry.returnReason() == null || entry.endToEndIds().isEmpty()) {
			return Optional.empty();
		}
		List<Item> items = new ArrayList<>();
		for (String e2e : entry.endToEndIds()) {
			this.jdbc
				.sql("""
						select invoice_id, invoice_number, end_to_end_id, mandate_ref, sequence_type, amount, status, return_reason
						from direct_debit_item where end_to_end_id = :e2e and status = 'PENDING'""")
				.param("e2e", e2e)
				.query((rs, i) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8), null, null, null, null))
				.list()
				.stream()
				.findFirst()
				.ifPresent(items::add);
		}
		BigDecimal total = items.stream().map(Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		// what goes back is what we collected for those invoices, to the cent
		if (items.isEmpty() || total.compareTo(entry.amount()) != 0) {
			return Optional.empty();
		}
		String code = entry.returnReason();
		String why = code + ": " + RETURN_REASONS.getOrDefault(code, "returned by the debtor's bank");
		List<String> done = new ArrayList<>();
		for (Item item : items) {
			this.jdbc.sql("""
					update direct_debit_item set status = 'RETURNED', return_reason = :code
					where end_to_end_id = :e2e and status = 'PENDING'""")
				.param("code", code.length() > 10 ? code.substring(0, 10) : code)
				.param("e2e", item.endToEndId())
				.update();
			String reopened = this.payments.returnCollected(item.invoiceId(), item.invoiceNumber(), item.endToEndId(),
					why);
			this.audit.record("direct-debit", item.endToEndId(), "returned",
					AuditTrail.changes("invoice", item.invoiceNumber(), "reason", why));
			done.add(item.invoiceNumber() + ": " + reopened);
		}
		return Optional.of("direct debit returned (" + why + "); " + String.join("; ", done));
	}

	private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
		x.writeStartElement(name);
		x.writeCharacters(value);
		x.writeEndElement();
	}

	private static void account(XMLStreamWriter x, String name, String iban) throws XMLStreamException {
		x.writeStartElement(name);
		x.writeStartElement("Id");
		text(x, "IBAN", iban);
		x.writeEndElement();
		x.writeEndElement();
	}

	private static void agent(XMLStreamWriter x, String name, String bic) throws XMLStreamException {
		x.writeStartElement(name);
		x.writeStartElement("FinInstnId");
		if (bic != null && !bic.isBlank()) {
			text(x, "BIC", bic);
		}
		else {
			x.writeStartElement("Othr");
			text(x, "Id", "NOTPROVIDED");
			x.writeEndElement();
		}
		x.writeEndElement();
		x.writeEndElement();
	}

	private static String amount(BigDecimal value) {
		return value.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
	}

	/** Text within the SEPA character set: accents dropped, anything else a space. */
	static String sepa(String text, int max) {
		String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace("&", "+")
			.replaceAll(SEPA_TEXT, " ")
			.replaceAll("\\s+", " ")
			.trim();
		return plain.isEmpty() ? "NOTPROVIDED" : plain.length() > max ? plain.substring(0, max) : plain;
	}

}
