/**
 * Quotes (devis): an offer to a customer with lines priced from the catalog, sent, then
 * accepted or declined. Acceptance publishes {@link io.encaisse.quotes.QuoteAccepted}
 * with the exact accepted lines, from which the orders module creates the order; nobody
 * re-types anything.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "customers", "catalog" })
package io.encaisse.quotes;
