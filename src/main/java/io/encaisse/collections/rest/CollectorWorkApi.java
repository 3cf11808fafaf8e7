package io.encaisse.collections.rest;

import java.net.URI;
import java.util.List;

import io.encaisse.collections.CollectionNotes;
import io.encaisse.collections.CollectionTasks;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Roles;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The collector's work over the API: notes and call logs on a customer (or one of its
 * invoices), tasks with due dates.
 */
@RestController
@Tag(name = "Collections")
class CollectorWorkApi {

	private final CollectionNotes notes;

	private final CollectionTasks tasks;

	private final io.encaisse.collections.LateChargeWaivers waivers;

	private final io.encaisse.collections.CustomerAccountLinks links;

	private final io.encaisse.collections.DisputeAttachments files;

	private final io.encaisse.collections.PayingHabits habits;

	private final io.encaisse.collections.Disputes disputes;

	private final io.encaisse.collections.StatementMail statementMail;

	private final io.encaisse.collections.DisputeComments comments;

	CollectorWorkApi(CollectionNotes notes, CollectionTasks tasks, io.encaisse.collections.LateChargeWaivers waivers,
			io.encaisse.collections.CustomerAccountLinks links, io.encaisse.collections.DisputeAttachments files,
			io.encaisse.collections.PayingHabits habits, io.encaisse.collections.Disputes disputes,
			io.encaisse.collections.StatementMail statementMail, io.encaisse.collections.DisputeComments comments) {
		this.comments = comments;
		this.statementMail = statementMail;
		this.disputes = disputes;
		this.habits = habits;
		this.files = files;
		this.links = links;
		this.waivers = waivers;
		this.notes = notes;
		this.tasks = tasks;
	}

	/**
	 * A new link to the customer's own account page (open invoices, statement, documents,
	 * dispute, promise, how to pay), valid 120 days; every reminder carries one.
	 */
	@PostMapping("/api/v1/customers/{id}/account-link")
	@PreAuthorize(Roles.COLLECT)
	io.encaisse.collections.CustomerAccountLinks.Link accountLink(@PathVariable String id) {
		return this.links.of(id);
	}

	/**
	 * How the customer pays: DSO at each of the last twelve month-ends, the CEI of the
	 * last 90 days, average days late lately and before.
	 */
	@GetMapping("/api/v1/customers/{id}/paying-habits")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	io.encaisse.collections.PayingHabits.CustomerHabits payingHabits(@PathVariable String id) {
		return this.habits.of(id);
	}

	/** The customer's notes and calls, newest first. */
	@GetMapping("/api/v1/customers/{id}/notes")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	List<CollectionNotes.Note> notes(@PathVariable String id, @RequestParam(defaultValue = "100") int limit) {
		return this.notes.ofCustomer(id, limit);
	}

	/** Adds a note ({@code kind} NOTE) or logs a call ({@code kind} CALL, an outcome). */
	@PostMapping("/api/v1/customers/{id}/notes")
	@PreAuthorize(Roles.COLLECT)
	ResponseEntity<CollectionNotes.Note> addNote(@PathVariable String id,
			@RequestBody(required = false) CollectionNotes.Input input) {
		CollectionNotes.Note note = this.notes.add(id, input);
		return ResponseEntity.created(URI.create("/api/v1/customers/" + id + "/notes")).body(note);
	}

	/** The customer's tasks, open first. */
	@GetMapping("/api/v1/customers/{id}/tasks")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	List<CollectionTasks.Task> customerTasks(@PathVariable String id,
			@RequestParam(defaultValue = "false") boolean open) {
		return this.tasks.list(new CollectionTasks.Filter(id, null, open), 500);
	}

	/** A task for the customer (assigned to its collector unless said). */
	@PostMapping("/api/v1/customers/{id}/tasks")
	@PreAuthorize(Roles.COLLECT)
	ResponseEntity<CollectionTasks.Task> createTask(@PathVariable String id,
			@RequestBody(required = false) CollectionTasks.Input input) {
		CollectionTasks.Task task = this.tasks.create(id, input);
		return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id())).body(task);
	}

	/**
	 * Tasks: the caller's ({@code mine}), someone's, or everyone's; open only unless
	 * said.
	 */
	@GetMapping("/api/v1/tasks")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	List<CollectionTasks.Task> tasks(@RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) String assignee, @RequestParam(defaultValue = "true") boolean open,
			@RequestParam(defaultValue = "200") int limit) {
		String who = mine ? AuditTrail.currentActor() : assignee == null || assignee.isBlank() ? null : assignee;
		return this.tasks.list(new CollectionTasks.Filter(null, who, open), limit);
	}

	@GetMapping("/api/v1/tasks/{taskId}")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	CollectionTasks.Task task(@PathVariable String taskId) {
		return this.tasks.get(taskId);
	}

	/**
	 * Waives an invoice's late-payment interest, its 40 EUR indemnity or both, with a
	 * reason (waiving nothing lifts the waiver); answers the charges now.
	 */
	@PostMapping("/api/v1/invoices/{id}/late-charges/waiver")
	@PreAuthorize(Roles.SET_POLICIES)
	io.encaisse.collections.LateChargesOfInvoices.Charges waive(@PathVariable String id,
			@RequestBody(required = false) io.encaisse.collections.LateChargeWaivers.Input input) {
		return this.waivers.waive(id, input);
	}

	/**
	 * Mails the customer's statement of account of the day (queued; answers the outbox
	 * row).
	 */
	@PostMapping("/api/v1/customers/{id}/statement/mail")
	@PreAuthorize(Roles.COLLECT)
	ResponseEntity<io.encaisse.shared.mail.MailOutbox.Sending> mailStatement(@PathVariable String id,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate asOf) {
		return ResponseEntity.accepted().body(this.statementMail.send(id, asOf));
	}

	record ShortPayment(String reason, String message) {
	}

	/**
	 * Turns the short payment of an invoice paid in part into a dispute of what is left
	 * ({@code reason}, {@code message}).
	 */
	@PostMapping("/api/v1/invoices/{id}/short-payment-dispute")
	@PreAuthorize(Roles.COLLECT)
	ResponseEntity<io.encaisse.collections.Disputes.Dispute> shortPayment(@PathVariable String id,
			@RequestBody(required = false) ShortPayment input) {
		var dispute = this.disputes.fromShortPayment(id, input == null ? null : input.reason(),
				input == null ? null : input.message());
		return ResponseEntity.created(URI.create("/api/v1/disputes/" + dispute.id())).body(dispute);
	}

	/** A dispute's comments, oldest first. */
	@GetMapping("/api/v1/disputes/{id}/comments")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	List<io.encaisse.collections.DisputeComments.Comment> comments(@PathVariable String id) {
		return this.comments.of(id);
	}

	/** Adds a comment to an open dispute ({@code body}). */
	@PostMapping("/api/v1/disputes/{id}/comments")
	@PreAuthorize(Roles.COLLECT)
	ResponseEntity<io.encaisse.collections.DisputeComments.Comment> comment(@PathVariable String id,
			@RequestBody(required = false) io.encaisse.collections.DisputeComments.Input input) {
		var comment = this.comments.add(id, input);
		return ResponseEntity.created(URI.create("/api/v1/disputes/" + id + "/comments")).body(comment);
	}

	/** The files attached to a dispute. */
	@GetMapping("/api/v1/disputes/{id}/attachments")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	List<io.encaisse.collections.DisputeAttachments.Attachment> attachments(@PathVariable String id) {
		return this.files.list(id);
	}

	/**
	 * Attaches a file (PDF, PNG or JPEG, 5 MB at most) to a dispute: multipart, part
	 * {@code file}.
	 */
	@PostMapping("/api/v1/disputes/{id}/attachments")
	@PreAuthorize(Roles.COLLECT)
	ResponseEntity<io.encaisse.collections.DisputeAttachments.Attachment> attach(@PathVariable String id,
			@RequestParam(required = false) org.springframework.web.multipart.MultipartFile file)
			throws java.io.IOException {
		if (file == null) {
			throw new io.encaisse.shared.Problem.Invalid("file", "send the file as the multipart part 'file'");
		}
		var attachment = this.files.attach(id, file.getOriginalFilename(), file.getBytes());
		return ResponseEntity.created(URI.create("/api/v1/disputes/" + id + "/attachments/" + attachment.id()))
			.body(attachment);
	}

	/** A file of a dispute, as it was sent. */
	@GetMapping("/api/v1/disputes/{id}/attachments/{attachmentId}")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable String attachmentId) {
		var content = this.files.get(id, attachmentId);
		return ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(content.attachment().contentType()))
			.header("Content-Disposition", "attachment; filename=\"" + content.attachment().filename() + "\"")
			.body(content.bytes());
	}

	@PostMapping("/api/v1/tasks/{taskId}/done")
	@PreAuthorize(Roles.COLLECT)
	CollectionTasks.Task done(@PathVariable String taskId) {
		return this.tasks.done(taskId);
	}

}
