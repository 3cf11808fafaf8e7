package io.encaisse.customers;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.encaisse.customers.domain.Customer;
import io.encaisse.customers.domain.CustomerRepository;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers facade: other modules read customers here; pages and the API register and
 * edit them.
 */
@Service
@Transactional(readOnly = true)
public class Customers {

	static final String DOCUMENT = "customer";

	private final CustomerRepository customers;

	private final AuditTrail audit;

	private final Today today;

	private final ApplicationEventPublisher events;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final io.encaisse.shared.AggregateBatch batch;

	Customers(CustomerRepository customers, AuditTrail audit, Today today, ApplicationEventPublisher events,
			org.springframework.jdbc.core.simple.JdbcClient jdbc, io.encaisse.shared.AggregateBatch batch) {
		this.batch = batch;
		this.jdbc = jdbc;
		this.customers = customers;
		this.audit = audit;
		this.today = today;
		this.events = events;
	}

	public Optional<CustomerDetails> find(String id) {
		if (id == null || id.isBlank()) {
			return Optional.empty();
		}
		return this.customers.findById(id).map(Customer::details);
	}

	/** Many customers at once, by id (the unknown ones are left out). */
	public java.util.Map<String, CustomerDetails> getAll(java.util.Collection<String> ids) {
		java.util.Map<String, CustomerDetails> found = new java.util.HashMap<>();
		this.customers.findAllById(new java.util.HashSet<>(ids)).forEach(c -> found.put(c.id(), c.details()));
		return found;
	}

	public CustomerDetails get(String id) {
		return find(id).orElseThrow(() -> new Problem.NotFound("customer", id));
	}

	public Cursor.Page<CustomerDetails> list(Cursor cursor) {
		// the page's customers whole in one statement per table, whatever its size
		return this.batch.page(Customer.class, cursor).map(Customer::details);
	}

	/**
	 * A page of customers by name, and the id to ask the next page after (none: the
	 * last).
	 */
	public record ByName(List<CustomerDetails> customers, String next) {
	}

	/**
	 * Customers by name whose name contains {@code text} (any, when blank), {@code limit}
	 * at a time after the customer {@code after} (keyset on name and id): the ids in one
	 * statement, the customers whole in one per table (issue 28).
	 */
	public ByName byName(String text, String after, int limit) {
		StringBuilder sql = new StringBuilder("select id from customer where 1 = 1");
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		if (text != null && !text.isBlank()) {
			sql.append(" and lower(name) like :text escape '\\'");
			params.put("text",
					"%" + text.trim()
						.toLowerCase(java.util.Locale.ROOT)
						.replace("\\", "\\\\")
						.replace("%", "\\%")
						.replace("_", "\\_") + "%");
		}
		if (after != null && !after.isBlank()) {
			sql.append(" and (name, id) > (select c.name, c.id from customer c where c.id = :after)");
			params.put("after", after);
		}
		sql.append(" order by name, id limit ").append(limit + 1);
		List<String> ids = this.jdbc.sql(sql.toString()).params(params).query(String.class).list();
		boolean more = ids.size() > limit;
		List<String> page = more ? ids.subList(0, limit) : ids;
		return new ByName(this.batch.load(Customer.class, page).stream().map(Customer::details).toList(),
				more ? page.get(page.size() - 1) : null);
	}

	@Transactional
	public CustomerDetails register(CustomerInput input) {
		Customer.CustomerData data = input.validate();
		Customer customer = this.customers.save(Customer.register(Ids.next("cus"), data, this.today.instant()));
		this.audit.record(DOCUMENT, customer.id(), "registered",
				AuditTrail.changes("name", data.name(), "legalId", data.legalId(), "currency", data.currency()));
		this.events.publishEvent(new CustomerRegistered(customer.id(), data.name()));
		return customer.details();
	}

	/** A customer's id and name, as matching a payer's name needs them. */
	public record Named(String id, String name) {
	}

	/** The names of these customers, by id (those that exist). */
	public java.util.Map<String, String> namesOf(java.util.Collection<String> ids) {
		java.util.Map<String, String> names = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("select id, name from customer where id in (:ids)")
				.param("ids", ids)
				.query((java.sql.ResultSet rs) -> {
					names.put(rs.getString(1), rs.getString(2));
				});
		}
		return names;
	}

	/** Every customer's id and name, by name. */
	public List<Named> names() {
		return this.jdbc.sql("select id, name from customer order by name")
			.query((rs, i) -> new Named(rs.getString(1), rs.getString(2)))
			.list();
	}

	/** The customers whose own bank accounts these are, by IBAN. */
	public java.util.Map<String, Named> byIbans(java.util.Collection<String> ibans) {
		java.util.Map<String, Named> found = new java.util.HashMap<>();
		List<String> all = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(ibans));
		for (int from = 0; from < all.size(); from += 1000) {
			// an account several customers share (a group, a duplicate) tells none of
			// them
			this.jdbc.sql("""
					select iban, min(id), min(name) from customer where iban in (:ibans)
					group by iban having count(*) = 1""")
				.param("ibans", all.subList(from, Math.min(all.size(), from + 1000)))
				.query((rs, i) -> java.util.Map.entry(rs.getString(1), new Named(rs.getString(2), rs.getString(3))))
				.list()
				.forEach(e -> found.putIfAbsent(e.getKey(), e.getValue()));
		}
		return found;
	}

	/** The customer whose own bank account this is, if any. */
	public Optional<CustomerDetails> findByIban(String iban) {
		List<String> owners = this.jdbc.sql("select id from customer where iban = :iban")
			.param("iban", iban)
			.query(String.class)
			.list();
		// an account several customers share (a group, a duplicate) tells none of them
		return owners.size() == 1 ? find(owners.get(0)) : Optional.empty();
	}

	/**
	 * The one customer whose SIREN, VAT number (spaces and case aside) or reference in
	 * another system is {@code reference}; none when two share it (it names neither).
	 */
	public Optional<CustomerDetails> findByReference(String reference) {
		String compact = reference.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
		List<String> ids = this.jdbc.sql("""
				select id from customer where legal_id = :v or upper(vat_number) = :v or external_ref = :raw
				order by id limit 2""").param("v", compact).param("raw", reference).query(String.class).list();
		return ids.size() == 1 ? find(ids.get(0)) : Optional.empty();
	}

	/**
	 * Locks the customer's row until the end of the transaction: work that must not run
	 * twice at once for one customer (its price agreements) waits here.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void lock(String customerId) {
		this.jdbc.sql("select id from customer where id = :id for update")
			.param("id", customerId)
			.query(String.class)
			.list();
	}

	/** The customer another system knows by this code, if any. */
	public Optional<CustomerDetails> findByExternalRef(String externalRef) {
		return this.jdbc.sql("select id from customer where external_ref = :ref")
			.param("ref", externalRef)
			.query(String.class)
			.optional()
			.flatMap(this::find);
	}

	/** Registers a customer that another system knows by {@code externalRef}. */
	@Transactional
	public CustomerDetails registerWithExternalRef(String externalRef, CustomerInput input) {
		CustomerDetails customer = register(input);
		this.jdbc.sql("update customer set external_ref = :ref where id = :id")
			.param("ref", externalRef)
			.param("id", customer.id())
			.update();
		return customer;
	}

	@Transactional
	public CustomerDetails update(String id, Long expectedVersion, CustomerInput input) {
		Customer customer = this.customers.findById(id).orElseThrow(() -> new Problem.NotFound("customer", id));
		if (expectedVersion != null && expectedVersion != customer.version()) {
			throw new Problem.StaleVersion("customer", id, customer.version());
		}
		Map<String, Object> changes = customer.update(input.validate());
		if ((changes.containsKey("creditLimit") || changes.containsKey("riskClass")) && !io.encaisse.shared.Roles
			.currentHasAny(io.encaisse.shared.Role.ADMIN, io.encaisse.shared.Role.FINANCE)) {
			// the credit a customer is given is finance's to set, whoever keeps the rest
			throw new Problem.Forbidden("only finance changes a customer's credit limit or risk class");
		}
		if (!changes.isEmpty()) {
			this.customers.save(customer);
			this.audit.record(DOCUMENT, id, "updated", changes);
		}
		return customer.details();
	}

}
