package io.encaisse.payments.rest;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.encaisse.payments.BankStatements;
import io.encaisse.payments.statements.BankCsv;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Roles;
import io.encaisse.shared.web.Locations;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Bank statements")
class BankStatementApi {

	private final BankStatements statements;

	BankStatementApi(BankStatements statements) {
		this.statements = statements;
	}

	record AccountRequest(String name, String iban, String currency, String bic) {
	}

	record EntryResponse(String id, String bankReference, String amount, String currency, String direction,
			LocalDate bookingDate, String remittance, String debtorName, String status, String reason,
			List<AllocationResponse> allocations, List<SuggestionResponse> suggestions) {

		static EntryResponse of(BankStatements.EntryView e) {
			return new EntryResponse(e.id(), e.bankReference(), Money.of(e.amount(), e.currency()).toPlainString(),
					e.currency(), e.credit() ? "CREDIT" : "DEBIT", e.bookingDate(), e.remittance(), e.debtorName(),
					e.status(), e.reason(),
					e.allocations()
						.stream()
						.map(a -> new AllocationResponse(a.invoiceNumber(),
								Money.of(a.amount(), e.currency()).toPlainString()))
						.toList(),
					e.suggestions()
						.stream()
						.map(s -> new SuggestionResponse(s.invoiceNumber(), s.amount().toPlainString(),
								s.confidence().toPlainString(), s.reason()))
						.toList());
		}

	}

	record AllocationResponse(String invoiceNumber, String amount) {
	}

	record SuggestionResponse(String invoiceNumber, String amount, String confidence, String reason) {
	}

	@PostMapping("/api/v1/bank-accounts")
	@PreAuthorize(Roles.COLLECT_CASH)
	ResponseEntity<BankStatements.Account> addAccount(@RequestBody AccountRequest request) {
		BankStatements.Account account = this.statements.addAccount(request.name(), request.iban(), request.currency(),
				request.bic());
		return ResponseEntity.created(URI.create("/api/v1/bank-accounts/" + account.id())).body(account);
	}

	/** Saves how this account's CSV exports read; imports then name it with ?mapping=. */
	@PostMapping("/api/v1/bank-accounts/{id}/csv-mappings")
	@PreAuthorize(Roles.COLLECT_CASH)
	ResponseEntity<BankCsv.Mapping> saveMapping(@PathVariable String id, @RequestBody BankCsv.Mapping mapping) {
		if (mapping == null) {
			throw new Problem.Invalid("body", "is required");
		}
		BankCsv.Mapping saved = this.statements.saveMapping(id, mapping);
		return ResponseEntity.created(Locations.of("/api/v1/bank-accounts/{id}/csv-mappings/{name}", id, saved.name()))
			.body(saved);
	}

	@GetMapping("/api/v1/bank-accounts")
	@PreAuthorize(Roles.ANY)
	Cursor.Page<BankStatements.Account> accounts() {
		return new Cursor.Page<>(this.statements.accounts(), false);
	}

	/** The raw statement file as the body: camt.053 or camt.054 XML. */
	@PostMapping(path = "/api/v1/bank-statements",
			consumes = { "application/xml", "text/xml", "text/plain", "text/csv", "application/octet-stream" })
	@PreAuthorize(Roles.COLLECT_CASH)
	ResponseEntity<BankStatements.Summary> importStatement(HttpServletRequest request,
			@RequestParam(required = false) String mapping,
			@RequestParam(required = false, defaultValue = "false") boolean acceptUnbalanced) throws IOException {
		String type = request.getContentType() == null ? "" : request.getContentType();
		BankStatements.Format format;
		if (type.contains("xml")) {
			format = BankStatements.Format.CAMT;
		}
		else if (type.startsWith("text/plain") || type.startsWith("application/octet-stream")) {
			format = BankStatements.Format.MT940;
		}
		else if (type.startsWith("text/csv")) {
			format = BankStatements.Format.CSV;
		}
		else {
			throw new Problem.Invalid("Content-Type", "camt.053 / camt.054 as application/xml, MT940 as text/plain,"
					+ " or a bank CSV as text/csv with ?mapping=");
		}
		byte[] file = request.getInputStream().readNBytes((int) BankStatements.MAX_FILE + 1);
		if (file.length > BankStatements.MAX_FILE) {
			throw new Problem.TooLarge("the statement is larger than 50 MB");
		}
		BankStatements.Summary summary = this.statements.importFile(file, format, mapping, acceptUnbalanced);
		if (summary.sameStatement()) {
			// imported before: this is that statement, and nothing was applied again
			return ResponseEntity.ok().location(URI.create("/api/v1/bank-statements/" + summary.id())).body(summary);
		}
		return ResponseEntity.created(URI.create("/api/v1/bank-statements/" + summary.id())).body(summary);
	}

	@GetMapping("/api/v1/bank-statements/{id}")
	@PreAuthorize(Roles.ANY)
	BankStatements.Summary statement(@PathVariable String id) {
		return this.statements.summary(id);
	}

	@GetMapping("/api/v1/bank-statements/{id}/entries")
	@PreAuthorize(Roles.ANY)
	Cursor.Page<EntryResponse> entries(@PathVariable String id, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String startingAfter) {
		return this.statements.entries(id, Cursor.of(limit, startingAfter)).map(EntryResponse::of);
	}

}
