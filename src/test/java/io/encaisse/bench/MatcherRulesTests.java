package io.encaisse.bench;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.encaisse.invoicing.InvoiceStatus;
import io.encaisse.invoicing.Receivables.Payable;
import io.encaisse.payments.matching.Matcher;
import io.encaisse.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules of the matcher on a small ledger in memory, where the API cannot reach them. */
class MatcherRulesTests {

	static final Matcher.Tolerance TOLERANCE = new Matcher.Tolerance(new BigDecimal("10.00"), new BigDecimal("2"));

	static Payable invoice(String number, String customer, String due) {
		return new Payable(number, number, customer, Money.of(due, "EUR"), InvoiceStatus.ISSUED,
				LocalDate.of(2026, 11, 1));
	}

	@Test
	void aDifferenceLargerThanTheLastInvoiceNamedIsNotWrittenOffOnIt() {
		MemoryLedger ledger = new MemoryLedger();
		ledger.customer("c1", "Garage Martin", "FR7630006000011234567890189");
		ledger.invoice(invoice("FA-2026-000001", "c1", "600.00"));
		ledger.invoice(invoice("FA-2026-000002", "c1", "5.00"));
		Matcher.Decision d = Matcher.decide(new Matcher.Received(new BigDecimal("597.00"), "EUR",
				"FA-2026-000001 FA-2026-000002", "FR7630006000011234567890189", null, null), ledger, TOLERANCE);
		assertThat(d.outcome()).as(d.reason()).isNotEqualTo(Matcher.Outcome.MATCHED);
		Matcher.Decision fits = Matcher.decide(new Matcher.Received(new BigDecimal("601.00"), "EUR",
				"FA-2026-000001 FA-2026-000002", "FR7630006000011234567890189", null, null), ledger, TOLERANCE);
		assertThat(fits.outcome()).as("4.00 of fees on 605.00, held by the 5.00 invoice")
			.isEqualTo(Matcher.Outcome.MATCHED);
		assertThat(fits.allocations().get(1).writeOff()).isEqualByComparingTo("4.00");
	}

	@Test
	void aCollectionBatchNamingInvoicesOfSeveralCustomersIsAppliedOnlyAtItsExactTotal() {
		MemoryLedger ledger = new MemoryLedger();
		ledger.customer("c1", "Garage Martin", null);
		ledger.customer("c2", "Boulangerie Petit", null);
		ledger.invoice(invoice("FA-2026-000011", "c1", "120.00"));
		ledger.invoice(invoice("FA-2026-000012", "c2", "80.50"));
		String text = "FA-2026-000011 FA-2026-000012";
		assertThat(Matcher
			.decide(new Matcher.Received(new BigDecimal("200.50"), "EUR", text, null, null, null), ledger, TOLERANCE)
			.outcome()).isEqualTo(Matcher.Outcome.MATCHED);
		assertThat(Matcher
			.decide(new Matcher.Received(new BigDecimal("200.00"), "EUR", text, null, null, null), ledger, TOLERANCE)
			.outcome()).isEqualTo(Matcher.Outcome.SUGGESTED);
	}

}
