/**
 * Collections: what happens after the due date. Dunning policies and runs (reminders
 * grouped per customer and level, each invoice's level sent once ever), late-payment
 * penalties (L441-10 Code de commerce), disputes that pause dunning, promises to pay. It
 * reads the receivables through the views invoicing publishes, writes its own tables, and
 * mails through the shared outbox.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "customers", "invoicing" })
package io.encaisse.collections;
