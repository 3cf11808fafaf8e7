package io.encaisse.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.encaisse.customers.Customers;
import io.encaisse.shared.Amounts;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promises to pay: an amount by a date for some of the customer's open invoices. Dunning
 * waits for those invoices until the date; a promise is KEPT once they are paid, BROKEN
 * when the date has passed with one still open (dunning resumes).
 */
@Service
@Transactional(readOnly = true)
public class Promises {

	static final String DOCUMENT = "promise";

	private final JdbcClient jdbc;

	private final Customers customers;

	private final AuditTrail audit;

	private final Today today;

	private final org.springframework.jdbc.core.JdbcTemplate batch;

	Promises(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, Customers customers, AuditTrail audit,
			Today today) {
		this.batch = batch;
		this.jdbc = jdbc;
		this.customers = customers;
		this.audit = audit;
		this.today = today;
	}

	public enum Status {

		OPEN, KEPT, BROKEN

	}

	public record Promise(String id, String customerId, String amount, String currency, LocalDate promisedOn,
			Status status, List<String> invoiceIds, String note, String createdBy) {
	}

	public record Input(String amount, LocalDate promisedOn, List<String> invoiceIds, String note) {
	}

	@Transactional
	public Promise record(String customerId, Input input) {
		this.customers.get(customerId);
		Problem.Errors errors = new Problem.Errors();
		if (input == null) {
			throw new Problem.Invalid("promisedOn", "is required");
		}
		if (input.promisedOn() == null) {
			errors.add("promisedOn", "is required");
		}
		else if (input.promisedOn().isBefore(this.today.date())) {
			errors.add("promisedOn", "must not be before today (" + this.today.date() + ")");
		}
		else if (input.promisedOn().isAfter(this.today.date().plusDays(366))) {
			errors.add("promisedOn", "must be within a year");
		}
		List<String> ids = input.invoiceIds() == null ? List.of()
				: new ArrayList<>(new LinkedHashSet<>(input.invoiceIds()));
		Map<String, Object[]> open = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("""
					select invoice_id, number, currency, open_amount from invoicing_receivable
					where customer_id = :c and invoice_id in (:ids) and status in ('ISSUED', 'PARTIALLY_PAID')""")
				.param("c", customerId)
				.param("ids", ids)
				.query((rs, n) -> open.put(rs.getString(1),
						new Object[] { rs.getString(2), rs.getString(3), rs.getBigDecimal(4) }))
				.list();
		}
		if (ids.isEmpty()) {
			errors.add("invoiceIds", "name the open invoices the payment is for");
		}
		for (int i = 0; i < ids.size(); i++) {
			if (!open.containsKey(ids.get(i))) {
				errors.add("invoiceIds[" + i + "]", "no open invoice " + ids.get(i) + " of this customer");
			}
		}
		if (open.values().stream().map(o -> (String) o[1]).distinct().count() > 1) {
			errors.add("invoiceIds", "the invoices of one promise share one currency");
		}
		BigDecimal sum = open.values().stream().map(o -> (BigDecimal) o[2]).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal amount = input.amount() == null || input.amount().isBlank() ? sum
				: Amounts.positive(errors, "amount", input.amount(), 2);
		if (input.note() != null && input.note().length() > 2000) {
			errors.add("note", "must not exceed 2000 characters");
		}
		errors.throwIfAny();
		String currency = (String) open.values().iterator().next()[1];
		String id = Ids.next("prm");
		this.jdbc.sql("""
				insert into payment_promise (id, customer_id, amount, currency, promised_on, status, note, created_by,
				  created_at) values (:id, :c, :a, :cur, :on, 'OPEN', :note, :by, :at)""")
			.param("id", id)
			.param("c", customerId)
			.param("a", amount)
			.param("cur", currency)
			.param("on", input.promisedOn())
			.param("note", input.note() == null || input.note().isBlank() ? null : input.note().strip())
			.param("by", AuditTrail.currentActor())
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.update();
		this.batch.batchUpdate("insert into payment_promise_invoice (promise_id, invoice_id) values (?, ?)",
				ids.stream().map(invoiceId -> new Object[] { id, invoiceId }).toList());
		this.audit.record("customer", customerId, "promise to pay",
				AuditTrail.changes("amount", amount.toPlainString() + " " + currency, "on", input.promisedOn(),
						"invoices", ids.stream().map(i -> (String) open.get(i)[0]).toList()));
		return get(id);
	}

	public Promise get(String id) {
		return ofWhere("p.id = :v", id).stream().findFirst().orElseThrow(() -> new Problem.NotFound("promise", id));
	}

	public List<Promise> ofCustomer(String customerId) {
		return ofWhere("p.customer_id = :v", customerId);
	}

	private List<Promise> ofWhere(String where, String value) {
		Map<String, List<String>> invoices = new HashMap<>();
		List<Promise> found = this.jdbc.sql("""
				select p.id, p.customer_id, p.amount, p.currency, p.promised_on, p.status, p.note, p.created_by
				from payment_promise p where %s order by p.promised_on desc, p.id desc""".formatted(where))
			.param("v", value)
			.query((rs, n) -> new Promise(rs.getString(1), rs.getString(2),
					Money.of(rs.getBigDecimal(3), rs.getString(4)).toPlainString(), rs.getString(4),
					rs.getObject(5, LocalDate.class), Status.valueOf(rs.getString(6)), List.of(), rs.getString(7),
					rs.getString(8)))
			.list();
		if (found.isEmpty()) {
			return found;
		}
		this.jdbc.sql("select promise_id, invoice_id from payment_promise_invoice where promise_id in (:p)")
			.param("p", found.stream().map(Promise::id).toList())
			.query((rs, n) -> invoices.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		return found.stream()
			.map(p -> new Promise(p.id(), p.customerId(), p.amount(), p.currency(), p.promisedOn(), p.status(),
					invoices.getOrDefault(p.id(), List.of()), p.note(), p.createdBy()))
			.toList();
	}

	/**
	 * Marks KEPT the open promises of this invoice none of whose invoices is open any
	 * more (cash application settled the last one); doing it twice changes nothing.
	 */
	@Transactional
	public int keep(String invoiceId) {
		return this.jdbc.sql("""
				update payment_promise set status = 'KEPT', closed_at = :at
				where status = 'OPEN'
				  and id in (select promise_id from payment_promise_invoice where invoice_id = :i)
				  and not exists (
				    select 1 from payment_promise_invoice pi join invoicing_receivable r on r.invoice_id = pi.invoice_id
				    where pi.promise_id = payment_promise.id and r.status in ('ISSUED', 'PARTIALLY_PAID'))""")
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.param("i", invoiceId)
			.update();
	}

	/**
	 * Closes the promises that are decided at {@code asOf}: KEPT when none of their
	 * invoices is open any more, BROKEN when the date has passed with one still open.
	 * Answers the ids of the promises broken.
	 */
	@Transactional
	public List<String> settle(LocalDate asOf) {
		var at = this.today.instant().atOffset(ZoneOffset.UTC);
		this.jdbc.sql("""
				update payment_promise set status = 'KEPT', closed_at = :at
				where status = 'OPEN' and not exists (
				  select 1 from payment_promise_invoice pi join invoicing_receivable r on r.invoice_id = pi.invoice_id
				  where pi.promise_id = payment_promise.id and r.status in ('ISSUED', 'PARTIALLY_PAID'))""")
			.param("at", at)
			.update();
		List<String> broken = this.jdbc.sql("""
				select id from payment_promise where status = 'OPEN' and promised_on < :asOf""")
			.param("asOf", asOf)
			.query(String.class)
			.list();
		if (!broken.isEmpty()) {
			this.jdbc.sql("update payment_promise set status = 'BROKEN', closed_at = :at where id in (:ids)")
				.param("at", at)
				.param("ids", broken)
				.update();
			this.audit.recordAll(broken.stream()
				.map(id -> new AuditTrail.Change(DOCUMENT, id, "broken", AuditTrail.changes("asOf", asOf)))
				.toList());
		}
		return broken;
	}

}
