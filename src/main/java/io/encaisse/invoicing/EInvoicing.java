package io.encaisse.invoicing;

import java.time.Instant;
import java.util.List;

import io.encaisse.invoicing.lifecycle.PlatformConnector;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The French e-invoicing lifecycle: each issued invoice is handed to the approved
 * platform through the configured {@link PlatformConnector} (200 submitted, or 213
 * rejected), collects the statuses the platform and the buyer report, and is marked 212
 * when fully paid. The history is append-only, with who or what set each status.
 */
@Service
@Transactional(readOnly = true)
public class EInvoicing {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final AuditTrail audit;

	private final Today today;

	private final PlatformConnector connector;

	private final Invoicing invoicing;

	private final org.springframework.transaction.support.TransactionTemplate transactions;

	private final org.springframework.context.ApplicationEventPublisher events;

	EInvoicing(JdbcClient jdbc, JdbcTemplate batch, AuditTrail audit, Today today,
			org.springframework.beans.factory.ObjectProvider<PlatformConnector> connector, Invoicing invoicing,
			org.springframework.transaction.support.TransactionTemplate transactions,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.batch = batch;
		this.audit = audit;
		this.today = today;
		this.connector = connector.getIfAvailable();
		this.invoicing = invoicing;
	}

	/** One status of an invoice's lifecycle. */
	public record Entry(int code, String status, String label, Instant at, String by, String note) {
	}

	public List<Entry> lifecycle(String invoiceId) {
		this.invoicing.get(invoiceId);
		return this.jdbc.sql("""
				select code, set_at, set_by, note from invoice_lifecycle where invoice_id = :id order by set_at, id""")
			.param("id", invoiceId)
			.query((rs, i) -> {
				LifecycleStatus s = LifecycleStatus.of(rs.getInt(1)).orElseThrow();
				return new Entry(s.code(), s.name(), s.label(), rs.getTimestamp(2).toInstant(), rs.getString(3),
						rs.getString(4));
			})
			.list();
	}

	/**
	 * A status the platform or the buyer reports (refused, disputed, approved...), or a
	 * person records.
	 */
	@Transactional
	public Entry report(String invoiceId, Integer code, String note) {
		InvoiceView invoice = this.invoicing.get(invoiceId);
		if (invoice.number() == null) {
			throw new Problem.StateConflict("a draft has no lifecycle; issue it first");
		}
		LifecycleStatus status = code == null ? null : LifecycleStatus.of(code).orElse(null);
		if (status == null) {
			throw new Problem.Invalid("code", "must be a lifecycle code of the reform, 200 to 213");
		}
		if (note != null && note.length() > 500) {
			throw new Problem.Invalid("note", "must not exceed 500 characters");
		}
		insert(invoiceId, status, AuditTrail.currentActor(), note);
		this.audit.record(Invoicing.DOCUMENT, invoiceId, "lifecycle",
				AuditTrail.changes("status", status.code() + " " + status.label(), "note", note));
		if (status == LifecycleStatus.DISPUTED || status == LifecycleStatus.REFUSED) {
			this.events.publishEvent(
					new InvoiceContested(invoiceId, invoice.number(), invoice.customerId(), status.code(), note));
		}
		return lifecycle(invoiceId).getLast();
	}

	/**
	 * Hands the issued invoices not yet submitted to the platform, at most {@code max};
	 * answers how many were handed over. Invoices imported from another system were sent
	 * by it.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	public int submitPending(int max) {
		if (this.connector == null) {
			return 0;
		}
		List<String> pending = this.jdbc
			.sql("""
					select id from invoice i where number is not null and (source_ref is null or source_ref not like 'import:%')
					and not exists (select 1 from invoice_lifecycle l where l.invoice_id = i.id and l.code in (200, 213))
					order by number limit :max""")
			.param("max", max)
			.query(String.class)
			.list();
		for (String id : pending) {
			// one invoice at a time: a document that cannot be produced is a rejection
			// with its reason, not the end of the batch. It is produced outside the
			// transaction that records the answer: a failure inside would mark that
			// transaction for rollback and stop every later invoice with it.
			PlatformConnector.Submission submitted;
			try {
				InvoiceView invoice = this.invoicing.get(id);
				submitted = this.connector.submit(new PlatformConnector.Document(id, invoice.number(), null,
						this.invoicing.document(id, "pdf"), this.invoicing.document(id, "ubl")));
			}
			catch (RuntimeException ex) {
				submitted = new PlatformConnector.Submission(false, null,
						"the e-invoice could not be produced: " + ex.getMessage());
			}
			PlatformConnector.Submission answer = submitted;
			this.transactions.executeWithoutResult(tx -> {
				LifecycleStatus status = answer.accepted() ? LifecycleStatus.SUBMITTED : LifecycleStatus.REJECTED;
				insert(id, status, this.connector.name(), answer.accepted() ? answer.reference() : answer.reason());
				this.audit.record(Invoicing.DOCUMENT, id, "lifecycle", AuditTrail.changes("status",
						status.code() + " " + status.label(), "by", this.connector.name()));
			});
		}
		return pending.size();
	}

	private void insert(String invoiceId, LifecycleStatus status, String by, String note) {
		this.jdbc.sql("""
				insert into invoice_lifecycle (id, invoice_id, code, set_at, set_by, note)
				values (:id, :invoice, :code, :at, :by, :note)""")
			.param("id", Ids.next("lcy"))
			.param("invoice", invoiceId)
			.param("code", status.code())
			.param("at", this.today.instant().atOffset(java.time.ZoneOffset.UTC))
			.param("by", by.length() > 200 ? by.substring(0, 200) : by)
			.param("note", note == null || note.length() <= 500 ? note : note.substring(0, 500))
			.update();
	}

}
