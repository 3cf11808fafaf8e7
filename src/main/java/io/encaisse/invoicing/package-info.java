/**
 * Invoicing: invoices and credit notes, their gapless numbers, EN 16931 totals, the RF
 * payment reference, documents (Factur-X PDF, UBL) and what is still due. It bills each
 * {@link io.encaisse.orders.DeliveryRecorded} once, reports the invoice to orders, and
 * takes payments through {@link io.encaisse.invoicing.Receivables#recordPayment}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "customers", "orders", "catalog" })
package io.encaisse.invoicing;
