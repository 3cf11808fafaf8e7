package io.encaisse.collections.rest;

import io.encaisse.collections.AgencyHandOver;
import io.encaisse.collections.DunningLetters;
import io.encaisse.shared.Roles;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What dunning hands to the outside: letters to print (a message, or a run's letters at
 * once), the collection agency's file, and the penalty notes.
 */
@RestController
@Tag(name = "Collections")
class DunningOutputApi {

	private final DunningLetters letters;

	private final AgencyHandOver agency;

	private final io.encaisse.collections.PenaltyNotes penalties;

	DunningOutputApi(DunningLetters letters, AgencyHandOver agency, io.encaisse.collections.PenaltyNotes penalties) {
		this.penalties = penalties;
		this.letters = letters;
		this.agency = agency;
	}

	/** A reminder as a letter to print (PDF), with the statement of account after it. */
	@GetMapping(path = "/api/v1/dunning-messages/{id}/letter", produces = "application/pdf")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	ResponseEntity<byte[]> letter(@PathVariable String id) {
		return pdf(this.letters.letter(id), "letter-" + id + ".pdf");
	}

	/** The run's letters (LETTER and FORMAL_NOTICE levels) as one PDF to print. */
	@GetMapping(path = "/api/v1/dunning-runs/{id}/letters", produces = "application/pdf")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	ResponseEntity<byte[]> letters(@PathVariable String id) {
		return pdf(this.letters.letters(id), "letters-" + id + ".pdf");
	}

	/** The collection agency's file: a line per open invoice handed over (CSV). */
	@GetMapping(path = "/api/v1/collections/agency-export", produces = "text/csv")
	@PreAuthorize(Roles.COLLECT)
	void agencyExport(HttpServletResponse response) throws java.io.IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"collection-agency.csv\"");
		this.agency.csv(response.getWriter());
	}

	/**
	 * Invoices the late-payment penalties of a late invoice (a numbered note, mailed).
	 */
	@org.springframework.web.bind.annotation.PostMapping("/api/v1/invoices/{id}/penalty-note")
	@PreAuthorize(Roles.BILL)
	ResponseEntity<io.encaisse.collections.PenaltyNotes.Note> issuePenalty(@PathVariable String id) {
		var note = this.penalties.issue(id);
		return ResponseEntity.created(java.net.URI.create("/api/v1/penalty-notes/" + note.id())).body(note);
	}

	@GetMapping("/api/v1/penalty-notes/{id}")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	io.encaisse.collections.PenaltyNotes.Note penalty(@PathVariable String id) {
		return this.penalties.get(id);
	}

	/** The note's PDF, as issued. */
	@GetMapping(path = "/api/v1/penalty-notes/{id}/pdf", produces = "application/pdf")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	ResponseEntity<byte[]> penaltyPdf(@PathVariable String id) {
		var note = this.penalties.get(id);
		return pdf(this.penalties.pdf(id), note.number() + ".pdf");
	}

	@GetMapping("/api/v1/customers/{id}/penalty-notes")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	java.util.List<io.encaisse.collections.PenaltyNotes.Note> penaltiesOf(@PathVariable String id) {
		return this.penalties.ofCustomer(id);
	}

	/** The customer paid the note. */
	@org.springframework.web.bind.annotation.PostMapping("/api/v1/penalty-notes/{id}/paid")
	@PreAuthorize(Roles.COLLECT_CASH)
	io.encaisse.collections.PenaltyNotes.Note penaltyPaid(@PathVariable String id) {
		return this.penalties.paid(id);
	}

	record Cancel(String reason) {
	}

	/** Cancels a note with a reason (a waiver granted after it was issued). */
	@org.springframework.web.bind.annotation.PostMapping("/api/v1/penalty-notes/{id}/cancel")
	@PreAuthorize(Roles.SET_POLICIES)
	io.encaisse.collections.PenaltyNotes.Note cancelPenalty(@PathVariable String id,
			@org.springframework.web.bind.annotation.RequestBody(required = false) Cancel cancel) {
		return this.penalties.cancel(id, cancel == null ? null : cancel.reason());
	}

	private static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"")
			.body(bytes);
	}

}
