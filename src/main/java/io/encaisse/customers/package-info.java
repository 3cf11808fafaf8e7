/**
 * Customers: who we sell to, their legal identity (SIREN, VAT number), billing address,
 * payment terms, currency and credit limit. Other modules read a customer through
 * {@link io.encaisse.customers.Customers} and learn nothing else about this module; the
 * open balance shown here comes from whoever implements
 * {@link io.encaisse.customers.OpenBalances} (invoicing).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package io.encaisse.customers;
