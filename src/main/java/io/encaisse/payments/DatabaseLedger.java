package io.encaisse.payments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.encaisse.customers.Customers;
import io.encaisse.invoicing.Receivables;
import io.encaisse.payments.matching.Ledger;
import io.encaisse.payments.matching.NameIndex;
import io.encaisse.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger matching reads, from the database. One instance serves one payment or one
 * statement: the customers' names are read once, when a payer's name is first needed.
 */
final class DatabaseLedger implements Ledger {

	private final Receivables receivables;

	private final Customers customers;

	private final JdbcClient jdbc;

	private NameIndex names;

	DatabaseLedger(Receivables receivables, Customers customers, JdbcClient jdbc) {
		this.receivables = receivables;
		this.customers = customers;
		this.jdbc = jdbc;
	}

	@Override
	public List<Receivables.Payable> named(String remittance) {
		if (remittance == null || remittance.isBlank()) {
			return List.of();
		}
		List<String> numbers = io.encaisse.invoicing.InvoiceNumbers.candidatesIn(remittance);
		List<String> references = io.encaisse.shared.CreditorReference.findIn(remittance)
			.map(rf -> List.of(rf.value()))
			.orElse(List.of());
		java.util.Map<String, Receivables.Payable> found = new java.util.LinkedHashMap<>();
		List<Receivables.Versioned> read = this.receivables.payables(numbers, references);
		// in the order the text names them: the RF first, then the numbers
		read.stream()
			.filter(v -> v.paymentReference() != null && references.contains(v.paymentReference()))
			.forEach(v -> found.put(v.payable().invoiceId(), v.payable()));
		for (String number : numbers) {
			read.stream()
				.filter(v -> number.equals(v.payable().number()))
				.findFirst()
				.ifPresent(v -> found.putIfAbsent(v.payable().invoiceId(), v.payable()));
		}
		return List.copyOf(found.values());
	}

	@Override
	public List<Receivables.Payable> openOf(String customerId, String currency) {
		return this.receivables.openPayables(customerId, currency)
			.stream()
			.map(Receivables.Versioned::payable)
			.toList();
	}

	@Override
	public List<Receivables.Payable> openWithAmountDue(BigDecimal amount, String currency) {
		return this.receivables.openPayablesDue(List.of(amount), currency)
			.stream()
			.map(Receivables.Versioned::payable)
			.limit(2)
			.toList();
	}

	@Override
	public Optional<Payer> ownerOf(String iban) {
		if (iban == null || iban.isBlank()) {
			return Optional.empty();
		}
		Optional<String> learnt = this.jdbc.sql("select customer_id from payer_account where iban = :iban")
			.param("iban", iban)
			.query(String.class)
			.optional();
		return learnt.flatMap(this::customer)
			.or(() -> this.customers.findByIban(iban).map(c -> new Payer(c.id(), c.name(), 1)));
	}

	@Override
	public Optional<Payer> customer(String customerId) {
		return this.customers.find(customerId).map(c -> new Payer(c.id(), c.name(), 1));
	}

	@Override
	public List<Payer> named(String payerName, double minimumSimilarity) {
		if (this.names == null) {
			this.names = new NameIndex();
			this.customers.names().forEach(n -> this.names.add(n.id(), n.name()));
		}
		return this.names.find(payerName, minimumSimilarity, 5);
	}

}
