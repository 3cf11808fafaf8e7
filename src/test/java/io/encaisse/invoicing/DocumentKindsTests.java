package io.encaisse.invoicing;

import java.nio.file.Path;
import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.FacturXValidation;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * More kinds of documents through the reference validator (Mustang, EN 16931 schematron):
 * an invoice in a foreign currency, and one with a VAT-exempt line beside a taxed one.
 */
@EncaisseTest
class DocumentKindsTests {

	@LocalServerPort
	int port;

	@TempDir
	Path dir;

	@Test
	void aForeignCurrencyInvoiceIsAValidFacturX() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = api
			.post("/api/v1/customers",
					map("name", Fixtures.unique("Geneva Trading"), "currency", "USD", "email", "ap@geneva.example",
							"billingAddress",
							map("line1", "5 Quai du Mont-Blanc", "postalCode", "1201", "city", "Genève", "country",
									"CH")))
			.get("id");
		String sku = Fixtures.unique("SKU");
		Api.Response product = api.post("/api/v1/products", map("sku", sku, "name", "Audit", "unit", "hour", "taxRate",
				"20", "price", "180.00", "currency", "USD"));
		assertThat(product.status()).as(product.toString()).isEqualTo(201);
		Api.Response quote = api.post("/api/v1/quotes",
				map("customerId", customer, "currency", "USD", "lines", List.of(map("sku", sku, "quantity", "3"))));
		assertThat(quote.status()).as(quote.toString()).isEqualTo(201);
		api.post("/api/v1/quotes/" + quote.get("id") + "/send", null);
		String order = api.post("/api/v1/quotes/" + quote.get("id") + "/accept", null).get("orderId");
		String invoice = fixtures.deliver(order, sku, "3");
		assertThat(api.get("/api/v1/invoices/" + invoice).get("currency")).isEqualTo("USD");
		FacturXValidation.assertValid(api.bytes("/api/v1/invoices/" + invoice + "/pdf"), this.dir, "usd.pdf");
	}

	@Test
	void aVatExemptLineCarriesItsLegalWordingInAValidFacturX() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String training = Fixtures.unique("SKU");
		Api.Response product = api.post("/api/v1/products",
				map("sku", training, "name", "Formation professionnelle", "unit", "day", "taxRate", "0", "price",
						"900.00", "currency", "EUR", "exemptionReason",
						"Exonération de TVA, article 261-4-4° a du CGI"));
		assertThat(product.status()).as(product.toString()).isEqualTo(201);
		String laptop = fixtures.product("1100.00", "20");
		String invoice = fixtures.deliver(fixtures.acceptedOrder(fixtures.customer(), training, "2", laptop, "1"),
				training, "2", laptop, "1");
		byte[] pdf = api.bytes("/api/v1/invoices/" + invoice + "/pdf");
		FacturXValidation.assertValid(pdf, this.dir, "exempt.pdf");
		// exempt category E with the product's legal wording, kept with the invoice line
		assertThat(
				new String(api.bytes("/api/v1/invoices/" + invoice + "/cii"), java.nio.charset.StandardCharsets.UTF_8))
			.contains("<ram:CategoryCode>E</ram:CategoryCode>")
			.contains("article 261-4-4° a du CGI");
	}

	@Test
	void goodsDeliveredElsewhereThanTheBillingAddressNameWhereTheyWent() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		Api.Response customer = api.post("/api/v1/customers",
				Fixtures.invoiceable("name", Fixtures.unique("Entrepôts du Rhône"), "email", "compta@rhone.example",
						"deliveryAddress", map("line1", "Zone portuaire Édouard Herriot", "postalCode", "69007", "city",
								"Lyon", "country", "FR")));
		assertThat(customer.status()).as(customer.toString()).isEqualTo(201);
		String sku = fixtures.product("300.00", "20");
		String invoice = fixtures.deliver(fixtures.acceptedOrder(customer.get("id"), sku, "1"), sku, "1");
		FacturXValidation.assertValid(api.bytes("/api/v1/invoices/" + invoice + "/pdf"), this.dir, "ship-to.pdf");
		assertThat(
				new String(api.bytes("/api/v1/invoices/" + invoice + "/cii"), java.nio.charset.StandardCharsets.UTF_8))
			.contains("ShipToTradeParty")
			.contains("Zone portuaire Édouard Herriot");
	}

}
