package io.encaisse.customers.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.shared.AuditTrail;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

@Table("customer")
public class Customer {

	@Id
	private final String id;

	private String name;

	private String legalId;

	private String vatNumber;

	private String email;

	@Embedded.Nullable(prefix = "billing_")
	private BillingAddress billing;

	private int paymentTermsDays;

	private BigDecimal creditLimit;

	private String currency;

	private String language;

	private String siret;

	@Embedded.Nullable(prefix = "delivery_")
	private Address delivery;

	private boolean paymentTermsEndOfMonth;

	private String paymentMethod;

	private String iban;

	private String riskClass;

	private String segment;

	private String notes;

	private String routingCode;

	private String receivingPlatform;

	private String operationCategory;

	@MappedCollection(idColumn = "customer_id", keyColumn = "line_index")
	private List<Contact> contacts;

	@Version
	private Long version;

	private final Instant createdAt;

	@PersistenceCreator
	Customer(String id, String name, String legalId, String vatNumber, String email, BillingAddress billing,
			int paymentTermsDays, BigDecimal creditLimit, String currency, String language, String siret,
			Address delivery, boolean paymentTermsEndOfMonth, String paymentMethod, String iban, String riskClass,
			String notes, String routingCode, String receivingPlatform, String operationCategory,
			List<Contact> contacts, Long version, Instant createdAt, String segment) {
		this.segment = segment;
		this.siret = siret;
		this.delivery = delivery;
		this.paymentTermsEndOfMonth = paymentTermsEndOfMonth;
		this.paymentMethod = paymentMethod;
		this.iban = iban;
		this.riskClass = riskClass;
		this.notes = notes;
		this.routingCode = routingCode;
		this.receivingPlatform = receivingPlatform;
		this.operationCategory = operationCategory;
		this.contacts = new java.util.ArrayList<>(contacts == null ? List.of() : contacts);
		this.id = id;
		this.name = name;
		this.legalId = legalId;
		this.vatNumber = vatNumber;
		this.email = email;
		this.billing = billing;
		this.paymentTermsDays = paymentTermsDays;
		this.creditLimit = creditLimit;
		this.currency = currency;
		this.language = language;
		this.version = version;
		this.createdAt = createdAt;
	}

	public static Customer register(String id, CustomerData data, Instant now) {
		return new Customer(id, data.name(), data.legalId(), data.vatNumber(), data.email(), data.billing(),
				data.paymentTermsDays(), data.creditLimit(), data.currency(), data.language(), data.siret(),
				data.delivery(), data.paymentTermsEndOfMonth(), data.paymentMethod(), data.iban(), data.riskClass(),
				data.notes(), data.routingCode(), data.receivingPlatform(), data.operationCategory(), data.contacts(),
				null, now, data.segment());
	}

	/** Applies new master data; answers what changed, for the audit trail. */
	public Map<String, Object> update(CustomerData data) {
		Map<String, Object> changes = AuditTrail.changes();
		diff(changes, "name", this.name, data.name());
		diff(changes, "legalId", this.legalId, data.legalId());
		diff(changes, "vatNumber", this.vatNumber, data.vatNumber());
		diff(changes, "email", this.email, data.email());
		diff(changes, "billingAddress", this.billing, data.billing());
		diff(changes, "paymentTermsDays", this.paymentTermsDays, data.paymentTermsDays());
		diff(changes, "creditLimit", this.creditLimit, data.creditLimit());
		diff(changes, "currency", this.currency, data.currency());
		diff(changes, "language", this.language, data.language());
		diff(changes, "siret", this.siret, data.siret());
		diff(changes, "deliveryAddress", this.delivery, data.delivery());
		diff(changes, "paymentTermsEndOfMonth", this.paymentTermsEndOfMonth, data.paymentTermsEndOfMonth());
		diff(changes, "paymentMethod", this.paymentMethod, data.paymentMethod());
		diff(changes, "iban", this.iban, data.iban());
		diff(changes, "riskClass", this.riskClass, data.riskClass());
		diff(changes, "segment", this.segment, data.segment());
		diff(changes, "notes", this.notes, data.notes());
		diff(changes, "routingCode", this.routingCode, data.routingCode());
		diff(changes, "receivingPlatform", this.receivingPlatform, data.receivingPlatform());
		diff(changes, "operationCategory", this.operationCategory, data.operationCategory());
		diff(changes, "contacts", this.contacts, data.contacts());
		this.name = data.name();
		this.legalId = data.legalId();
		this.vatNumber = data.vatNumber();
		this.email = data.email();
		this.billing = data.billing();
		this.paymentTermsDays = data.paymentTermsDays();
		this.creditLimit = data.creditLimit();
		this.currency = data.currency();
		this.language = data.language();
		this.siret = data.siret();
		this.delivery = data.delivery();
		this.paymentTermsEndOfMonth = data.paymentTermsEndOfMonth();
		this.paymentMethod = data.paymentMethod();
		this.iban = data.iban();
		this.riskClass = data.riskClass();
		this.segment = data.segment();
		this.notes = data.notes();
		this.routingCode = data.routingCode();
		this.receivingPlatform = data.receivingPlatform();
		this.operationCategory = data.operationCategory();
		this.contacts = new java.util.ArrayList<>(data.contacts());
		return changes;
	}

	private static void diff(Map<String, Object> changes, String field, Object before, Object after) {
		boolean same = (before instanceof BigDecimal b && after instanceof BigDecimal a) ? b.compareTo(a) == 0
				: java.util.Objects.equals(before, after);
		if (!same) {
			changes.put(field, before + " → " + after);
		}
	}

	public CustomerDetails details() {
		BillingAddress b = this.billing == null ? new BillingAddress(null, null, null, "FR") : this.billing;
		return new CustomerDetails(this.id, this.name, this.legalId, this.vatNumber, this.email,
				new CustomerDetails.Address(b.line1(), b.postalCode(), b.city(), b.country()), this.paymentTermsDays,
				this.creditLimit, this.currency, this.language, this.siret,
				this.delivery == null ? null
						: new CustomerDetails.Address(this.delivery.line1(), this.delivery.postalCode(),
								this.delivery.city(), this.delivery.country()),
				this.paymentTermsEndOfMonth, this.paymentMethod, this.iban, this.riskClass, this.notes,
				this.routingCode, this.receivingPlatform, this.operationCategory,
				this.contacts.stream()
					.map(c -> new CustomerDetails.Contact(c.name(), c.email(), c.phone(), c.role()))
					.toList(),
				version(), this.segment);
	}

	public String id() {
		return this.id;
	}

	public String name() {
		return this.name;
	}

	public long version() {
		return this.version == null ? 0 : this.version;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public record BillingAddress(String line1, String postalCode, String city, String country) {
	}

	public record Address(String line1, String postalCode, String city, String country) {
	}

	@Table("customer_contact")
	public record Contact(String name, String email, String phone, String role) {
	}

	/** Validated master data of a customer. */
	public record CustomerData(String name, String legalId, String vatNumber, String email, BillingAddress billing,
			int paymentTermsDays, BigDecimal creditLimit, String currency, String language, String siret,
			Address delivery, boolean paymentTermsEndOfMonth, String paymentMethod, String iban, String riskClass,
			String notes, String routingCode, String receivingPlatform, String operationCategory,
			List<Contact> contacts, String segment) {
	}

}
