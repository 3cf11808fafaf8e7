package io.encaisse.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.encaisse.shared.Problem;
import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A statement's settlements are written in bulk against the invoices as they were read:
 * if one changed in between (a payment recorded meanwhile), the import is refused rather
 * than applied over it.
 */
@EncaisseTest
class BulkSettlementTests {

	@LocalServerPort
	int port;

	@Autowired
	Receivables receivables;

	@Test
	void anInvoiceChangedSinceItWasReadRefusesTheSettlement() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("70.00", "20");
		String invoiceId = fixtures.deliver(fixtures.acceptedOrder(fixtures.customer(), sku, "1"), sku, "1");
		String number = api.get("/api/v1/invoices/" + invoiceId).get("number");
		Receivables.Versioned read = this.receivables.payables(List.of(number), List.of()).get(0);
		assertThat(read.payable().amountDue().amount()).isEqualByComparingTo("84.00");

		api.post("/api/v1/payments", map("amount", "10.00", "currency", "EUR", "reference", number, "customerId",
				read.payable().customerId()));

		assertThatThrownBy(() -> this.receivables.settleAll(List.of(new Receivables.Settlement(read.payable(),
				"pay_stale", new BigDecimal("84.00"), io.encaisse.support.Fixtures.today(), false)),
				Map.of(invoiceId, read.version())))
			.isInstanceOf(Problem.StateConflict.class);
		assertThat(api.get("/api/v1/invoices/" + invoiceId).get("amountDue")).isEqualTo("74.00");
	}

}
