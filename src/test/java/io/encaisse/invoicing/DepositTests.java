package io.encaisse.invoicing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.FacturXValidation;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quote asking for a deposit: on acceptance the order's deposit invoice is issued (a
 * prepayment invoice, type 386, its share at each VAT rate); the order's later invoices
 * deduct what it billed (BT-113) until it is used up; every document stays valid.
 */
@EncaisseTest
class DepositTests {

	@LocalServerPort
	int port;

	@TempDir
	Path dir;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void theDepositIsInvoicedOnAcceptanceAndDeductedFromTheNextInvoices() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String kit = fixtures.product("1000.00", "20");
		String book = fixtures.product("100.00", "5.5");
		assertThat(api
			.post("/api/v1/quotes",
					map("customerId", customer, "depositPercent", "120", "lines",
							List.of(map("sku", kit, "quantity", "1"))))
			.body()).contains("depositPercent");
		Api.Response quote = api.post("/api/v1/quotes", map("customerId", customer, "depositPercent", "30", "lines",
				List.of(map("sku", kit, "quantity", "2"), map("sku", book, "quantity", "10"))));
		assertThat(quote.status()).as(quote.toString()).isEqualTo(201);
		assertThat(quote.get("depositPercent")).isEqualTo("30");
		api.post("/api/v1/quotes/" + quote.get("id") + "/send", null);
		String order = api.post("/api/v1/quotes/" + quote.get("id") + "/accept", null).get("orderId");

		// 2,000 at 20 % and 1,000 at 5.5 %: deposit 600 + 120 VAT and 300 + 16.50 VAT
		JsonNode invoices = api.get("/api/v1/orders/" + order).json().get("invoiceIds");
		assertThat(invoices.size()).isEqualTo(1);
		String deposit = invoices.get(0).asString();
		JsonNode d = api.get("/api/v1/invoices/" + deposit).json();
		assertThat(d.get("status").asString()).isEqualTo("ISSUED");
		assertThat(d.get("totalNet").asString()).isEqualTo("900.00");
		assertThat(d.get("total").asString()).isEqualTo("1036.50");
		assertThat(d.get("lines").get(0).get("description").asString()).contains("Acompte de 30 %");
		FacturXValidation.assertValid(api.bytes("/api/v1/invoices/" + deposit + "/pdf"), this.dir, "deposit.pdf");
		assertThat(new String(api.bytes("/api/v1/invoices/" + deposit + "/cii"), StandardCharsets.UTF_8))
			.contains("<ram:TypeCode>386</ram:TypeCode>");

		// the first delivery (1 kit: 1,000 at 20 %) deducts the deposit's 600 at 20 % as
		// an
		// allowance: base 400, VAT 80, both net of the deposit
		String first = fixtures.deliver(order, kit, "1");
		JsonNode f = api.get("/api/v1/invoices/" + first).json();
		assertThat(f.get("lineTotal").asString()).isEqualTo("1000.00");
		assertThat(f.get("totalNet").asString()).isEqualTo("400.00");
		assertThat(f.get("totalTax").asString()).isEqualTo("80.00");
		assertThat(f.get("total").asString()).isEqualTo("480.00");
		assertThat(f.get("allowances").get(0).get("reason").asString()).startsWith("Acompte FA-").endsWith("déduit");
		FacturXValidation.assertValid(api.bytes("/api/v1/invoices/" + first + "/pdf"), this.dir, "after-deposit.pdf");
		FacturXValidation.assertValidXml(api.bytes("/api/v1/invoices/" + first + "/ubl"), this.dir,
				"after-deposit-ubl.xml");
		// the books (1,000 at 5.5 %) take the deposit's 300 at 5.5 %; then nothing is
		// left
		String second = fixtures.deliver(order, book, "10");
		assertThat(api.get("/api/v1/invoices/" + second).get("total")).isEqualTo("738.50");
		String third = fixtures.deliver(order, kit, "1");
		assertThat(api.get("/api/v1/invoices/" + third).get("total")).isEqualTo("1200.00");
	}

	@Test
	void anInvoiceOfTheOrderIssuedLaterFromItsDraftStillDeductsTheDepositAndTheDraftCannotBeDeleted() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("1000.00", "20");
		Api.Response quote = api.post("/api/v1/quotes", map("customerId", customer, "depositPercent", "10", "lines",
				List.of(map("sku", sku, "quantity", "2"))));
		api.post("/api/v1/quotes/" + quote.get("id") + "/send", null);
		String order = api.post("/api/v1/quotes/" + quote.get("id") + "/accept", null).get("orderId");
		// the customer's file loses its SIREN: the delivery's invoice waits as a draft
		this.jdbc.sql("update customer set legal_id = null where id = :id").param("id", customer).update();
		String draft = fixtures.deliver(order, sku, "1");
		assertThat(api.get("/api/v1/invoices/" + draft).get("status")).isEqualTo("DRAFT");
		assertThat(api.delete("/api/v1/invoices/" + draft).status()).isEqualTo(409);
		this.jdbc.sql("update customer set legal_id = '732829320' where id = :id").param("id", customer).update();
		Api.Response issued = api.post("/api/v1/invoices/" + draft + "/issue", null);
		assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
		// 1,200 less the deposit of 240
		assertThat(issued.get("amountDue")).isEqualTo("960.00");
	}

}
