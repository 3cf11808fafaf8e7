package io.encaisse.invoicing.rest;

import java.net.URI;
import java.util.List;

import io.encaisse.invoicing.InvoiceRuns;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Roles;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk issue and bulk send, with progress: a run is started (202) and read until its
 * status is DONE, with the invoices that failed and why.
 */
@RestController
@RequestMapping("/api/v1/invoice-runs")
@Tag(name = "Invoices")
class InvoiceRunApi {

	private final InvoiceRuns runs;

	InvoiceRunApi(InvoiceRuns runs) {
		this.runs = runs;
	}

	/** {@code kind}: ISSUE (drafts; no ids = every draft) or SEND (issued invoices). */
	record RunRequest(String kind, List<String> invoiceIds) {
	}

	@PostMapping
	@PreAuthorize(Roles.BILL)
	ResponseEntity<InvoiceRuns.Run> start(@RequestBody RunRequest request) {
		InvoiceRuns.Kind kind;
		try {
			kind = InvoiceRuns.Kind.valueOf(request == null || request.kind() == null ? "" : request.kind());
		}
		catch (IllegalArgumentException ex) {
			throw new Problem.Invalid("kind", "must be ISSUE or SEND");
		}
		InvoiceRuns.Run run = this.runs.start(kind, request.invoiceIds());
		return ResponseEntity.accepted().location(URI.create("/api/v1/invoice-runs/" + run.id())).body(run);
	}

	@GetMapping("/{id}")
	@PreAuthorize(Roles.ANY)
	InvoiceRuns.Run get(@PathVariable String id) {
		return this.runs.get(id);
	}

}
