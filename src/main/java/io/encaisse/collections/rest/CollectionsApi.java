package io.encaisse.collections.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.encaisse.collections.Disputes;
import io.encaisse.collections.DunningPolicies;
import io.encaisse.collections.DunningRuns;
import io.encaisse.collections.LateChargesOfInvoices;
import io.encaisse.collections.Promises;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Roles;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Collections over the API (issue 23's contract): dunning policies and runs, a customer's
 * reminders and promises, disputes, late-payment charges.
 */
@RestController
@Tag(name = "Collections")
class CollectionsApi {

	private final DunningPolicies policies;

	private final DunningRuns runs;

	private final Disputes disputes;

	private final Promises promises;

	private final LateChargesOfInvoices charges;

	private final io.encaisse.collections.CollectionSettings settings;

	private final io.encaisse.collections.CollectionsWorklist worklist;

	private final io.encaisse.collections.CustomerStatements statements;

	private final io.encaisse.collections.StatementPdf statementPdf;

	private final io.encaisse.collections.CollectionsKpis kpis;

	private final io.encaisse.collections.DunningTemplates templates;

	private final io.encaisse.collections.DunningMail dunningMail;

	private final io.encaisse.collections.LatePaymentRates rates;

	CollectionsApi(DunningPolicies policies, DunningRuns runs, Disputes disputes, Promises promises,
			LateChargesOfInvoices charges, io.encaisse.collections.CollectionSettings settings,
			io.encaisse.collections.CollectionsWorklist worklist, io.encaisse.collections.CustomerStatements statements,
			io.encaisse.collections.StatementPdf statementPdf, io.encaisse.collections.CollectionsKpis kpis,
			io.encaisse.collections.DunningTemplates templates, io.encaisse.collections.DunningMail dunningMail,
			io.encaisse.collections.LatePaymentRates rates) {
		this.rates = rates;
		this.templates = templates;
		this.dunningMail = dunningMail;
		this.kpis = kpis;
		this.statements = statements;
		this.statementPdf = statementPdf;
		this.settings = settings;
		this.worklist = worklist;
		this.policies = policies;
		this.runs = runs;
		this.disputes = disputes;
		this.promises = promises;
		this.charges = charges;
	}

	@GetMapping("/api/v1/dunning-policies")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	Cursor.Page<DunningPolicies.Policy> policies() {
		return new Cursor.Page<>(this.policies.list(), false);
	}

	@PostMapping("/api/v1/dunning-policies")
	@PreAuthorize(Roles.SET_POLICIES)
	ResponseEntity<DunningPolicies.Policy> createPolicy(@RequestBody(required = false) DunningPolicies.Input input) {
		DunningPolicies.Policy policy = this.policies.create(input);
		return ResponseEntity.created(URI.create("/api/v1/dunning-policies/" + policy.id())).body(policy);
	}

	@GetMapping("/api/v1/dunning-policies/{id}")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	DunningPolicies.Policy policy(@PathVariable String id) {
		return this.policies.get(id);
	}

	@GetMapping("/api/v1/dunning-policies/{id}/templates")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	Cursor.Page<io.encaisse.collections.DunningTemplates.Template> templates(@PathVariable String id) {
		return new Cursor.Page<>(this.templates.of(id), false);
	}

	/** A level's wording in a language ({@code fr}, {@code en}), with placeholders. */
	@org.springframework.web.bind.annotation.PutMapping("/api/v1/dunning-policies/{id}/templates/{level}/{language}")
	@PreAuthorize(Roles.SET_POLICIES)
	io.encaisse.collections.DunningTemplates.Template saveTemplate(@PathVariable String id, @PathVariable String level,
			@PathVariable String language,
			@RequestBody(required = false) io.encaisse.collections.DunningTemplates.Input input) {
		return this.templates.save(id, level(level), language, input);
	}

	private static int level(String level) {
		try {
			return Integer.parseInt(level);
		}
		catch (NumberFormatException ex) {
			throw new io.encaisse.shared.Problem.NotFound("dunning level", level);
		}
	}

	record PreviewRequest(String customerId) {
	}

	record Preview(String to, String subject, String body) {
	}

	/** What the level would send a customer today, in the customer's language. */
	@PostMapping("/api/v1/dunning-policies/{id}/levels/{level}/preview")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	Preview preview(@PathVariable String id, @PathVariable String level,
			@RequestBody(required = false) PreviewRequest request) {
		if (request == null || request.customerId() == null || request.customerId().isBlank()) {
			throw new io.encaisse.shared.Problem.Invalid("customerId", "is required");
		}
		var composed = this.dunningMail.preview(id, level(level), request.customerId());
		return new Preview(composed.to(), composed.subject(), composed.text());
	}

	/**
	 * A run at a date ({@code asOf}, today by default), or a preview ({@code dryRun}).
	 */
	@PostMapping("/api/v1/dunning-runs")
	@PreAuthorize(Roles.COLLECT)
	ResponseEntity<DunningRuns.Run> run(@RequestBody(required = false) DunningRuns.Request request) {
		DunningRuns.Run run = this.runs.run(request);
		return run.id() == null ? ResponseEntity.ok(run)
				: ResponseEntity.created(URI.create("/api/v1/dunning-runs/" + run.id())).body(run);
	}

	@GetMapping("/api/v1/dunning-runs/{id}")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	DunningRuns.Run run(@PathVariable String id) {
		return this.runs.get(id);
	}

	@GetMapping("/api/v1/customers/{id}/reminders")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	Cursor.Page<DunningRuns.Message> reminders(@PathVariable String id) {
		return new Cursor.Page<>(this.runs.ofCustomer(id), false);
	}

	@PostMapping("/api/v1/invoices/{id}/disputes")
	@PreAuthorize(Roles.COLLECT)
	ResponseEntity<Disputes.Dispute> dispute(@PathVariable String id,
			@RequestBody(required = false) Disputes.Input input) {
		Disputes.Dispute dispute = this.disputes.open(id, input);
		return ResponseEntity.created(URI.create("/api/v1/disputes/" + dispute.id())).body(dispute);
	}

	@GetMapping("/api/v1/invoices/{id}/disputes")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	Cursor.Page<Disputes.Dispute> disputesOf(@PathVariable String id) {
		return new Cursor.Page<>(this.disputes.ofInvoice(id), false);
	}

	@GetMapping("/api/v1/disputes/{id}")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	Disputes.Dispute getDispute(@PathVariable String id) {
		return this.disputes.get(id);
	}

	@PatchMapping("/api/v1/disputes/{id}")
	@PreAuthorize(Roles.COLLECT)
	Disputes.Dispute changeDispute(@PathVariable String id, @RequestBody(required = false) Disputes.Change change) {
		return this.disputes.change(id, change);
	}

	@PostMapping("/api/v1/disputes/{id}/resolve")
	@PreAuthorize(Roles.COLLECT)
	Disputes.Dispute resolve(@PathVariable String id,
			@RequestBody(required = false) Disputes.ResolutionInput resolution) {
		return this.disputes.resolve(id, resolution);
	}

	@PostMapping("/api/v1/customers/{id}/promises")
	@PreAuthorize(Roles.COLLECT)
	ResponseEntity<Promises.Promise> promise(@PathVariable String id,
			@RequestBody(required = false) Promises.Input input) {
		Promises.Promise promise = this.promises.record(id, input);
		return ResponseEntity.created(URI.create("/api/v1/promises/" + promise.id())).body(promise);
	}

	@GetMapping("/api/v1/customers/{id}/promises")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	Cursor.Page<Promises.Promise> promises(@PathVariable String id) {
		return new Cursor.Page<>(this.promises.ofCustomer(id), false);
	}

	@GetMapping("/api/v1/promises/{id}")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	Promises.Promise getPromise(@PathVariable String id) {
		return this.promises.get(id);
	}

	/** Late-payment interest and indemnity of an invoice at a date (today by default). */
	@GetMapping("/api/v1/invoices/{id}/late-charges")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	LateChargesOfInvoices.Charges lateCharges(@PathVariable String id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return this.charges.of(id, asOf);
	}

	@GetMapping("/api/v1/customers/{id}/collection-settings")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	io.encaisse.collections.CollectionSettings.Settings settings(@PathVariable String id) {
		return this.settings.of(id);
	}

	/**
	 * The customer's dunning policy, exclusion from dunning, contractual late-payment
	 * rate.
	 */
	@org.springframework.web.bind.annotation.PutMapping("/api/v1/customers/{id}/collection-settings")
	@PreAuthorize(Roles.SET_POLICIES)
	io.encaisse.collections.CollectionSettings.Settings setSettings(@PathVariable String id,
			@RequestBody(required = false) io.encaisse.collections.CollectionSettings.Input input) {
		return this.settings.set(id, input);
	}

	/** Customers with something overdue, the most urgent first, with the next action. */
	@GetMapping("/api/v1/collections/worklist")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	Cursor.Page<io.encaisse.collections.CollectionsWorklist.Row> worklist(@RequestParam(defaultValue = "200") int limit,
			@RequestParam(required = false) String collector, @RequestParam(defaultValue = "false") boolean mine) {
		// mine: the customers assigned to the caller
		String who = mine ? io.encaisse.shared.AuditTrail.currentActor()
				: collector == null || collector.isBlank() ? null : collector.strip();
		return new Cursor.Page<>(this.worklist.rows(limit, who), false);
	}

	/**
	 * The customer's statement of account at a date (today by default): JSON, or the
	 * printed statement with {@code Accept: application/pdf}.
	 */
	@GetMapping(path = "/api/v1/customers/{id}/statement", produces = { "application/json", "application/pdf" })
	@PreAuthorize(Roles.READ_RECEIVABLES)
	ResponseEntity<?> statement(@PathVariable String id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@org.springframework.web.bind.annotation.RequestHeader(value = "Accept", required = false) String accept) {
		var statement = this.statements.of(id, asOf);
		if (accept == null || !accept.contains("application/pdf")) {
			return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(statement);
		}
		return ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"statement-" + id + "-" + statement.asOf() + ".pdf\"")
			.body(this.statementPdf.render(statement));
	}

	/**
	 * Promises kept, what reminders brought in, open disputes by reason and age, root
	 * causes by month.
	 */
	@GetMapping("/api/v1/reports/collections")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	io.encaisse.collections.CollectionsKpis.Report kpis() {
		return this.kpis.report();
	}

	/**
	 * Enters (or corrects) the ECB rate of the half-year starting {@code validFrom} (1
	 * January or 1 July): {@code {ecbRate, source}}.
	 */
	@org.springframework.web.bind.annotation.PutMapping("/api/v1/late-payment-rates/{validFrom}")
	@PreAuthorize(Roles.SET_POLICIES)
	io.encaisse.collections.LatePaymentRates.Rate setRate(@PathVariable String validFrom,
			@RequestBody(required = false) io.encaisse.collections.LatePaymentRates.Input input) {
		LocalDate from;
		try {
			from = LocalDate.parse(validFrom);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new io.encaisse.shared.Problem.Invalid("validFrom", "must be a date, 2027-01-01 or 2027-07-01");
		}
		return this.rates.set(from, input);
	}

	/** The ECB reference rates by half-year the penalties run on. */
	@GetMapping("/api/v1/late-payment-rates")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	List<io.encaisse.collections.LateCharges.ReferenceRate> rates() {
		return this.charges.rates();
	}

}
