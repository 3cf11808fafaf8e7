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
 * Our Factur-X passes the reference validator (Mustang: PDF/A-3 and the EN 16931
 * schematron).
 */
@EncaisseTest
class FacturXTests {

	@LocalServerPort
	int port;

	@TempDir
	Path dir;

	@Test
	void anInvoiceWithADiscountAndTwoVatRatesIsAValidFacturX() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String invoice = fixtures.invoiceWithADiscountAndTwoVatRates();

		FacturXValidation.assertValid(api.bytes("/api/v1/invoices/" + invoice + "/pdf"), this.dir, "invoice.pdf");

		Api.Response credit = api.post("/api/v1/invoices/" + invoice + "/credit-notes",
				map("reason", "Retour d'un livre", "lines", List.of(map("lineNumber", 2, "quantity", "1"))));
		assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
		assertThat(credit.get("total")).isEqualTo("42.09");
		assertThat(api.get("/api/v1/invoices/" + invoice).get("amountCredited")).isEqualTo("42.09");
		FacturXValidation.assertValid(api.bytes("/api/v1/invoices/" + credit.get("id") + "/pdf"), this.dir,
				"credit-note.pdf");

		String ubl = new String(api.bytes("/api/v1/invoices/" + invoice + "/ubl"));
		assertThat(ubl).contains("<cbc:CustomizationID>urn:cen.eu:en16931:2017")
			.contains("<cbc:TaxInclusiveAmount currencyID=\"EUR\">");
	}

}
