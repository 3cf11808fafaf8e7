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
 * once) and the collection agency's file.
 */
@RestController
@Tag(name = "Collections")
class DunningOutputApi {

	private final DunningLetters letters;

	private final AgencyHandOver agency;

	DunningOutputApi(DunningLetters letters, AgencyHandOver agency) {
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

	private static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"")
			.body(bytes);
	}

}
