/**
 * Reporting: aging of receivables, DSO and the dashboard figures. It reads only the SQL
 * views other modules publish in their migrations ({@code invoicing_receivable},
 * {@code invoicing_settlement}), so it can answer "as of" any past date and nothing
 * depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package io.encaisse.reporting;
