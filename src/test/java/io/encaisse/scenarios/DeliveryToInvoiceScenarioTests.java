package io.encaisse.scenarios;

import java.math.BigDecimal;
import java.util.List;

import io.encaisse.invoicing.InvoiceIssued;
import io.encaisse.orders.DeliveryInput;
import io.encaisse.orders.DeliveryRecorded;
import io.encaisse.orders.Orders;
import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events between modules, as Spring Modulith's {@link Scenario} sees them (issue 22):
 * {@code orders} records a delivery and publishes {@link DeliveryRecorded};
 * {@code invoicing} bills it once the delivery has committed and publishes
 * {@link InvoiceIssued} for the same customer and amount.
 */
@EncaisseTest
@EnableScenarios
class DeliveryToInvoiceScenarioTests {

	@LocalServerPort
	int port;

	@Autowired
	Orders orders;

	@Test
	void aDeliveryRecordedByOrdersIsIssuedAsAnInvoiceByInvoicing(Scenario scenario) {
		Fixtures fixtures = new Fixtures(new Api(this.port, EncaisseTest.ADMIN_KEY));
		String sku = fixtures.product("100.00", "20");
		String customer = fixtures.customer();
		String order = fixtures.acceptedOrder(customer, sku, "3");

		scenario
			.stimulate(() -> this.orders.recordDelivery(order,
					new DeliveryInput(null, List.of(new DeliveryInput.LineInput(sku, "2")))))
			.andWaitForEventOfType(InvoiceIssued.class)
			.matching(issued -> customer.equals(issued.customerId()))
			.toArriveAndVerify(issued -> {
				assertThat(issued.kind()).isEqualTo("INVOICE");
				assertThat(issued.number()).isNotBlank();
				// two of three delivered at 100.00 + 20 % VAT
				assertThat(issued.total()).isEqualByComparingTo(new BigDecimal("240.00"));
				assertThat(issued.dueDate()).isAfterOrEqualTo(issued.issueDate());
			});
	}

	@Test
	void theDeliveryEventCarriesWhatInvoicingBillsFrom(Scenario scenario) {
		Fixtures fixtures = new Fixtures(new Api(this.port, EncaisseTest.ADMIN_KEY));
		String sku = fixtures.product("40.00", "5.5");
		String customer = fixtures.customer();
		String order = fixtures.acceptedOrder(customer, sku, "5");

		scenario
			.stimulate(() -> this.orders.recordDelivery(order,
					new DeliveryInput(null, List.of(new DeliveryInput.LineInput(sku, "5")))))
			.andWaitForEventOfType(DeliveryRecorded.class)
			.matching(delivered -> order.equals(delivered.orderId()))
			.toArriveAndVerify(delivered -> {
				assertThat(delivered.customerId()).isEqualTo(customer);
				assertThat(delivered.lines()).singleElement().satisfies(line -> {
					assertThat(line.sku()).isEqualTo(sku);
					assertThat(line.quantity()).isEqualByComparingTo("5");
					assertThat(line.taxRate()).isEqualByComparingTo("5.5");
				});
			});
	}

}
