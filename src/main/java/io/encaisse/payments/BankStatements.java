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
import java.util.concurrent.locks.ReentrantLock;

import io.encaisse.customers.LegalIds;
import io.encaisse.payments.statements.BankCsv;
import io.encaisse.payments.statements.Camt053;
import io.encaisse.payments.statements.Mt940;
import io.encaisse.shared.Amounts;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final StatementImport statementImport;

	private final TransactionTemplate transactions;

	private final ReentrantLock[] sameFile = new ReentrantLock[64];

	BankStatements(JdbcClient jdbc, Payments payments, AuditTrail audit, Today today, StatementImport statementImport,
			TransactionTemplate transactions) {
		this.transactions = transactions;
		java.util.Arrays.setAll(this.sameFile, i -> new ReentrantLock());
		this.statementImport = statementImport;
		this.jdbc = jdbc;
		this.payments = payments;
		this.audit = audit;
		this.today = today;
	}

	public record Account(String id, String name, String iban, String currency, String bic) {
	}

	/**
	 * What an import did; {@code sameStatement}: this file was imported before (or by
	 * someone else at the same moment), and this is that statement, nothing applied
	 * again.
	 */
	public record Summary(String id, int entries, int matched, int suggested, int unmatched, int ignored,
			int alreadyImported, boolean sameStatement) {

		Summary same() {
			return new Summary(this.id, this.entries, this.matched, this.suggested, this.unmatched, this.ignored,
					this.alreadyImported, true);
		}

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
		errors.maxLength("name", name, 200);
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

	/** The statement formats read. */
	public enum Format {

		CAMT, MT940, CSV

	}

	/** Saves how a bank's CSV export reads, for one of our accounts. */
	@Transactional
	public BankCsv.Mapping saveMapping(String accountId, BankCsv.Mapping mapping) {
		Problem.Errors errors = new Problem.Errors();
		Account account = accounts().stream()
			.filter(a -> a.id().equals(accountId))
			.findFirst()
			.orElseThrow(() -> new Problem.NotFound("bank account", accountId));
		mapping.validate(errors);
		errors.throwIfAny();
		BankCsv.Mapping saved = new BankCsv.Mapping(mapping.name().trim(),
				mapping.encoding() == null || mapping.encoding().isBlank() ? "UTF-8" : mapping.encoding().trim(),
				mapping.dateColumn().trim(), mapping.datePattern(), blank(mapping.amountColumn()),
				blank(mapping.creditColumn()), blank(mapping.debitColumn()), mapping.usesDecimalComma(),
				blank(mapping.remittanceColumn()), blank(mapping.payerNameColumn()), blank(mapping.payerIbanColumn()),
				blank(mapping.referenceColumn()), account.currency());
		try {
			this.jdbc.sql("""
					insert into bank_csv_mapping (id, bank_account_id, name, encoding, date_column, date_format,
					  amount_column, credit_column, debit_column, decimal_comma, remittance_column, payer_name_column,
					  payer_iban_column, reference_column, created_at)
					values (:id, :account, :name, :encoding, :date, :dateFormat, :amount, :credit, :debit, :comma,
					  :remittance, :payerName, :payerIban, :reference, :at)""")
				.param("id", Ids.next("bcm"))
				.param("account", accountId)
				.param("name", saved.name())
				.param("encoding", saved.encoding())
				.param("date", saved.dateColumn())
				.param("dateFormat", saved.datePattern())
				.param("amount", saved.amountColumn())
				.param("credit", saved.creditColumn())
				.param("debit", saved.debitColumn())
				.param("comma", saved.decimalComma())
				.param("remittance", saved.remittanceColumn())
				.param("payerName", saved.payerNameColumn())
				.param("payerIban", saved.payerIbanColumn())
				.param("reference", saved.referenceColumn())
				.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new Problem.Invalid("name", "a mapping named '" + saved.name() + "' already exists");
		}
		this.audit.record("bank-account", accountId, "CSV mapping saved", AuditTrail.changes("mapping", saved.name()));
		return saved;
	}

	private record SavedMapping(String accountId, BankCsv.Mapping mapping) {
	}

	private SavedMapping mapping(String name) {
		if (name == null || name.isBlank()) {
			throw new Problem.Invalid("mapping",
					"a CSV statement needs ?mapping= naming the account's saved CSV mapping");
		}
		return this.jdbc
			.sql("""
					select m.bank_account_id, m.name, m.encoding, m.date_column, m.date_format, m.amount_column, m.credit_column,
					       m.debit_column, m.decimal_comma, m.remittance_column, m.payer_name_column, m.payer_iban_column,
					       m.reference_column, a.currency
					from bank_csv_mapping m join bank_account a on a.id = m.bank_account_id where m.name = :name or m.id = :name""")
			.param("name", name.trim())
			.query((rs, i) -> new SavedMapping(rs.getString(1),
					new BankCsv.Mapping(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
							rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getString(10),
							rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14))))
			.optional()
			.orElseThrow(() -> new Problem.Invalid("mapping", "no CSV mapping is named '" + name + "'"));
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	/**
	 * Imports a statement file, all or nothing; refused when its figures do not add up.
	 */
	@Transactional
	public Summary importFile(byte[] file, Format format) {
		return importFile(file, format, null, false);
	}

	/**
	 * Imports a statement file, all or nothing. A statement whose balances or control
	 * sums do not add up is refused with what differs, unless {@code acceptUnbalanced}: a
	 * person has looked and takes it as it is (recorded with the statement and audited).
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Summary importFile(byte[] file, Format format, String mappingName, boolean acceptUnbalanced) {
		String hash = sha256(file);
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return importOnce(file, hash, format, mappingName, acceptUnbalanced);
		}
		// the same file sent twice at once to this node waits here for the first: H2
		// would otherwise make the second spin on the first's uncommitted row, and on
		// virtual threads a spinning request starves the others (ADR 0016); across nodes
		// the database's unique key does the same
		ReentrantLock sameFile = this.sameFile[Math.floorMod(hash.hashCode(), this.sameFile.length)];
		sameFile.lock();
		try {
			return importRetrying(file, hash, format, mappingName, acceptUnbalanced);
		}
		finally {
			sameFile.unlock();
		}
	}

	private Summary importRetrying(byte[] file, String hash, Format format, String mappingName,
			boolean acceptUnbalanced) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute(tx -> importOnce(file, hash, format, mappingName, acceptUnbalanced));
			}
			catch (DuplicateKeyException | ConcurrencyFailureException | QueryTimeoutException raced) {
				// the same file (or some of its entries) imported by someone else at the
				// same moment: nothing of this attempt was applied; once theirs is
				// committed, the file is their statement, or its entries are known
				Optional<String> same = statementOf(hash);
				if (same.isPresent()) {
					return summary(same.get()).same();
				}
				if (attempt >= 5) {
					throw raced;
				}
				try {
					Thread.sleep(50L * attempt);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw raced;
				}
			}
		}
	}

	private Optional<String> statementOf(String fileHash) {
		return this.jdbc.sql("select id from bank_statement where file_hash = :h")
			.param("h", fileHash)
			.query(String.class)
			.optional();
	}

	private Summary importOnce(byte[] file, String hash, Format format, String mappingName, boolean acceptUnbalanced) {
		Optional<String> known = statementOf(hash);
		if (known.isPresent()) {
			return summary(known.get()).same();
		}
		List<Camt053.Statement> statements = switch (format) {
			case CAMT -> Camt053.read(new ByteArrayInputStream(file));
			case MT940 -> Mt940.read(file);
			case CSV -> {
				SavedMapping saved = mapping(mappingName);
				String iban = accounts().stream()
					.filter(a -> a.id().equals(saved.accountId()))
					.findFirst()
					.orElseThrow()
					.iban();
				yield List.of(BankCsv.read(file, saved.mapping(), iban,
						"CSV " + saved.mapping().name() + " " + hash.substring(0, 12)));
			}
		};
		List<String> discrepancies = statements.stream().flatMap(st -> st.discrepancies().stream()).toList();
		if (!discrepancies.isEmpty() && !acceptUnbalanced) {
			throw new Problem.Invalid(discrepancies.stream()
				.map(d -> new Problem.FieldError("file", d
						+ "; nothing was imported (if the bank confirms the file as it is, import it again with ?acceptUnbalanced=true)",
						null))
				.toList());
		}
		String id = Ids.next("bst");
		this.jdbc.sql("""
				insert into bank_statement (id, file_hash, format, imported_at, imported_by, discrepancies)
				values (:id, :hash, :format, :at, :by, :discrepancies)""")
			.param("discrepancies", discrepancies.isEmpty() ? null : truncate(String.join("; ", discrepancies), 2000))
			.param("format", format.name())
			.param("id", id)
			.param("hash", hash)
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.param("by", AuditTrail.currentActor())
			.update();
		int already = 0;
		List<StatementImport.Fresh> fresh = new java.util.ArrayList<>();
		for (Camt053.Statement statement : statements) {
			String accountId = this.jdbc.sql("select id from bank_account where iban = :iban")
				.param("iban", statement.account().toUpperCase(Locale.ROOT))
				.query(String.class)
				.optional()
				.orElseThrow(() -> new Problem.Invalid("account", "statement " + statement.id() + " is for the account "
						+ statement.account() + ", which is not one of ours: add it first"));
			List<String> keys = new java.util.ArrayList<>(statement.entries().size());
			for (int n = 0; n < statement.entries().size(); n++) {
				Camt053.Entry entry = statement.entries().get(n);
				keys.add(entry.bankReference() != null ? "ref:" + entry.bankReference()
						: "hash:" + sha256((statement.id() + "|" + n + "|" + entry.amount() + "|" + entry.bookingDate()
								+ "|" + entry.remittance())
							.getBytes(StandardCharsets.UTF_8)));
			}
			java.util.Set<String> seen = new java.util.HashSet<>();
			List<String> distinct = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(keys));
			for (int from = 0; from < distinct.size(); from += 1000) {
				seen.addAll(this.jdbc
					.sql("select entry_key from bank_entry where bank_account_id = :a and entry_key in (:keys)")
					.param("a", accountId)
					.param("keys", distinct.subList(from, Math.min(distinct.size(), from + 1000)))
					.query(String.class)
					.list());
			}
			for (int n = 0; n < keys.size(); n++) {
				// known from an earlier file, or twice in this one: applied once
				if (!seen.add(keys.get(n))) {
					already++;
					continue;
				}
				fresh.add(new StatementImport.Fresh(accountId, keys.get(n), statement.entries().get(n)));
			}
		}
		this.statementImport.apply(id, fresh);
		Summary summary = summary(id);
		this.audit.record("bank-statement", id, "imported",
				AuditTrail.changes("entries", summary.entries(), "matched", summary.matched(), "unmatched",
						summary.unmatched(), "alreadyImported", already, "acceptedDespite",
						discrepancies.isEmpty() ? null : String.join("; ", discrepancies)));
		return new Summary(id, summary.entries(), summary.matched(), summary.suggested(), summary.unmatched(),
				summary.ignored(), already, false);
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
				count(statuses, "UNMATCHED"), count(statuses, "IGNORED"), 0, false);
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
