package io.encaisse.invoicing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import io.encaisse.shared.Bulk;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * AR-only mode: open invoices of another system are imported, then collected and matched
 * like ours.
 */
@EncaisseTest
class ReceivablesImportTests {

	@LocalServerPort
	int port;

	@Test
	void importedInvoicesAreOwedAndMatchedByTheirOwnNumbers() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		String n1 = Fixtures.unique("ERP");
		String n2 = Fixtures.unique("ERP");
		String code = Fixtures.unique("C");
		String csv = """
				number,customer,customer_name,issue_date,due_date,currency,amount,customer_iban
				%s,%s,Garage Central,2026-09-01,2026-10-01,EUR,1200.00,FR7630006000011234567890189
				%s,%s,,2026-10-15,2026-11-14,EUR,300.50,
				""".formatted(n1, code, n2, code);
		Api.Response r = api.csv("/api/v1/receivables/import", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		assertThat(r.get("imported")).isEqualTo("2");
		Api.Response list = api.get("/api/v1/invoices?limit=500");
		var imported = list.json()
			.get("data")
			.valueStream()
			.filter(i -> i.get("number").asString().equals(n1))
			.findFirst();
		assertThat(imported).isPresent();
		assertThat(imported.get().get("amountDue").asString()).isEqualTo("1200.00");
		assertThat(imported.get().get("overdue").asBoolean()).isTrue();
		String invoiceId = imported.get().get("id").asString();
		assertThat(api.get("/api/v1/invoices/" + invoiceId + "/pdf").status()).isEqualTo(409);

		Api.Response payment = api.post("/api/v1/payments",
				map("amount", "1200.00", "currency", "EUR", "reference", "Reglement facture " + n1 + " merci"));
		assertThat(payment.get("status")).isEqualTo("MATCHED");
		assertThat(api.get("/api/v1/invoices/" + invoiceId).get("status")).isEqualTo("PAID");
		String customerId = imported.get().get("customerId").asString();
		assertThat(new BigDecimal(
				api.get("/api/v1/customers/" + customerId).json().get("openBalance").get(0).get("open").asString()))
			.isEqualByComparingTo("300.50");
	}

	/**
	 * A large file refreshes the planner's statistics: a statement imported next would
	 * otherwise read its payers' open invoices through the whole table (ADR 0014).
	 */
	@Test
	void aLargeFileLeavesThePlannerTheInvoicesItBrought() {
		StringBuilder csv = new StringBuilder("number,customer,customer_name,issue_date,due_date,currency,amount\n");
		String code = Fixtures.unique("C");
		for (int i = 0; i < ReceivablesImport.ANALYZE_FROM; i++) {
			csv.append(Fixtures.unique("ERP"))
				.append(',')
				.append(code)
				.append(i == 0 ? ",Grossiste Importé," : ",,")
				.append("2026-09-01,2026-10-01,EUR,")
				.append(10 + i)
				.append(".00\n");
		}
		Api.Response r = new Api(this.port, EncaisseTest.ADMIN_KEY).csv("/api/v1/receivables/import",
				csv.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		if (this.bulk.postgres()) {
			// ANALYZE reads every row of a table this small: its count is exact
			long rows = this.jdbc.queryForObject("select count(*) from invoice", Long.class);
			double estimated = this.jdbc.queryForObject("select reltuples from pg_class where relname = 'invoice'",
					Double.class);
			assertThat(estimated).isBetween(rows - 50.0, rows + 50.0);
		}
	}

	@Autowired
	Bulk bulk;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aWrongLineRefusesTheFileUnlessPartialImportIsAsked() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		String good = Fixtures.unique("ERP");
		String csv = """
				number,customer,customer_name,issue_date,due_date,currency,amount,customer_iban
				%s,%s,Client A,2026-09-01,2026-10-01,EUR,100.00,
				%s,%s,,2026-09-01,2026-10-01,EUR,100.00,
				%s,%s,Client C,2026-09-01,2026-08-01,XXX,-4,FR00
				""".formatted(good, Fixtures.unique("C"), Fixtures.unique("ERP"), Fixtures.unique("NEW"),
				Fixtures.unique("ERP"), Fixtures.unique("C"));
		Api.Response whole = api.csv("/api/v1/receivables/import", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(whole.status()).isEqualTo(422);
		assertThat(whole.json().get("errors").findValuesAsString("field")).contains("customer_name", "due_date",
				"currency", "amount", "customer_iban");
		assertThat(api.get("/api/v1/invoices?limit=500").body()).doesNotContain(good);

		Api.Response partial = api.csv("/api/v1/receivables/import?partial=true", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(partial.status()).isEqualTo(200);
		assertThat(partial.get("imported")).isEqualTo("1");
		assertThat(partial.get("rejected")).isEqualTo("2");
		assertThat(partial.json().get("errors").findValues("line").stream().map(n -> n.asInt()).distinct().toList())
			.containsExactly(3, 4);
	}

}
