package io.encaisse.payments.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.encaisse.payments.PaymentInput;
import io.encaisse.payments.PaymentView;
import io.encaisse.payments.Payments;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Roles;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments")
class PaymentApi {

	private final Payments payments;

	PaymentApi(Payments payments) {
		this.payments = payments;
	}

	record PaymentResponse(String id, String customerId, String amount, String currency, LocalDate receivedOn,
			String reference, String status, String unallocatedAmount, String matchReason,
			List<AllocationResponse> allocations, List<SuggestionResponse> suggestions, String payerIban,
			String payerName, long version) {

		static PaymentResponse of(PaymentView p) {
			return new PaymentResponse(p.id(), p.customerId(), p.amount().toPlainString(), p.amount().currencyCode(),
					p.receivedOn(), p.reference(), p.status().name(), p.unallocated().toPlainString(), p.matchReason(),
					p.allocations()
						.stream()
						.map(a -> new AllocationResponse(a.invoiceId(), a.invoiceNumber(), a.amount().toPlainString()))
						.toList(),
					p.suggestions()
						.stream()
						.map(x -> new SuggestionResponse(x.invoiceId(), x.invoiceNumber(), x.amount().toPlainString(),
								x.confidence().toPlainString(), x.reason()))
						.toList(),
					p.payerIban(), p.payerName(), p.version());
		}

	}

	record AllocationResponse(String invoiceId, String invoiceNumber, String amount) {
	}

	record SuggestionResponse(String invoiceId, String invoiceNumber, String amount, String confidence, String reason) {
	}

	/** Where (part of) a payment goes; no amount: as much as the invoice needs. */
	record AllocateRequest(String invoiceId, String amount) {
	}

	/** Undoes a wrong allocation: the invoice is due again. */
	@org.springframework.web.bind.annotation.DeleteMapping("/{id}/allocations/{invoiceId}")
	@PreAuthorize(Roles.COLLECT_CASH)
	PaymentResponse undo(@PathVariable String id, @PathVariable String invoiceId) {
		return PaymentResponse.of(this.payments.undo(id, invoiceId));
	}

	/**
	 * A person confirms where an unapplied payment goes (a suggestion, or any open
	 * invoice).
	 */
	@PostMapping("/{id}/allocations")
	@PreAuthorize(Roles.COLLECT_CASH)
	PaymentResponse allocate(@PathVariable String id, @RequestBody AllocateRequest request) {
		return PaymentResponse.of(this.payments.allocate(id, request == null ? null : request.invoiceId(),
				request == null ? null : request.amount()));
	}

	@PostMapping
	@PreAuthorize(Roles.COLLECT_CASH)
	ResponseEntity<PaymentResponse> record(@RequestBody PaymentInput input) {
		PaymentView p = this.payments.record(input);
		return ResponseEntity.created(URI.create("/api/v1/payments/" + p.id())).body(PaymentResponse.of(p));
	}

	@GetMapping("/{id}")
	@PreAuthorize(Roles.ANY)
	PaymentResponse get(@PathVariable String id) {
		return PaymentResponse.of(this.payments.get(id));
	}

	@GetMapping
	@PreAuthorize(Roles.ANY)
	Cursor.Page<PaymentResponse> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String startingAfter) {
		return this.payments.list(Cursor.of(limit, startingAfter)).map(PaymentResponse::of);
	}

}
