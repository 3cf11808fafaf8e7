package io.encaisse.collections.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.encaisse.collections.CollectionNotes;
import io.encaisse.collections.CollectionSettings;
import io.encaisse.collections.CollectionTasks;
import io.encaisse.collections.CustomerStatements;
import io.encaisse.collections.Disputes;
import io.encaisse.collections.LateChargeWaivers;
import io.encaisse.collections.LateChargesOfInvoices;
import io.encaisse.collections.Promises;
import io.encaisse.customers.CreditHolds;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Roles;
import io.encaisse.shared.web.Forms;

import org.springframework.format.annotation.DateTimeFormat;
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
 * A customer as the collector works it: what is open and how late, the late charges, the
 * notes, calls, tasks, promises and disputes; a form for each (the worklist's keys c, n,
 * p, d, t land on them).
 */
@Controller
@RequestMapping("/collections/customers/{customerId}")
class CollectorDesk {

	private final CustomerStatements statements;

	private final LateChargesOfInvoices charges;

	private final CollectionNotes notes;

	private final CollectionTasks tasks;

	private final Promises promises;

	private final Disputes disputes;

	private final CollectionSettings settings;

	private final CreditHolds holds;

	private final LateChargeWaivers waivers;

	private final io.encaisse.shared.Today today;

	private final io.encaisse.collections.CustomerAccountLinks links;

	private final io.encaisse.collections.DisputeAttachments files;

	private final io.encaisse.collections.PayingHabits habits;

	private final io.encaisse.collections.PenaltyNotes penalties;

	private final io.encaisse.collections.StatementMail statementMail;

	private final io.encaisse.collections.DisputeComments comments;

	/**
	 * A month of the DSO chart: its DSO and the bar's length in percent of the longest.
	 */
	record DsoBar(String month, String dso, int percent) {
	}

	CollectorDesk(CustomerStatements statements, LateChargesOfInvoices charges, CollectionNotes notes,
			CollectionTasks tasks, Promises promises, Disputes disputes, CollectionSettings settings, CreditHolds holds,
			LateChargeWaivers waivers, io.encaisse.shared.Today today,
			io.encaisse.collections.CustomerAccountLinks links, io.encaisse.collections.DisputeAttachments files,
			io.encaisse.collections.PayingHabits habits, io.encaisse.collections.PenaltyNotes penalties,
			io.encaisse.collections.StatementMail statementMail, io.encaisse.collections.DisputeComments comments) {
		this.comments = comments;
		this.statementMail = statementMail;
		this.penalties = penalties;
		this.habits = habits;
		this.links = links;
		this.files = files;
		this.today = today;
		this.statements = statements;
		this.charges = charges;
		this.notes = notes;
		this.tasks = tasks;
		this.promises = promises;
		this.disputes = disputes;
		this.settings = settings;
		this.holds = holds;
		this.waivers = waivers;
	}

	@GetMapping
	@PreAuthorize(Roles.READ_RECEIVABLES)
	String show(@PathVariable String customerId, Model model) {
		CustomerStatements.Statement statement = this.statements.of(customerId, null);
		Map<String, LateChargesOfInvoices.Charges> late = new HashMap<>();
		for (LateChargesOfInvoices.Charges c : this.charges.ofCustomer(customerId)) {
			late.put(c.invoiceId(), c);
		}
		model.addAttribute("statement", statement);
		model.addAttribute("charges", late);
		model.addAttribute("notes", this.notes.ofCustomer(customerId, 100));
		model.addAttribute("tasks", this.tasks.list(new CollectionTasks.Filter(customerId, null, false), 100));
		model.addAttribute("promises", this.promises.ofCustomer(customerId));
		List<Disputes.Dispute> disputes = this.disputes.ofCustomer(customerId);
		model.addAttribute("disputes", disputes);
		List<String> disputeIds = disputes.stream().map(Disputes.Dispute::id).toList();
		Map<String, List<io.encaisse.collections.DisputeAttachments.Attachment>> files = this.files.ofAll(disputeIds);
		model.addAttribute("files", files);
		model.addAttribute("comments", this.comments.ofAll(disputeIds));
		// the customer's own link is a credential: only for those who collect
		boolean collects = io.encaisse.shared.Roles.currentHasAny(io.encaisse.shared.Role.ADMIN,
				io.encaisse.shared.Role.COLLECTOR, io.encaisse.shared.Role.BILLING, io.encaisse.shared.Role.FINANCE);
		model.addAttribute("collects", collects);
		model.addAttribute("accountLink", collects ? this.links.of(customerId).url() : null);
		var habits = this.habits.of(customerId);
		double longest = habits.dsoTrend()
			.stream()
			.filter(p -> p.dso() != null)
			.mapToDouble(p -> Double.parseDouble(p.dso()))
			.max()
			.orElse(0);
		model.addAttribute("habits", habits);
		model.addAttribute("penalties", this.penalties.ofCustomer(customerId));
		// bar lengths only (the figures shown are the exact ones)
		model.addAttribute("dsoBars",
				habits.dsoTrend()
					.stream()
					.map(p -> new DsoBar(p.month(), p.dso(),
							p.dso() == null || longest == 0 ? 0
									: (int) Math.round(Double.parseDouble(p.dso()) * 100 / longest)))
					.toList());
		model.addAttribute("settings", this.settings.of(customerId));
		model.addAttribute("hold", this.holds.of(customerId).orElse(null));
		model.addAttribute("me", AuditTrail.currentActor());
		model.addAttribute("outcomes", CollectionNotes.Outcome.values());
		model.addAttribute("reasons", io.encaisse.collections.DisputeReason.values());
		model.addAttribute("today", this.today.date());
		return "collections/customer";
	}

	/** A file of one of the customer's disputes, as sent. */
	@GetMapping("/disputes/{disputeId}/files/{fileId}")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	org.springframework.http.ResponseEntity<byte[]> file(@PathVariable String customerId,
			@PathVariable String disputeId, @PathVariable String fileId) {
		if (!this.disputes.get(disputeId).customerId().equals(customerId)) {
			throw new Problem.NotFound("dispute", disputeId);
		}
		var content = this.files.get(disputeId, fileId);
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(content.attachment().contentType()))
			.header("Content-Disposition", "attachment; filename=\"" + content.attachment().filename() + "\"")
			.body(content.bytes());
	}

	@PostMapping("/notes")
	@PreAuthorize(Roles.COLLECT)
	String note(@PathVariable String customerId, @RequestParam(defaultValue = "NOTE") String kind,
			@RequestParam(required = false) String invoiceId, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String body, RedirectAttributes redirect) {
		return act(customerId, redirect,
				() -> this.notes.add(customerId, new CollectionNotes.Input(kind, invoiceId, outcome, body)));
	}

	@PostMapping("/tasks")
	@PreAuthorize(Roles.COLLECT)
	String task(@PathVariable String customerId, @RequestParam(required = false) String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) String invoiceId,
			RedirectAttributes redirect) {
		return act(customerId, redirect,
				() -> this.tasks.create(customerId, new CollectionTasks.Input(title, dueOn, assignee, invoiceId)));
	}

	@PostMapping("/tasks/{taskId}/done")
	@PreAuthorize(Roles.COLLECT)
	String taskDone(@PathVariable String customerId, @PathVariable String taskId, RedirectAttributes redirect) {
		return act(customerId, redirect, () -> {
			if (!this.tasks.get(taskId).customerId().equals(customerId)) {
				throw new Problem.NotFound("task", taskId);
			}
			return this.tasks.done(taskId);
		});
	}

	@PostMapping("/promises")
	@PreAuthorize(Roles.COLLECT)
	String promise(@PathVariable String customerId, @RequestParam(required = false) String amount,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate promisedOn,
			@RequestParam(name = "invoiceId", required = false) List<String> invoiceIds,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return act(customerId, redirect, () -> this.promises.record(customerId,
				new Promises.Input(amount, promisedOn, invoiceIds == null ? List.of() : invoiceIds, note)));
	}

	@PostMapping("/disputes")
	@PreAuthorize(Roles.COLLECT)
	String dispute(@PathVariable String customerId, @RequestParam(required = false) String invoiceId,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String message, RedirectAttributes redirect) {
		return act(customerId, redirect, () -> {
			if (invoiceId == null || invoiceId.isBlank()) {
				throw new Problem.Invalid("invoiceId", "choose the invoice disputed");
			}
			ownInvoice(customerId, invoiceId);
			return this.disputes.open(invoiceId, new Disputes.Input(reason, amount, null, null, message));
		});
	}

	@PostMapping("/disputes/{disputeId}/comments")
	@PreAuthorize(Roles.COLLECT)
	String comment(@PathVariable String customerId, @PathVariable String disputeId,
			@RequestParam(required = false) String body, RedirectAttributes redirect) {
		return act(customerId, redirect, () -> {
			if (!this.disputes.get(disputeId).customerId().equals(customerId)) {
				throw new Problem.NotFound("dispute", disputeId);
			}
			return this.comments.add(disputeId, new io.encaisse.collections.DisputeComments.Input(body));
		});
	}

	@PostMapping("/disputes/{disputeId}/resolve")
	@PreAuthorize(Roles.COLLECT)
	String resolve(@PathVariable String customerId, @PathVariable String disputeId,
			@RequestParam(required = false) String resolution, @RequestParam(required = false) String note,
			@RequestParam(required = false) String creditAmount, RedirectAttributes redirect) {
		return act(customerId, redirect, () -> {
			if (!this.disputes.get(disputeId).customerId().equals(customerId)) {
				throw new Problem.NotFound("dispute", disputeId);
			}
			return this.disputes.resolve(disputeId, new Disputes.ResolutionInput(resolution, note, null, creditAmount));
		});
	}

	/** Mails the customer its statement of account of the day. */
	@PostMapping("/statement/mail")
	@PreAuthorize(Roles.COLLECT)
	String mailStatement(@PathVariable String customerId, RedirectAttributes redirect) {
		return act(customerId, redirect, () -> this.statementMail.send(customerId));
	}

	/** Puts the customer on credit hold: new orders from every channel wait. */
	@PostMapping("/hold")
	@PreAuthorize(Roles.COLLECT)
	String hold(@PathVariable String customerId, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return act(customerId, redirect, () -> this.holds.hold(customerId, reason));
	}

	/** Releases the customer's credit hold (finance, with a reason). */
	@PostMapping("/release")
	@PreAuthorize(Roles.SET_POLICIES)
	String release(@PathVariable String customerId, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return act(customerId, redirect, () -> {
			this.holds.release(customerId, reason);
			return null;
		});
	}

	/** Assigns the customer to a collector (the caller with {@code me}). */
	@PostMapping("/collector")
	@PreAuthorize(Roles.COLLECT)
	String collector(@PathVariable String customerId, @RequestParam(required = false) String collector,
			@RequestParam(defaultValue = "false") boolean me, RedirectAttributes redirect) {
		return act(customerId, redirect, () -> {
			CollectionSettings.Settings now = this.settings.of(customerId);
			return this.settings.set(customerId, new CollectionSettings.Input(now.policyId(), now.excluded(),
					now.lateInterestRate(), me ? AuditTrail.currentActor() : collector));
		});
	}

	/** What a partial payment left open becomes a dispute. */
	@PostMapping("/invoices/{invoiceId}/short-payment")
	@PreAuthorize(Roles.COLLECT)
	String shortPayment(@PathVariable String customerId, @PathVariable String invoiceId,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(customerId, redirect, () -> {
			ownInvoice(customerId, invoiceId);
			return this.disputes.fromShortPayment(invoiceId, reason, null);
		});
	}

	/** Invoices the penalties of one of the customer's late invoices. */
	@PostMapping("/invoices/{invoiceId}/penalty-note")
	@PreAuthorize(Roles.BILL)
	String penalty(@PathVariable String customerId, @PathVariable String invoiceId, RedirectAttributes redirect) {
		return act(customerId, redirect, () -> {
			ownInvoice(customerId, invoiceId);
			return this.penalties.issue(invoiceId);
		});
	}

	/** A penalty note of the customer's, as issued. */
	@GetMapping("/penalty-notes/{noteId}/pdf")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	org.springframework.http.ResponseEntity<byte[]> penaltyPdf(@PathVariable String customerId,
			@PathVariable String noteId) {
		var note = this.penalties.get(noteId);
		if (!note.customerId().equals(customerId)) {
			throw new Problem.NotFound("penalty note", noteId);
		}
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"" + note.number() + ".pdf\"")
			.body(this.penalties.pdf(noteId));
	}

	@PostMapping("/invoices/{invoiceId}/waiver")
	@PreAuthorize(Roles.SET_POLICIES)
	String waive(@PathVariable String customerId, @PathVariable String invoiceId,
			@RequestParam(defaultValue = "false") boolean interest,
			@RequestParam(defaultValue = "false") boolean indemnity, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return act(customerId, redirect, () -> {
			ownInvoice(customerId, invoiceId);
			return this.waivers.waive(invoiceId, new LateChargeWaivers.Input(interest, indemnity, reason));
		});
	}

	private void ownInvoice(String customerId, String invoiceId) {
		if (this.statements.of(customerId, null).lines().stream().noneMatch(l -> l.invoiceId().equals(invoiceId))) {
			throw new Problem.Invalid("invoiceId", "no open invoice " + invoiceId + " of this customer");
		}
	}

	private String act(String customerId, RedirectAttributes redirect, java.util.function.Supplier<?> action) {
		try {
			action.get();
			Forms.flash(redirect, "✓");
		}
		catch (Problem.Refused refused) {
			Forms.refused(redirect, refused);
		}
		return "redirect:/collections/customers/" + customerId;
	}

}
