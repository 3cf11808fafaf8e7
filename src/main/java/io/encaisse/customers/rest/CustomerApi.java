package io.encaisse.customers.rest;

import java.net.URI;
import java.util.List;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.CustomerFile;
import io.encaisse.customers.CustomerInput;
import io.encaisse.customers.Customers;
import io.encaisse.customers.OpenBalances;
import io.encaisse.shared.Csv;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Money;
import io.encaisse.shared.Roles;
import io.encaisse.shared.Versions;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers")
class CustomerApi {

	private final Customers customers;

	private final OpenBalances balances;

	private final CustomerFile file;

	CustomerApi(Customers customers, OpenBalances balances, CustomerFile file) {
		this.file = file;
		this.customers = customers;
		this.balances = balances;
	}

	record CustomerResponse(String id, String name, String legalId, String vatNumber, String email,
			CustomerDetails.Address billingAddress, int paymentTermsDays, String creditLimit, String currency,
			String language, String siret, CustomerDetails.Address deliveryAddress, boolean paymentTermsEndOfMonth,
			String paymentMethod, String iban, String riskClass, String notes, String routingCode,
			String receivingPlatform, String operationCategory, List<CustomerDetails.Contact> contacts, long version,
			List<BalanceResponse> openBalance, String segment) {
	}

	record BalanceResponse(String currency, String open, String overdue, int openInvoices) {
	}

	@PostMapping
	@PreAuthorize(Roles.MANAGE_CUSTOMERS)
	ResponseEntity<CustomerResponse> register(@RequestBody CustomerInput input) {
		CustomerDetails c = this.customers.register(input);
		return ResponseEntity.created(URI.create("/api/v1/customers/" + c.id())).body(response(c, false));
	}

	/** Customers from a CSV file, all or nothing; see {@link CustomerFile#COLUMNS}. */
	@PostMapping(path = "/import", consumes = { "text/csv", "text/plain" })
	@PreAuthorize(Roles.MANAGE_CUSTOMERS)
	CustomerFile.Imported importCsv(jakarta.servlet.http.HttpServletRequest request) throws java.io.IOException {
		return this.file.importCsv(Csv.utf8(request.getInputStream(), 50L * 1024 * 1024));
	}

	@GetMapping("/{id}")
	@PreAuthorize(Roles.ANY)
	CustomerResponse get(@PathVariable String id) {
		return response(this.customers.get(id), true);
	}

	@PutMapping("/{id}")
	@PreAuthorize(Roles.MANAGE_CUSTOMERS)
	CustomerResponse update(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestBody CustomerInput input) {
		return response(this.customers.update(id, Versions.parse(ifMatch), input), true);
	}

	@GetMapping
	@PreAuthorize(Roles.ANY)
	Cursor.Page<CustomerResponse> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String startingAfter) {
		return this.customers.list(Cursor.of(limit, startingAfter)).map(c -> response(c, false));
	}

	private CustomerResponse response(CustomerDetails c, boolean withBalance) {
		List<BalanceResponse> balance = withBalance ? this.balances.of(c.id())
			.stream()
			.map(b -> new BalanceResponse(b.currency(), Money.of(b.open(), b.currency()).toPlainString(),
					Money.of(b.overdue(), b.currency()).toPlainString(), b.openInvoices()))
			.toList() : null;
		return new CustomerResponse(c.id(), c.name(), c.legalId(), c.vatNumber(), c.email(), c.billingAddress(),
				c.paymentTermsDays(),
				c.creditLimit() == null ? null : Money.of(c.creditLimit(), c.currency()).toPlainString(), c.currency(),
				c.language(), c.siret(), c.deliveryAddress(), c.paymentTermsEndOfMonth(), c.paymentMethod(), c.iban(),
				c.riskClass(), c.notes(), c.routingCode(), c.receivingPlatform(), c.operationCategory(), c.contacts(),
				c.version(), balance, c.segment());
	}

}
