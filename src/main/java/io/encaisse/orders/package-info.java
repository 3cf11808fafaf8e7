/**
 * Orders (commandes): what a customer committed to buy, from an accepted quote (and later
 * every other channel), and what has been delivered. Each delivery publishes
 * {@link io.encaisse.orders.DeliveryRecorded}, which invoicing bills; invoicing reports
 * the invoice back through {@link io.encaisse.orders.Orders#recordInvoiced}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "customers", "catalog", "quotes" })
package io.encaisse.orders;
