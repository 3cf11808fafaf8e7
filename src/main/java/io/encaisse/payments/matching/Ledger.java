package io.encaisse.payments.matching;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.encaisse.invoicing.Receivables;

/**
 * What matching reads: the invoices a text names, the open invoices of a customer or of
 * an amount, who owns a payer's account, which customers bear a payer's name. The
 * application answers from the database; the benchmark from memory, through the same
 * {@link Matcher}.
 */
public interface Ledger {

	/** Invoices the text names by RF reference or number, whatever their status. */
	List<Receivables.Payable> named(String remittance);

	/** Open invoices of a customer in a currency, oldest due first. */
	List<Receivables.Payable> openOf(String customerId, String currency);

	/** Open invoices of any customer with exactly this amount due. */
	List<Receivables.Payable> openWithAmountDue(BigDecimal amount, String currency);

	/**
	 * The customer an account belongs to: learnt from confirmed matches, or the
	 * customer's own IBAN.
	 */
	Optional<Payer> ownerOf(String iban);

	/** A customer by id, with its name. */
	Optional<Payer> customer(String customerId);

	/** Customers whose name is the payer's name, or close to it, closest first. */
	List<Payer> named(String payerName, double minimumSimilarity);

	/** A customer as matching sees it. */
	record Payer(String customerId, String name, double similarity) {
	}

}
