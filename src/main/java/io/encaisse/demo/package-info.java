/**
 * Demo data of a realistic French SME (a Lyon IT reseller and integrator) loaded into an
 * empty embedded database on first start, unless {@code ENCAISSE_DEMO_DATA=false}. It
 * replays months of business through the modules' own facades on a moved business clock,
 * so every document is real: numbered, audited, linked, with invoices paid, partly paid,
 * overdue and credited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package io.encaisse.demo;
