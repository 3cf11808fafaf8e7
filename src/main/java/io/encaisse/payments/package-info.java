/**
 * Payments and cash application (encaissement, lettrage): money received, matched to the
 * invoices it settles by the RF creditor reference or the invoice number in the payer's
 * text, and applied through {@link io.encaisse.invoicing.Receivables#recordPayment} in
 * the same transaction. What cannot be matched with certainty stays unmatched with its
 * reason, for a person to decide.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "customers", "invoicing" })
package io.encaisse.payments;
