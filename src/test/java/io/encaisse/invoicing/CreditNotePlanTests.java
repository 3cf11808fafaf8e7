package io.encaisse.invoicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.encaisse.invoicing.domain.Invoice;
import io.encaisse.invoicing.domain.InvoiceLine;
import io.encaisse.shared.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a credit note takes back, decided without a database (issue 22: pure policies).
 */
class CreditNotePlanTests {

	private static InvoiceLine line(String sku, String quantity, String price, String rate) {
		return new InvoiceLine(sku, "Article " + sku, "piece", new BigDecimal(quantity), new BigDecimal(price),
				BigDecimal.ZERO, new BigDecimal(rate), null, null, "LIST", null);
	}

	private static Invoice issued(InvoiceLine... lines) {
		Invoice invoice = Invoice.draft("inv_test", Invoice.Kind.INVOICE, "cus_test", "Client", null, null, null, null,
				"EUR", 30, false, List.of(lines), Instant.parse("2026-12-01T10:00:00Z"));
		invoice.issue("FA-2026-000001", LocalDate.of(2026, 12, 1), "RF18000000000000000001");
		return invoice;
	}

	@Test
	void nothingAskedCreditsTheWholeInvoiceOnce() {
		Invoice invoice = issued(line("A", "2", "100.00", "20.00"), line("B", "1", "50.00", "5.50"));
		assertThat(CreditNotePlan.of(invoice, new CreditNoteRequest(null, null, null)).lines()).hasSize(2);
	}

	@Test
	void linesAreCreditedUpToTheQuantityBilled() {
		Invoice invoice = issued(line("A", "2", "100.00", "20.00"));
		CreditNotePlan one = CreditNotePlan.of(invoice,
				new CreditNoteRequest(null, List.of(new CreditNoteRequest.LineInput(1, "1")), null));
		assertThat(one.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualByComparingTo("1"));
		assertThatThrownBy(() -> CreditNotePlan.of(invoice,
				new CreditNoteRequest(null, List.of(new CreditNoteRequest.LineInput(1, "3")), null)))
			.isInstanceOf(Problem.Invalid.class)
			.hasMessageContaining("lines[0].quantity: exceeds the invoiced quantity 2");
	}

	@Test
	void anAmountCreditsOnlyAnInvoiceOfOneVatRate() {
		Invoice one = issued(line("A", "2", "100.00", "20.00"));
		assertThat(CreditNotePlan.of(one, new CreditNoteRequest(null, null, "30.00")).lines()).singleElement()
			.satisfies(l -> assertThat(l.unitPrice()).isEqualByComparingTo("30.00"));
		Invoice two = issued(line("A", "2", "100.00", "20.00"), line("B", "1", "50.00", "5.50"));
		assertThatThrownBy(() -> CreditNotePlan.of(two, new CreditNoteRequest(null, null, "30.00")))
			.isInstanceOf(Problem.Invalid.class)
			.hasMessageContaining("several VAT rates");
	}

	@Test
	void aDraftIsNotCredited() {
		Invoice draft = Invoice.draft("inv_draft", Invoice.Kind.INVOICE, "cus_test", "Client", null, null, null, null,
				"EUR", 30, false, List.of(line("A", "1", "10.00", "20.00")), Instant.parse("2026-12-01T10:00:00Z"));
		assertThatThrownBy(() -> CreditNotePlan.of(draft, new CreditNoteRequest(null, null, null)))
			.isInstanceOf(Problem.StateConflict.class);
	}

}
