/**
 * The catalog: what we sell (products and services with their unit and VAT rate) and at
 * what price. {@link io.encaisse.catalog.Catalog} answers a product and its price for
 * quotes and orders, so that the price on the invoice is the price of the catalog unless
 * someone agreed another one.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "customers" })
package io.encaisse.catalog;
