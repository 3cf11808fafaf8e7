package io.encaisse.payments;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.encaisse.customers.LegalIds;
import io.encaisse.payments.statements.Camt053;
import io.encaisse.payments.statements.Mt940;
import io.encaisse.shared.Amounts;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Our bank accounts and their statements. Importing a statement applies each credit as a
 * payment (matched by the reference the payer wrote) and lists debits as ignored; the
 * same file, or the same entry in another file, is recognised and applied once. A
 * statement for an unknown account is refused whole.
 */
@Service
@Transactional(readOnly = true)
public class BankStatements {

	public static final long MAX_FILE = 50L * 1024 * 1024;

	private final JdbcClient jdbc;

	private final Payments payments;

	private final AuditTrail audit;

	private final Today today;

	BankStatements(JdbcClient jdbc, Payments payments, AuditTrail audit, Today today) {
		this.jdbc = jdbc;
		this.payments = payments;
		this.audit = audit;
		this.today = today;
	}

	public record Account(String id, String name, String iban, String currency, String bic) {
	}

	public record Summary(String id, int entries, int matched, int suggested, int unmatched, int ignored,
			int alreadyImported) {
	}

	public record EntryView(String id, String bankReference, BigDecimal amount, String currency, boolean credit,
			LocalDate bookingDate, String remittance, String debtorName, String status, String reason, String paymentId,
			List<Allocation> allocations, List<PaymentView.Suggestion> suggestions) {
	}

	public record Allocation(String invoiceNumber, BigDecimal amount) {
	}

	@Transactional
	public Account addAccount(String name, String iban, String currency, String bic) {
		Problem.Errors errors = new Problem.Errors();
		if (name == null || name.isBlank()) {
			errors.add("name", "is required");
		}
		String normalized = iban == null ? null : iban.replace(" ", "").toUpperCase(Locale.ROOT);
		if (normalized == null || !LegalIds.isIban(normalized)) {
			errors.add("iban", iban == null ? "is required" : "'" + iban + "' is not a valid IBAN");
		}
		var cur = Amounts.currency(errors, "currency", currency == null || currency.isBlank() ? "EUR" : currency);
		if (bic != null && !bic.isBlank() && !bic.trim().matches("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
			errors.add("bic", "'" + bic + "' is not a BIC");
		}
		errors.throwIfAny();
		String id = Ids.next("bac");
		try {
			this.jdbc.sql("""
					insert into bank_account (id, name, iban, currency, bic, created_at)
					values (:id, :name, :iban, :currency, :bic, :at)""")
				.param("id", id)
				.param("name", name.trim())
				.param("iban", normalized)
				.param("currency", cur.getCurrencyCode())
				.param("bic", bic == null || bic.isBlank() ? null : bic.trim())
				.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new Problem.Invalid("iban", "the account " + normalized + " already exists");
		}
		this.audit.record("bank-account", id, "created", AuditTrail.changes("iban", normalized, "name", name));
		return new Account(id, name.trim(), normalized, cur.getCurrencyCode(), bic);
	}

	public List<Account> accounts() {
		return this.jdbc.sql("select id, name, iban, currency, bic from bank_account order by name")
			.query((rs, i) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	/** The statement formats read so far. */
	public enum Format {

		CAMT, MT940

	}

	/** Imports a statement file, all or nothing. */
	@Transactional
	public Summary importFile(byte[] file, Format format) {
		String hash = sha256(file);
		Optional<String> known = this.jdbc.sql("select id from bank_statement where file_hash = :h")
			.param("h", hash)
			.query(String.class)
			.optional();
		if (known.isPresent()) {
			return summary(known.get());
		}
		List<Camt053.Statement> statements = format == Format.CAMT ? Camt053.read(new ByteArrayInputStream(file))
				: Mt940.read(file);
		String id = Ids.next("bst");
		this.jdbc.sql("""
				insert into bank_statement (id, file_hash, format, imported_at, imported_by)
				values (:id, :hash, :format, :at, :by)""")
			.param("format", format.name())
			.param("id", id)
			.param("hash", hash)
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.param("by", AuditTrail.currentActor())
			.update();
		int already = 0;
		for (Camt053.Statement statement : statements) {
			String accountId = this.jdbc.sql("select id from bank_account where iban = :iban")
				.param("iban", statement.account().toUpperCase(Locale.ROOT))
				.query(String.class)
				.optional()
				.orElseThrow(() -> new Problem.Invalid("account", "statement " + statement.id() + " is for the account "
						+ statement.account() + ", which is not one of ours: add it first"));
			for (int n = 0; n < statement.entries().size(); n++) {
				Camt053.Entry entry = statement.entries().get(n);
				String key = entry.bankReference() != null ? "ref:" + entry.bankReference()
						: "hash:" + sha256((statement.id() + "|" + n + "|" + entry.amount() + "|" + entry.bookingDate()
								+ "|" + entry.remittance())
							.getBytes(StandardCharsets.UTF_8));
				boolean seen = this.jdbc
					.sql("select count(*) from bank_entry where bank_account_id = :a and entry_key = :k")
					.param("a", accountId)
					.param("k", key)
					.query(Integer.class)
					.single() > 0;
				if (seen) {
					already++;
					continue;
				}
				apply(id, accountId, key, entry);
			}
		}
		Summary summary = summary(id);
		this.audit.record("bank-statement", id, "imported", AuditTrail.changes("entries", summary.entries(), "matched",
				summary.matched(), "unmatched", summary.unmatched(), "alreadyImported", already));
		return new Summary(id, summary.entries(), summary.matched(), summary.suggested(), summary.unmatched(),
				summary.ignored(), already);
	}

	private void apply(String statementId, String accountId, String key, Camt053.Entry entry) {
		String status;
		String reason;
		String paymentId = null;
		if (!entry.credit()) {
			status = "IGNORED";
			reason = "a debit: only credits are matched";
		}
		else if (entry.amount().signum() <= 0) {
			status = "IGNORED";
			reason = "a credit of no amount";
		}
		else {
			LocalDate received = entry.bookingDate() != null ? entry.bookingDate()
					: entry.valueDate() != null ? entry.valueDate() : this.today.date();
			if (received.isAfter(this.today.date())) {
				received = this.today.date();
			}
			PaymentView payment = this.payments.receive(new PaymentInput(null, entry.amount().toPlainString(),
					entry.currency(), received, entry.remittance(), entry.debtorIban(), entry.debtorName()), false);
			paymentId = payment.id();
			status = entryStatus(payment.status());
			reason = payment.matchReason();
		}
		this.jdbc
			.sql("""
					insert into bank_entry (id, statement_id, bank_account_id, entry_key, bank_reference, amount, currency,
					                        credit, booking_date, value_date, remittance, debtor_name, debtor_iban, status,
					                        reason, payment_id)
					values (:id, :statement, :account, :key, :ref, :amount, :currency, :credit, :booked, :value, :remittance,
					        :debtor, :debtorIban, :status, :reason, :payment)""")
			.param("id", Ids.next("ben"))
			.param("statement", statementId)
			.param("account", accountId)
			.param("key", key)
			.param("ref", entry.bankReference())
			.param("amount", entry.amount())
			.param("currency", entry.currency())
			.param("credit", entry.credit())
			.param("booked", entry.bookingDate())
			.param("value", entry.valueDate())
			.param("remittance", truncate(entry.remittance(), 2000))
			.param("debtor", truncate(entry.debtorName(), 200))
			.param("debtorIban", truncate(entry.debtorIban(), 34))
			.param("status", status)
			.param("reason", truncate(reason, 500))
			.param("payment", paymentId)
			.update();
	}

	public Summary summary(String statementId) {
		List<String> statuses = this.jdbc.sql("select status from bank_entry where statement_id = :id")
			.param("id", statementId)
			.query(String.class)
			.list();
		if (statuses.isEmpty() && this.jdbc.sql("select count(*) from bank_statement where id = :id")
			.param("id", statementId)
			.query(Integer.class)
			.single() == 0) {
			throw new Problem.NotFound("bank statement", statementId);
		}
		return new Summary(statementId, statuses.size(), count(statuses, "MATCHED"), count(statuses, "SUGGESTED"),
				count(statuses, "UNMATCHED"), count(statuses, "IGNORED"), 0);
	}

	public Cursor.Page<EntryView> entries(String statementId, Cursor cursor) {
		summary(statementId);
		List<EntryView> rows = this.jdbc
			.sql("""
					select id, bank_reference, amount, currency, credit, booking_date, remittance, debtor_name, status, reason,
					       payment_id
					from bank_entry where statement_id = :statement and (:after = '' or id > :after)
					order by id limit :limit""")
			.param("limit", cursor.fetchSize())
			.param("statement", statementId)
			.param("after", cursor.startingAfter() == null ? "" : cursor.startingAfter())
			.query((rs, i) -> new EntryView(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
					rs.getBoolean(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8),
					rs.getString(9), rs.getString(10), rs.getString(11), List.of(), List.of()))
			.list();
		return cursor.page(rows).map(this::withAllocations);
	}

	private EntryView withAllocations(EntryView e) {
		if (e.paymentId() == null) {
			return e;
		}
		PaymentView payment = this.payments.get(e.paymentId());
		List<Allocation> allocations = payment.allocations()
			.stream()
			.map(a -> new Allocation(a.invoiceNumber(), a.amount().amount()))
			.toList();
		// the entry follows its payment: a person may have confirmed a suggestion since
		// the import
		return new EntryView(e.id(), e.bankReference(), e.amount(), e.currency(), e.credit(), e.bookingDate(),
				e.remittance(), e.debtorName(), entryStatus(payment.status()), e.reason(), e.paymentId(), allocations,
				payment.suggestions());
	}

	private static String entryStatus(PaymentStatus status) {
		return switch (status) {
			case UNMATCHED -> "UNMATCHED";
			case SUGGESTED -> "SUGGESTED";
			case MATCHED, PARTIALLY_MATCHED -> "MATCHED";
		};
	}

	private static int count(List<String> statuses, String status) {
		return (int) statuses.stream().filter(status::equals).count();
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
