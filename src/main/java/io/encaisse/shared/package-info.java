/**
 * What every module shares: exact money and EN 16931 rounding, business time
 * ({@link io.encaisse.shared.Today}), identifiers, the errors that become problem+json,
 * idempotency of POST requests, the audit trail and the staff roles. It depends on no
 * other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.encaisse.shared;
