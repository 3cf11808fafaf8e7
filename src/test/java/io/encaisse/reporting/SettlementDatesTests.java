package io.encaisse.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.encaisse.invoicing.Receivables;
import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way an invoice is settled keeps its first and last settlement dates (what aging
 * at a past date relies on, ADR 0018): a payment, an earlier-dated payment, a credit
 * note, a statement's bulk settlement; a reversal leaves them (bounds), and aging at each
 * date still says what the definition says.
 */
@EncaisseTest
class SettlementDatesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Receivables receivables;

	@Autowired
	Aging aging;

	@Test
	void eachSettlementWidensTheDatesAndAgingFollows() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		LocalDate today = Fixtures.today();
		String sku = fixtures.product("100.00", "20");
		String customer = fixtures.customer();
		String invoice = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		String number = api.get("/api/v1/invoices/" + invoice).get("number");
		// issued twenty days ago, due ten days ago
		backdate(invoice, today.minusDays(20));
		assertThat(dates(invoice)).containsExactly(null, null);

		LocalDate d1 = today.minusDays(3);
		pay(api, customer, number, "10.00", d1);
		assertThat(dates(invoice)).containsExactly(d1, d1);

		LocalDate d0 = today.minusDays(9);
		String early = pay(api, customer, number, "5.00", d0);
		assertThat(dates(invoice)).containsExactly(d0, d1);

		Api.Response credit = api.post("/api/v1/invoices/" + invoice + "/credit-notes", map("amount", "3.00"));
		assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
		assertThat(dates(invoice)).containsExactly(d0, today);

		this.receivables.reversePayment(invoice, early);
		assertThat(dates(invoice)).as("a reversal keeps the bounds").containsExactly(d0, today);
		for (int back = 0; back <= 22; back++) {
			LocalDate asOf = today.minusDays(back);
			assertThat(openAt(invoice, asOf)).as("open at %s", asOf).isEqualByComparingTo(definition(invoice, asOf));
		}

		// a statement settles in bulk, dated by its entries
		String other = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		String otherNumber = api.get("/api/v1/invoices/" + other).get("number");
		backdate(other, today.minusDays(20));
		Receivables.Versioned read = this.receivables.payables(List.of(otherNumber), List.of()).get(0);
		LocalDate d2 = today.minusDays(5);
		this.receivables.settleAll(List.of(new Receivables.Settlement(read.payable(), "pay_bulk_" + System.nanoTime(),
				new BigDecimal("20.00"), d2, false)), Map.of(other, read.version()));
		assertThat(dates(other)).containsExactly(d2, d2);
		for (int back = 0; back <= 22; back++) {
			LocalDate asOf = today.minusDays(back);
			assertThat(openAt(other, asOf)).as("open at %s", asOf).isEqualByComparingTo(definition(other, asOf));
		}
		assertThat(definition(other, d2.minusDays(1)).subtract(definition(other, d2)))
			.as("the statement's 20.00 counts from its date on")
			.isEqualByComparingTo("20.00");
	}

	private void backdate(String invoice, LocalDate issued) {
		this.jdbc.sql("update invoice set issue_date = :issued, due_date = :due where id = :id")
			.param("issued", issued)
			.param("due", issued.plusDays(10))
			.param("id", invoice)
			.update();
	}

	private String pay(Api api, String customer, String number, String amount, LocalDate on) {
		Api.Response payment = api.post("/api/v1/payments", map("amount", amount, "currency", "EUR", "reference",
				number, "customerId", customer, "receivedOn", on.toString()));
		assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
		return payment.get("id");
	}

	private List<LocalDate> dates(String invoice) {
		return this.jdbc.sql("select first_settled_on, last_settled_on from invoice where id = :id")
			.param("id", invoice)
			.query((rs, n) -> java.util.Arrays.asList(rs.getObject(1, LocalDate.class),
					rs.getObject(2, LocalDate.class)))
			.single();
	}

	/** What the aging report says the invoice's customer owed at the date. */
	private BigDecimal openAt(String invoice, LocalDate asOf) {
		String customer = customerOf(invoice);
		return this.aging.asOf(asOf)
			.customers()
			.stream()
			.filter(r -> r.customerId().equals(customer))
			.map(r -> r.total().amount())
			.findFirst()
			.orElse(BigDecimal.ZERO);
	}

	private String customerOf(String invoice) {
		return this.jdbc.sql("select customer_id from invoice where id = :id")
			.param("id", invoice)
			.query(String.class)
			.single();
	}

	/** What the customer owed at the date, row by row from the definition. */
	private BigDecimal definition(String invoice, LocalDate asOf) {
		return this.jdbc.sql("""
				select coalesce(sum(case when o > 0 then o else 0 end), 0) from (
				  select r.total - coalesce((select sum(s.amount) from invoicing_settlement s
				                             where s.invoice_id = r.invoice_id and s.settled_on <= :asOf), 0) as o
				  from invoicing_receivable r where r.customer_id = :customer and r.issue_date <= :asOf) x""")
			.param("asOf", asOf)
			.param("customer", customerOf(invoice))
			.query(BigDecimal.class)
			.single();
	}

}
