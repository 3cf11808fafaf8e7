package io.encaisse.invoicing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.JsonNode;
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
 * Invoices to buyers abroad and with document-level allowances and charges, through the
 * reference validator (Mustang, EN 16931 schematron): reverse charge of services to an EU
 * business, intra-community supply of goods, export outside the EU, a credit note of a
 * reverse-charge invoice.
 */
@EncaisseTest
class VatRegimeDocumentTests {

	@LocalServerPort
	int port;

	@TempDir
	Path dir;

	private String customer(Api api, String name, String country, String vat) {
		Api.Response r = api.post("/api/v1/customers",
				map("name", Fixtures.unique(name), "vatNumber", vat, "email", "ap@buyer.example", "billingAddress",
						map("line1", "Hauptstraße 5", "postalCode", "10115", "city", "Berlin", "country", country)));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.get("id");
	}

	private String product(Api api, String unit, String rate) {
		String sku = Fixtures.unique("SKU");
		Api.Response r = api.post("/api/v1/products", map("sku", sku, "name", "Produit " + unit, "unit", unit,
				"taxRate", rate, "price", "100.00", "currency", "EUR"));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return sku;
	}

	private String cii(Api api, String invoice) {
		return new String(api.bytes("/api/v1/invoices/" + invoice + "/cii"), StandardCharsets.UTF_8);
	}

	@Test
	void servicesToAnEuBusinessAreReverseChargedAndValid() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String buyer = customer(api, "Berlin GmbH", "DE", "DE123456789");
		String consulting = product(api, "day", "20");
		String order = fixtures.acceptedOrder(buyer, consulting, "3");
		// the quote already priced it without VAT
		assertThat(api.get("/api/v1/orders/" + order).json().toString()).doesNotContain("\"taxRate\":\"20");
		String invoice = fixtures.deliver(order, consulting, "3");
		JsonNode json = api.get("/api/v1/invoices/" + invoice).json();
		assertThat(json.get("status").asString()).isEqualTo("ISSUED");
		assertThat(json.get("totalTax").asString()).isEqualTo("0.00");
		assertThat(json.get("total").asString()).isEqualTo("300.00");
		assertThat(json.get("lines").get(0).get("taxCategory").asString()).isEqualTo("AE");
		assertThat(json.get("vat").get(0).get("category").asString()).isEqualTo("AE");
		FacturXValidation.assertValid(api.bytes("/api/v1/invoices/" + invoice + "/pdf"), this.dir, "ae.pdf");
		assertThat(cii(api, invoice)).contains("<ram:CategoryCode>AE</ram:CategoryCode>")
			.contains("VATEX-EU-AE")
			.contains("Autoliquidation");
		byte[] ubl = api.bytes("/api/v1/invoices/" + invoice + "/ubl");
		FacturXValidation.assertValidXml(ubl, this.dir, "ae-ubl.xml");
		// the validator does apply the schematron to UBL: a standard rate at 0 % is
		// refused (BR-S-05)
		String broken = new String(ubl, StandardCharsets.UTF_8).replace("<cbc:ID>AE</cbc:ID>", "<cbc:ID>S</cbc:ID>");
		assertThat(broken).isNotEqualTo(new String(ubl, StandardCharsets.UTF_8));
		Path file = this.dir.resolve("ae-ubl-broken.xml");
		java.nio.file.Files.writeString(file, broken);
		org.mustangproject.validator.ZUGFeRDValidator validator = new org.mustangproject.validator.ZUGFeRDValidator();
		String report = validator.validate(file.toString());
		assertThat(validator.wasCompletelyValid()).as(report).isFalse();
		// its credit note keeps the reverse charge, and is valid too
		Api.Response credit = api.post("/api/v1/invoices/" + invoice + "/credit-notes",
				map("lines", List.of(map("lineNumber", 1, "quantity", "1"))));
		assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
		assertThat(credit.json().get("lines").get(0).get("taxCategory").asString()).isEqualTo("AE");
		FacturXValidation.assertValid(api.bytes("/api/v1/invoices/" + credit.get("id") + "/pdf"), this.dir,
				"ae-credit.pdf");
	}

	@Test
	void goodsToAnEuBusinessAreAnIntraCommunitySupplyAndValid() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String buyer = customer(api, "Bruxelles SA", "BE", "BE0123456749");
		String goods = product(api, "piece", "20");
		String invoice = fixtures.deliver(fixtures.acceptedOrder(buyer, goods, "2"), goods, "2");
		JsonNode json = api.get("/api/v1/invoices/" + invoice).json();
		assertThat(json.get("lines").get(0).get("taxCategory").asString()).isEqualTo("K");
		assertThat(json.get("total").asString()).isEqualTo("200.00");
		FacturXValidation.assertValid(api.bytes("/api/v1/invoices/" + invoice + "/pdf"), this.dir, "k.pdf");
		assertThat(cii(api, invoice)).contains("<ram:CategoryCode>K</ram:CategoryCode>")
			.contains("VATEX-EU-IC")
			.contains("262 ter I");
	}

	@Test
	void salesOutsideTheEuAreExportsAndValid() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String buyer = customer(api, "Boston Inc", "US", null);
		String goods = product(api, "piece", "20");
		String invoice = fixtures.deliver(fixtures.acceptedOrder(buyer, goods, "1"), goods, "1");
		JsonNode json = api.get("/api/v1/invoices/" + invoice).json();
		assertThat(json.get("lines").get(0).get("taxCategory").asString()).isEqualTo("G");
		FacturXValidation.assertValid(api.bytes("/api/v1/invoices/" + invoice + "/pdf"), this.dir, "g.pdf");
		assertThat(cii(api, invoice)).contains("<ram:CategoryCode>G</ram:CategoryCode>").contains("262 I du CGI");
	}

	@Test
	void documentAllowancesAndChargesCountInTheVatBaseAndAreValid() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String laptop = fixtures.product("1000.00", "20");
		String book = fixtures.product("40.00", "5.5");
		Api.Response draft = api.post("/api/v1/invoices",
				map("customerId", customer, "lines",
						List.of(map("sku", laptop, "quantity", "2"), map("sku", book, "quantity", "3")), "allowances",
						List.of(map("reason", "Remise fidélité", "amount", "100.00", "taxRate", "20")), "charges",
						List.of(map("reason", "Frais de port", "amount", "15.00", "taxRate", "20"))));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		JsonNode json = draft.json();
		// lines 2000 + 120; 20 % base 2000 - 100 + 15 = 1915 -> 383.00; 5.5 % on 120 ->
		// 6.60
		assertThat(json.get("lineTotal").asString()).isEqualTo("2120.00");
		assertThat(json.get("totalNet").asString()).isEqualTo("2035.00");
		assertThat(json.get("totalTax").asString()).isEqualTo("389.60");
		assertThat(json.get("total").asString()).isEqualTo("2424.60");
		Api.Response issued = api.post("/api/v1/invoices/" + draft.get("id") + "/issue", null);
		assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
		FacturXValidation.assertValid(api.bytes("/api/v1/invoices/" + draft.get("id") + "/pdf"), this.dir,
				"adjustments.pdf");
		assertThat(cii(api, draft.get("id"))).contains("Remise fidélité").contains("Frais de port");
		FacturXValidation.assertValidXml(api.bytes("/api/v1/invoices/" + draft.get("id") + "/ubl"), this.dir,
				"adjustments-ubl.xml");
		FacturXValidation.assertValidXml(api.bytes("/api/v1/invoices/" + draft.get("id") + "/cii"), this.dir,
				"adjustments-cii.xml");
		// a whole credit note carries them back
		Api.Response credit = api.post("/api/v1/invoices/" + draft.get("id") + "/credit-notes", null);
		assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
		assertThat(credit.get("total")).isEqualTo("2424.60");
		FacturXValidation.assertValid(api.bytes("/api/v1/invoices/" + credit.get("id") + "/pdf"), this.dir,
				"adjustments-credit.pdf");
	}

}
