package io.encaisse.invoicing;

import java.math.BigDecimal;

import io.encaisse.invoicing.domain.SettlementRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where an invoice stands after a payment or a credit note: one rule, no database. */
class SettlementRuleTests {

	private static InvoiceStatus after(String due, String paid, boolean creditedInFull, InvoiceStatus before) {
		return SettlementRule.after(new BigDecimal(due), new BigDecimal(paid), creditedInFull, before);
	}

	@Test
	void nothingLeftIsPaidOrCancelledWhenCreditNotesTookItAll() {
		assertThat(after("0.00", "120.00", false, InvoiceStatus.ISSUED)).isEqualTo(InvoiceStatus.PAID);
		assertThat(after("0.00", "0.00", true, InvoiceStatus.ISSUED)).isEqualTo(InvoiceStatus.CANCELLED);
		assertThat(after("-0.01", "120.01", false, InvoiceStatus.PARTIALLY_PAID)).isEqualTo(InvoiceStatus.PAID);
	}

	@Test
	void somethingLeftAfterAPaymentIsPartlyPaidAndAfterACreditNoteUnchanged() {
		assertThat(after("20.00", "100.00", false, InvoiceStatus.ISSUED)).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
		assertThat(after("20.00", "0.00", false, InvoiceStatus.ISSUED)).isEqualTo(InvoiceStatus.ISSUED);
	}

}
