package io.encaisse.e2e;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case for each input that gave a 500 or was stored as nonsense in the
 * attack-and-crash battery of December 2026 (issue 21, D7, D8, D12), each answered now
 * with a 4xx naming the field, or taken correctly. The fuzzers
 * ({@code fuzz.ApiFuzzTests}) look for the others.
 */
@EncaisseTest
class TrustRegressionTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	Fixtures fixtures;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		this.fixtures = new Fixtures(this.api);
	}

	private static void refused(Api.Response r, int status, String field) {
		BadInputTests.assertProblem(r, status, field);
	}

	@Test
	void aNulCharacterIsRefusedNamingTheField() {
		refused(this.api.post("/api/v1/customers", "{\"name\":\"a\\u0000b\",\"currency\":\"EUR\"}"), 400, "name");
		refused(this.api.get("/api/v1/customers?startingAfter=a%00b"), 400, null);
	}

	@Test
	void hugeOrExponentAmountsAreRefusedNamingTheField() {
		refused(this.api.post("/api/v1/payments", map("amount", "1e400", "currency", "EUR")), 422, "amount");
		refused(this.api.post("/api/v1/payments", map("amount", "123456789012345678901234567890", "currency", "EUR")),
				422, "amount");
		refused(this.api.post("/api/v1/customers", map("name", "Big", "currency", "EUR", "creditLimit", "1e400")), 422,
				"creditLimit");
	}

	@Test
	void aMissingRequiredParameterIsA400AndAnXmlAcceptA406() {
		refused(this.api.get("/api/v1/prices"), 400, "sku");
		Api.Response xml = this.api.raw("GET", "/api/v1/invoices", null, null, Map.of("Accept", "application/xml"));
		assertThat(xml.status()).isEqualTo(406);
		Api.Response html = this.api.raw("GET", "/api/v1/invoices", null, null, Map.of("Accept", "text/html"));
		assertThat(html.status()).isEqualTo(406);
	}

	@Test
	void aFractionWhereAWholeNumberGoesIsNamedNotTruncated() {
		refused(this.api.post("/api/v1/customers",
				"{\"name\":\"Terms\",\"currency\":\"EUR\",\"paymentTermsDays\":1.5}"), 400, "paymentTermsDays");
	}

	@Test
	void anUnknownCurrencyForDsoIsA422() {
		refused(this.api.get("/api/v1/reports/dso?currency=XXXX"), 422, "currency");
	}

	@Test
	void aMappingOrAMandateWithSpacesIsSavedAndAnsweredWithItsLocation() {
		String account = this.api
			.post("/api/v1/bank-accounts", map("name", "Spaces", "iban", Fixtures.iban(), "currency", "EUR"))
			.get("id");
		Api.Response mapping = this.api.post("/api/v1/bank-accounts/" + account + "/csv-mappings",
				map("name", Fixtures.unique("a b"), "dateColumn", "d", "amountColumn", "a", "remittanceColumn", "r"));
		assertThat(mapping.status()).as(mapping.toString()).isEqualTo(201);
		assertThat(mapping.headers().get("location")).contains("/csv-mappings/a%20b");

		String customer = this.fixtures.customer();
		refused(this.api.post("/api/v1/customers/" + customer + "/mandates",
				map("reference", "   ", "signedOn", Fixtures.today().toString(), "iban", Fixtures.iban())), 422,
				"reference");
		assertThat(this.api.get("/api/v1/customers/" + customer + "/mandates").json().get("data")).isEmpty();
		Api.Response spaced = this.api.post("/api/v1/customers/" + customer + "/mandates",
				map("reference", "RUM 2026 01", "signedOn", Fixtures.today().toString(), "iban", Fixtures.iban()));
		assertThat(spaced.status()).as(spaced.toString()).isEqualTo(201);
	}

	@Test
	void anEan13ItemCodeOfACustomerIsMapped() {
		String customer = this.fixtures.customer();
		String sku = this.fixtures.product("10.00", "20.00");
		Api.Response mapped = this.api.post("/api/v1/item-codes",
				map("customerId", customer, "code", "3608581234567", "sku", sku));
		assertThat(mapped.status()).as(mapped.toString()).isBetween(200, 201);
	}

	@Test
	void aPayerIbanIsAnIban() {
		refused(this.api.post("/api/v1/payments",
				map("amount", "10.00", "currency", "EUR", "payerIban", "<SCRIPT>ALERT(1)</SCRIPT>")), 422, "payerIban");
	}

	@Test
	void yearZeroIsNoDate() {
		refused(this.api.post("/api/v1/payments",
				map("amount", "10.00", "currency", "EUR", "receivedOn", "0000-01-01")), 400, "receivedOn");
		refused(this.api.get("/api/v1/reports/aging?asOf=0000-01-01"), 400, "asOf");
	}

	@Test
	void aDraftWhoseAllowancesExceedItsLinesIsRefused() {
		String customer = this.fixtures.customer();
		Api.Response draft = this.api.post("/api/v1/invoices",
				map("customerId", customer, "currency", "EUR", "lines",
						List.of(map("description", "Work", "unit", "hour", "quantity", "1", "unitPrice", "100.00",
								"taxRate", "20.00")),
						"allowances",
						List.of(map("reason", "Too generous", "amount", "1000000.00", "taxRate", "20.00"))));
		refused(draft, 422, "allowances");
	}

	@Test
	void aReceivablesRowWithAHugeAmountOrALongNumberIsThatRowsErrorNotTheFiles() {
		String code = Fixtures.unique("C");
		String good = Fixtures.unique("ERP");
		String csv = """
				number,customer,customer_name,issue_date,due_date,currency,amount
				%s,%s,Garage,2026-09-01,2026-10-01,EUR,100.00
				%s,%s,Garage,2026-09-01,2026-10-01,EUR,1e400
				%s,%s,Garage,2026-09-01,2026-10-01,EUR,123456789012345678901234567890
				%s,%s,Garage,2026-09-01,2026-10-01,EUR,10.00
				""".formatted(good, code, Fixtures.unique("ERP"), code, Fixtures.unique("ERP"), code, "N".repeat(100),
				code);
		Api.Response whole = this.api.csv("/api/v1/receivables/import", csv.getBytes());
		refused(whole, 422, "amount");
		assertThat(whole.body()).contains("\"line\":3").contains("\"line\":4").contains("\"line\":5");
		Api.Response partial = this.api.csv("/api/v1/receivables/import?partial=true", csv.getBytes());
		assertThat(partial.status()).as(partial.toString()).isEqualTo(200);
		assertThat(partial.json().get("imported").asInt()).isEqualTo(1);
		assertThat(partial.json().get("rejected").asInt()).isEqualTo(3);
	}

	@Test
	void anOrderLineOfAHugeQuantityRefusesTheFileNamingTheLine() {
		String customer = this.fixtures.customer();
		String sku = this.fixtures.product("10.00", "20.00");
		String csv = "customer,reference,item,quantity\n" + customer + "," + Fixtures.unique("R") + "," + sku
				+ ",1e400\n";
		Api.Response r = this.api.csv("/api/v1/orders/import", csv.getBytes());
		assertThat(r.status()).as(r.toString()).isEqualTo(422);
		assertThat(r.body()).contains("\"line\":2").contains("quantity");
	}

	@Test
	void anUnknownDocumentOnAPageIsA404() throws Exception {
		var http = java.net.http.HttpClient.newHttpClient();
		var login = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/invoices/x"))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		// without a session the page asks for a login first; the 404 itself is in
		// fuzz.WebFuzzTests, logged in
		assertThat(login.statusCode()).isEqualTo(302);
	}

}
