package io.encaisse.payments;

import java.time.LocalDate;
import java.util.List;

import io.encaisse.shared.Money;

public record PaymentView(String id, String customerId, Money amount, LocalDate receivedOn, String reference,
		PaymentStatus status, Money unallocated, String matchReason, List<Allocation> allocations,
		List<Suggestion> suggestions, String payerIban, String payerName, long version) {

	public record Suggestion(String invoiceId, String invoiceNumber, Money amount, java.math.BigDecimal confidence,
			String reason) {
	}

	public record Allocation(String invoiceId, String invoiceNumber, Money amount) {
	}

}
