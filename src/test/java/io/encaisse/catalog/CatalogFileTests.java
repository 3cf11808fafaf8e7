package io.encaisse.catalog;

import java.nio.charset.StandardCharsets;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Products and prices from CSV: all or nothing, every wrong line named; and back out. */
@EncaisseTest
class CatalogFileTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port, EncaisseTest.ADMIN_KEY);
	}

	@Test
	void aGoodFileCreatesProductsAndDatedPrices() {
		String a = Fixtures.unique("CSV-A");
		String b = Fixtures.unique("CSV-B");
		String csv = """
				sku;name;unit;tax_rate;price;currency;valid_from;valid_to;min_quantity;price_list
				%s;"Câble, 2 m";piece;20;9.90;EUR;2026-01-01;2026-06-30;;
				%s;;;;10.50;EUR;2026-07-01;;;
				%s;"Conseil \"\"expert\"\"";day;20;800;EUR;2026-01-01;;;
				""".formatted(a, a, b);
		Api.Response r = this.api.csv("/api/v1/products/import", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		assertThat(r.get("products")).isEqualTo("2");
		assertThat(r.get("prices")).isEqualTo("3");
		assertThat(this.api.get("/api/v1/products/" + a).get("name")).isEqualTo("Câble, 2 m");
		assertThat(this.api.get("/api/v1/products/" + b).get("name")).isEqualTo("Conseil \"expert\"");
		assertThat(this.api.get("/api/v1/prices?sku=" + a + "&date=2026-08-01").get("unitPrice")).isEqualTo("10.50");
		String export = new String(this.api.bytes("/api/v1/products/export"), StandardCharsets.UTF_8);
		assertThat(export).startsWith("sku,name,unit,tax_rate,price")
			.contains(a + ",\"Câble, 2 m\",piece,20.00,10.50,EUR,2026-07-01");
	}

	@Test
	void aFileWithWrongLinesIsRefusedWholeWithEachLine() {
		String good = Fixtures.unique("CSV-OK");
		String csv = """
				sku,name,unit,tax_rate,price,currency,valid_from
				%s,Good,piece,20,10,EUR,2026-01-01
				%s,Bad rate,piece,19.6,10,EUR,2026-01-01
				,No sku,piece,20,10,EUR,2026-01-01
				%s,Bad price,piece,20,-3,EUR,2026-01-01
				%s,Bad date,piece,20,3,EUR,01/02/2026
				""".formatted(good, Fixtures.unique("X"), Fixtures.unique("Y"), Fixtures.unique("Z"));
		Api.Response r = this.api.csv("/api/v1/products/import", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(r.status()).isEqualTo(422);
		assertThat(r.json().get("errors").findValuesAsString("field")).contains("taxRate", "sku", "unitPrice",
				"valid_from");
		assertThat(r.json().get("errors").findValues("line").stream().map(n -> n.asInt()).toList()).containsExactly(3,
				4, 5, 6);
		assertThat(this.api.get("/api/v1/products/" + good).status()).as("nothing applied").isEqualTo(404);
	}

	@Test
	void aBrokenOrHostileFileIsRefusedWithItsLine() {
		Api.Response unclosed = this.api.csv("/api/v1/products/import",
				"sku,price\nA,\"10\nB,3\n".getBytes(StandardCharsets.UTF_8));
		assertThat(unclosed.status()).isEqualTo(422);
		assertThat(unclosed.json().get("errors").get(0).get("line").asInt()).isEqualTo(2);
		Api.Response latin1 = this.api.csv("/api/v1/products/import",
				"sku,name,price\nA,\u00e9cran,3\n".getBytes(StandardCharsets.ISO_8859_1));
		assertThat(latin1.status()).isEqualTo(422);
		assertThat(latin1.body()).contains("UTF-8");
		Api.Response noColumn = this.api.csv("/api/v1/products/import", "name,unit\nX,piece\n".getBytes());
		assertThat(noColumn.status()).isEqualTo(422);
		assertThat(noColumn.json().get("errors").findValuesAsString("field")).contains("sku", "price");
		Api.Response huge = this.api.csv("/api/v1/products/import",
				("sku,price\nA,\"" + "x".repeat(20_000) + "\"\n").getBytes());
		assertThat(huge.status()).isEqualTo(422);
	}

}
