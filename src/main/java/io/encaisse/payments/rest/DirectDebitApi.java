package io.encaisse.payments.rest;

import java.net.URI;
import java.time.LocalDate;

import io.encaisse.payments.DirectDebits;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Roles;
import io.encaisse.shared.web.Locations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "SEPA direct debit")
class DirectDebitApi {

	private final DirectDebits directDebits;

	DirectDebitApi(DirectDebits directDebits) {
		this.directDebits = directDebits;
	}

	record MandateRequest(String reference, LocalDate signedOn, String iban, String bic) {
	}

	record CollectionRequest(String bankAccountId, LocalDate collectionDate) {
	}

	@PostMapping("/api/v1/customers/{id}/mandates")
	@PreAuthorize(Roles.COLLECT_CASH)
	ResponseEntity<DirectDebits.Mandate> addMandate(@PathVariable String id, @RequestBody MandateRequest request) {
		DirectDebits.Mandate m = this.directDebits.addMandate(id, request.reference(), request.signedOn(),
				request.iban(), request.bic());
		return ResponseEntity.created(Locations.of("/api/v1/customers/{id}/mandates/{reference}", id, m.reference()))
			.body(m);
	}

	@GetMapping("/api/v1/customers/{id}/mandates")
	@PreAuthorize(Roles.ANY)
	Cursor.Page<DirectDebits.Mandate> mandates(@PathVariable String id) {
		return new Cursor.Page<>(this.directDebits.mandates(id), false);
	}

	@DeleteMapping("/api/v1/customers/{id}/mandates/{reference}")
	@PreAuthorize(Roles.COLLECT_CASH)
	DirectDebits.Mandate revoke(@PathVariable String id, @PathVariable String reference) {
		return this.directDebits.revoke(id, reference);
	}

	@Operation(summary = "Prepare the collection of the invoices due by a date, for customers with an active mandate")
	@PostMapping("/api/v1/direct-debits")
	@PreAuthorize(Roles.COLLECT_CASH)
	ResponseEntity<DirectDebits.Collection> collect(@RequestBody CollectionRequest request) {
		DirectDebits.Collection c = this.directDebits.collect(request.bankAccountId(), request.collectionDate());
		return ResponseEntity.created(URI.create("/api/v1/direct-debits/" + c.id())).body(c);
	}

	@GetMapping("/api/v1/direct-debits/{id}")
	@PreAuthorize(Roles.ANY)
	DirectDebits.Collection get(@PathVariable String id) {
		return this.directDebits.get(id);
	}

	@Operation(summary = "The pain.008.001.02 file to send to the bank")
	@GetMapping("/api/v1/direct-debits/{id}/pain.008")
	@PreAuthorize(Roles.COLLECT_CASH)
	ResponseEntity<byte[]> pain008(@PathVariable String id) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_XML)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".pain.008.xml\"")
			.body(this.directDebits.pain008(id));
	}

}
