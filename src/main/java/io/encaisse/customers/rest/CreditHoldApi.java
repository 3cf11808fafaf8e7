package io.encaisse.customers.rest;

import io.encaisse.customers.CreditHolds;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Roles;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's credit hold: put by a collector, released by finance, each with a reason.
 */
@RestController
@Tag(name = "Customers")
class CreditHoldApi {

	private final CreditHolds holds;

	CreditHoldApi(CreditHolds holds) {
		this.holds = holds;
	}

	record Reason(String reason) {
	}

	@GetMapping("/api/v1/customers/{id}/hold")
	@PreAuthorize(Roles.ANY)
	CreditHolds.Hold get(@PathVariable String id) {
		return this.holds.of(id).orElseThrow(() -> new Problem.NotFound("credit hold of customer", id));
	}

	@PostMapping("/api/v1/customers/{id}/hold")
	@PreAuthorize(Roles.COLLECT)
	CreditHolds.Hold hold(@PathVariable String id, @RequestBody(required = false) Reason reason) {
		return this.holds.hold(id, reason == null ? null : reason.reason());
	}

	@PostMapping("/api/v1/customers/{id}/release")
	@PreAuthorize(Roles.SET_POLICIES)
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
	void release(@PathVariable String id, @RequestBody(required = false) Reason reason) {
		this.holds.release(id, reason == null ? null : reason.reason());
	}

}
