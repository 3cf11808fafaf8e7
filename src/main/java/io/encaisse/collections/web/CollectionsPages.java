package io.encaisse.collections.web;

import io.encaisse.collections.CollectionSettings;
import io.encaisse.collections.CollectionsWorklist;
import io.encaisse.collections.DunningRuns;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Roles;
import io.encaisse.shared.web.Forms;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The collector's page: the worklist (the most urgent customers first, with the next
 * action), a preview of what a dunning run would send today, and the run itself.
 */
@Controller
@RequestMapping("/collections")
class CollectionsPages {

	private final CollectionsWorklist worklist;

	private final DunningRuns runs;

	private final CollectionSettings settings;

	private final io.encaisse.collections.CustomerStatements statements;

	private final io.encaisse.collections.StatementPdf statementPdf;

	private final io.encaisse.collections.CollectionTasks tasks;

	private final io.encaisse.shared.Today today;

	private final io.encaisse.collections.DunningLetters letters;

	private final io.encaisse.collections.AgencyHandOver agency;

	CollectionsPages(CollectionsWorklist worklist, DunningRuns runs, CollectionSettings settings,
			io.encaisse.collections.CustomerStatements statements, io.encaisse.collections.StatementPdf statementPdf,
			io.encaisse.collections.CollectionTasks tasks, io.encaisse.shared.Today today,
			io.encaisse.collections.DunningLetters letters, io.encaisse.collections.AgencyHandOver agency) {
		this.letters = letters;
		this.agency = agency;
		this.tasks = tasks;
		this.today = today;
		this.statements = statements;
		this.statementPdf = statementPdf;
		this.worklist = worklist;
		this.runs = runs;
		this.settings = settings;
	}

	@GetMapping
	@PreAuthorize(Roles.READ_RECEIVABLES)
	String worklist(@RequestParam(required = false) Boolean preview, @RequestParam(defaultValue = "false") boolean mine,
			Model model) {
		String me = io.encaisse.shared.AuditTrail.currentActor();
		model.addAttribute("rows", this.worklist.rows(200, mine ? me : null));
		model.addAttribute("mine", mine);
		model.addAttribute("runs", this.runs.recent(5));
		model.addAttribute("myTasks",
				this.tasks.list(new io.encaisse.collections.CollectionTasks.Filter(null, me, true), 50)
					.stream()
					.filter(t -> !t.dueOn().isAfter(this.today.date()))
					.toList());
		if (Boolean.TRUE.equals(preview)) {
			model.addAttribute("preview", this.runs.run(new DunningRuns.Request(null, true)));
		}
		return "collections/worklist";
	}

	/** Today's dunning run, now (the daily job does the same). */
	@PostMapping("/run")
	@PreAuthorize(Roles.COLLECT)
	String run(RedirectAttributes redirect) {
		try {
			DunningRuns.Run run = this.runs.run(new DunningRuns.Request(null, false));
			Forms.flash(redirect, "✓ " + run.messageCount() + " / " + run.noticeCount());
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
		}
		return "redirect:/collections";
	}

	/** A run's letters to print, as one PDF. */
	@GetMapping("/runs/{runId}/letters")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	org.springframework.http.ResponseEntity<byte[]> letters(@PathVariable String runId) {
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"letters-" + runId + ".pdf\"")
			.body(this.letters.letters(runId));
	}

	/** One reminder as a letter to print. */
	@GetMapping("/messages/{messageId}/letter")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	org.springframework.http.ResponseEntity<byte[]> letter(@PathVariable String messageId) {
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"letter-" + messageId + ".pdf\"")
			.body(this.letters.letter(messageId));
	}

	/** The collection agency's file. */
	@GetMapping("/agency-export")
	@PreAuthorize(Roles.COLLECT)
	void agencyExport(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"collection-agency.csv\"");
		this.agency.csv(response.getWriter());
	}

	/** The customer's statement of account today, printed. */
	@GetMapping("/customers/{customerId}/statement")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	org.springframework.http.ResponseEntity<byte[]> statement(@PathVariable String customerId) {
		var statement = this.statements.of(customerId, null);
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header("Content-Disposition",
					"inline; filename=\"statement-" + customerId + "-" + statement.asOf() + ".pdf\"")
			.body(this.statementPdf.render(statement));
	}

	/** Whether the customer is dunned (from the customer page). */
	@PostMapping("/customers/{customerId}/dunned")
	@PreAuthorize(Roles.SET_POLICIES)
	String dunned(@PathVariable String customerId, @RequestParam(required = false) Boolean on,
			RedirectAttributes redirect) {
		try {
			CollectionSettings.Settings now = this.settings.of(customerId);
			this.settings.set(customerId, new CollectionSettings.Input(now.policyId(), !Boolean.TRUE.equals(on),
					now.lateInterestRate(), now.collector()));
			Forms.flash(redirect, "✓");
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
		}
		return "redirect:/customers/" + customerId;
	}

}
