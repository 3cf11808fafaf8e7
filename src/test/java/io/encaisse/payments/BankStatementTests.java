package io.encaisse.payments;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements through the API: credits matched by the payer's reference, applied once,
 * unknown accounts refused.
 */
@EncaisseTest
class BankStatementTests {

	@LocalServerPort
	int port;

	/** A camt.053 of one statement of the account, holding the entries given. */
	static String statement(String iban, String statementId, String... entries) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
				  <BkToCstmrStmt>
				    <GrpHdr><MsgId>%s</MsgId><CreDtTm>2026-11-20T08:00:00</CreDtTm></GrpHdr>
				    <Stmt>
				      <Id>%s</Id>
				      <Acct><Id><IBAN>%s</IBAN></Id></Acct>
				%s    </Stmt>
				  </BkToCstmrStmt>
				</Document>
				""".formatted(statementId, statementId, iban, String.join("", entries));
	}

	/**
	 * A booked entry (CRDT or DBIT) from the debtor's account, with its remittance text.
	 */
	static String entry(String amount, String creditOrDebit, String bankRef, String debtorIban, String remittance) {
		return """
				      <Ntry>
				        <Amt Ccy="EUR">%s</Amt><CdtDbtInd>%s</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
				        <BookgDt><Dt>2026-11-20</Dt></BookgDt><AcctSvcrRef>%s</AcctSvcrRef>
				        <NtryDtls><TxDtls><RltdPties><DbtrAcct><Id><IBAN>%s</IBAN></Id></DbtrAcct></RltdPties>
				          <RmtInf><Ustrd>%s</Ustrd></RmtInf></TxDtls></NtryDtls>
				      </Ntry>
				""".formatted(amount, creditOrDebit, bankRef, debtorIban, remittance);
	}

	/** A credit naming the remittance text, then a bank fee of 12.00. */
	static String camt(String iban, String statementId, String bankRef, String amount, String remittance) {
		return statement(iban, statementId, """
				      <Ntry>
				        <Amt Ccy="EUR">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
				        <BookgDt><Dt>2026-11-20</Dt></BookgDt><ValDt><Dt>2026-11-20</Dt></ValDt>
				        <AcctSvcrRef>%s</AcctSvcrRef>
				        <NtryDtls><TxDtls><RmtInf><Ustrd>%s</Ustrd></RmtInf></TxDtls></NtryDtls>
				      </Ntry>
				      <Ntry>
				        <Amt Ccy="EUR">12.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2026-11-20</Dt></BookgDt>
				        <AcctSvcrRef>%s-FEE</AcctSvcrRef>
				      </Ntry>
				""".formatted(amount, bankRef, remittance, bankRef));
	}

	/** The account these statements are of, opened by whichever test comes first. */
	private static String account(Api api) {
		String iban = "FR7630006000011234567890189";
		api.post("/api/v1/bank-accounts", map("name", "Compte courant", "iban", iban, "currency", "EUR"));
		return iban;
	}

	@Test
	void aStatementPaysTheInvoiceItsReferenceNamesOnceWhateverTheRepeats() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String iban = account(api);
		String sku = fixtures.product("100.00", "20");
		String invoice = fixtures.deliver(fixtures.acceptedOrder(fixtures.customer(), sku, "1"), sku, "1");
		String reference = api.get("/api/v1/invoices/" + invoice).get("paymentReference");
		String bankRef = Fixtures.unique("REF");

		byte[] file = camt(iban, Fixtures.unique("STMT"), bankRef, "120.00", "VIR SEPA " + reference)
			.getBytes(StandardCharsets.UTF_8);
		Api.Response imported = api.xml("/api/v1/bank-statements", file);
		assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
		assertThat(imported.get("entries")).isEqualTo("2");
		assertThat(imported.get("matched")).isEqualTo("1");
		assertThat(imported.get("ignored")).isEqualTo("1");
		assertThat(api.get("/api/v1/invoices/" + invoice).get("status")).isEqualTo("PAID");
		assertThat(api.get("/api/v1/invoices/" + invoice + "/lifecycle").json().get("data").findValuesAsString("code"))
			.as("paid: the e-invoicing lifecycle's 212")
			.containsExactly("212");
		var entries = api.get("/api/v1/bank-statements/" + imported.get("id") + "/entries").json().get("data");
		assertThat(entries.get(0).get("status").asString()).isEqualTo("MATCHED");
		assertThat(entries.get(0).get("allocations").get(0).get("amount").asString()).isEqualTo("120.00");
		assertThat(entries.get(1).get("status").asString()).isEqualTo("IGNORED");

		int payments = api.get("/api/v1/payments?limit=500").json().get("data").size();
		Api.Response again = api.xml("/api/v1/bank-statements", file);
		assertThat(again.get("id")).isEqualTo(imported.get("id"));
		Api.Response sameEntryOtherFile = api.xml("/api/v1/bank-statements",
				camt(iban, Fixtures.unique("STMT"), bankRef, "120.00", "VIR SEPA " + reference)
					.getBytes(StandardCharsets.UTF_8));
		assertThat(sameEntryOtherFile.get("alreadyImported")).isEqualTo("2");
		assertThat(api.get("/api/v1/payments?limit=500").json().get("data").size()).isEqualTo(payments);
	}

	@Autowired
	StatementImport statementImport;

	/**
	 * A statement is decided and written slice by slice (the next slice decided while
	 * this one is written): an invoice paid in two slices is settled twice, each time at
	 * the version the previous slice left, and the import is one.
	 */
	@Test
	void anInvoicePaidInTwoSlicesOfAStatementIsPaidOnce() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String iban = account(api);
		String sku = fixtures.product("100.00", "20");
		// the customer's own account pays: part payments quoting the invoice are then
		// matched
		String payer = Fixtures.iban();
		String customer = api
			.post("/api/v1/customers",
					Fixtures.invoiceable("name", Fixtures.unique("Client"), "currency", "EUR", "iban", payer))
			.get("id");
		String invoice = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		String reference = api.get("/api/v1/invoices/" + invoice).get("paymentReference");
		String file = statement(iban, Fixtures.unique("STMT"),
				entry("50.00", "CRDT", Fixtures.unique("R"), payer, "VIR SEPA " + reference),
				entry("9.00", "DBIT", Fixtures.unique("R"), iban, "VIR SEPA frais"),
				entry("70.00", "CRDT", Fixtures.unique("R"), payer, "VIR SEPA " + reference));
		this.statementImport.slice(1);
		try {
			Api.Response imported = api.xml("/api/v1/bank-statements", file.getBytes(StandardCharsets.UTF_8));
			assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
			assertThat(imported.get("matched")).as(imported.toString()).isEqualTo("2");
			assertThat(imported.get("ignored")).isEqualTo("1");
		}
		finally {
			this.statementImport.slice(StatementImport.SLICE);
		}
		Api.Response paid = api.get("/api/v1/invoices/" + invoice);
		assertThat(paid.get("status")).isEqualTo("PAID");
		assertThat(paid.get("amountDue")).isEqualTo("0.00");
		assertThat(api.get("/api/v1/invoices/" + invoice + "/lifecycle").json().get("data").findValuesAsString("code"))
			.containsExactly("212");
	}

	@Test
	void aStatementOfAnUnknownAccountOrABrokenFileIsRefusedWhole() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Api.Response unknown = api.xml("/api/v1/bank-statements",
				camt("DE89370400440532013000", Fixtures.unique("S"), Fixtures.unique("R"), "5.00", "x")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.json().get("errors").findValuesAsString("field")).contains("account");
		Api.Response broken = api.xml("/api/v1/bank-statements", "<Document><BkToCstmrStmt>".getBytes());
		assertThat(broken.status()).isEqualTo(422);
		assertThat(
				api.post("/api/v1/bank-accounts", map("name", "Bad", "iban", "FR7630006000011234567890188")).status())
			.isEqualTo(422);
	}

	@Test
	void anMt940StatementPaysTheInvoiceItsInformationNames() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String iban = "DE89370400440532013000";
		api.post("/api/v1/bank-accounts", map("name", "Commerzbank", "iban", iban, "currency", "EUR"));
		String sku = fixtures.product("50.00", "20");
		String invoice = fixtures.deliver(fixtures.acceptedOrder(fixtures.customer(), sku, "1"), sku, "1");
		String number = api.get("/api/v1/invoices/" + invoice).get("number");
		String mt940 = """
				:20:%s
				:25:%s
				:28C:00001/001
				:60F:C261120EUR1000,00
				:61:2611201120CR60,00NTRFNONREF//%s
				:86:166?00GUTSCHRIFT?20Rechnung %s?21Danke
				:61:2611201120DR5,00NCHGNONREF
				:86:808?00GEBUEHREN
				:62F:C261120EUR1055,00
				-
				""".formatted(Fixtures.unique("MT"), iban, Fixtures.unique("B"), number.replace("-", " "));
		Api.Response imported = api.send("/api/v1/bank-statements", mt940.getBytes(StandardCharsets.UTF_8),
				"text/plain");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
		assertThat(imported.get("matched")).isEqualTo("1");
		assertThat(imported.get("ignored")).isEqualTo("1");
		assertThat(api.get("/api/v1/invoices/" + invoice).get("status")).isEqualTo("PAID");
		assertThat(api.send("/api/v1/bank-statements", "a;b\n".getBytes(), "text/csv").status()).isEqualTo(422);
	}

	@Test
	void thePublicFinnishSampleImportsWithItsCreditsAndDebits() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		api.post("/api/v1/bank-accounts",
				map("name", "Finnish sample", "iban", "FI7433010001222090", "currency", "EUR"));
		byte[] file = Files.readAllBytes(Camt053Tests.SAMPLES.resolve("camt053_v02_FI_sample.xml"));
		Api.Response imported = api.xml("/api/v1/bank-statements", file);
		assertThat(imported.status()).as(imported.toString()).isIn(200, 201);
		assertThat(Integer.parseInt(imported.get("entries")) + Integer.parseInt(imported.get("alreadyImported")))
			.isEqualTo(10);
	}

	@Test
	void aStatementWhoseBalancesDoNotAddUpIsRefusedUnlessAPersonAcceptsIt() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		String iban = "CH2909000000250094239";
		api.post("/api/v1/bank-accounts", map("name", "PostFinance", "iban", iban, "currency", "CHF"));
		byte[] file = Files.readAllBytes(Camt053Tests.SAMPLES.resolve("camt053_v04_CH_postfinance.xml"));
		Api.Response refused = api.xml("/api/v1/bank-statements", file);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.body()).contains("216649.21").contains("215112.21").contains("nothing was imported");
		Api.Response accepted = api.xml("/api/v1/bank-statements?acceptUnbalanced=true", file);
		assertThat(accepted.status()).as(accepted.toString()).isIn(200, 201);
		assertThat(Integer.parseInt(accepted.get("entries")) + Integer.parseInt(accepted.get("alreadyImported")))
			.isEqualTo(5);
	}

	@Test
	void aTruncatedStatementFailsItsControlSumsAndAPendingEntryMovesNothing() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		String iban = "FR7630004000031234567890143";
		api.post("/api/v1/bank-accounts", map("name", "BNP", "iban", iban, "currency", "EUR"));
		String statement = """
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
				  <Id>%s</Id><Acct><Id><IBAN>%s</IBAN></Id></Acct>
				  <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>
				  <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">150.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>
				  <TxsSummry><TtlNtries><NbOfNtries>%d</NbOfNtries></TtlNtries></TxsSummry>
				  <Ntry><Amt Ccy="EUR">50.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><AcctSvcrRef>%s</AcctSvcrRef></Ntry>
				  <Ntry><Amt Ccy="EUR">70.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>PDNG</Sts><AcctSvcrRef>%s</AcctSvcrRef></Ntry>
				</Stmt></BkToCstmrStmt></Document>""";
		Api.Response truncated = api.xml("/api/v1/bank-statements",
				statement.formatted(Fixtures.unique("S"), iban, 3, Fixtures.unique("R"), Fixtures.unique("R"))
					.getBytes(StandardCharsets.UTF_8));
		assertThat(truncated.status()).isEqualTo(422);
		assertThat(truncated.body()).contains("announces 3 entries but lists 2");
		Api.Response whole = api.xml("/api/v1/bank-statements",
				statement.formatted(Fixtures.unique("S"), iban, 2, Fixtures.unique("R"), Fixtures.unique("R"))
					.getBytes(StandardCharsets.UTF_8));
		assertThat(whole.status()).as(whole.toString()).isEqualTo(201);
		var entries = api.get("/api/v1/bank-statements/" + whole.get("id") + "/entries").json().get("data");
		assertThat(entries.get(1).get("status").asString()).isEqualTo("IGNORED");
		assertThat(entries.get(1).get("reason").asString()).contains("not booked (PDNG)");
	}

	@Test
	void aBankCsvReadsThroughTheAccountsSavedMapping() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String iban = Fixtures.iban();
		String account = api.post("/api/v1/bank-accounts", map("name", "CIC", "iban", iban, "currency", "EUR"))
			.get("id");
		String name = Fixtures.unique("cic");
		Api.Response mapping = api.post("/api/v1/bank-accounts/" + account + "/csv-mappings",
				map("name", name, "encoding", "windows-1252", "dateColumn", "Date", "dateFormat", "dd/MM/yyyy",
						"creditColumn", "Crédit", "debitColumn", "Débit", "decimalComma", true, "remittanceColumn",
						"Libellé", "payerNameColumn", "Tiers"));
		assertThat(mapping.status()).as(mapping.toString()).isEqualTo(201);
		assertThat(api.post("/api/v1/bank-accounts/" + account + "/csv-mappings", map("name", Fixtures.unique("x")))
			.json()
			.get("errors")
			.findValuesAsString("field")).contains("dateColumn", "amountColumn");
		String sku = fixtures.product("1000.00", "20");
		String invoice = fixtures.deliver(fixtures.acceptedOrder(fixtures.customer(), sku, "1"), sku, "1");
		String number = api.get("/api/v1/invoices/" + invoice).get("number");
		String csv = "Date;Libellé;Tiers;Débit;Crédit\r\n" + "20/11/2026;VIR SEPA FACT " + number.replace("-", "")
				+ ";Société Générale d'Équipement;;1 200,00\r\n" + "20/11/2026;FRAIS TENUE DE COMPTE;;12,50;\r\n";
		byte[] latin = csv.getBytes(java.nio.charset.Charset.forName("windows-1252"));
		Api.Response imported = api.send("/api/v1/bank-statements?mapping=" + name, latin, "text/csv");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
		assertThat(imported.get("matched")).isEqualTo("1");
		assertThat(imported.get("ignored")).isEqualTo("1");
		assertThat(api.get("/api/v1/invoices/" + invoice).get("status")).isEqualTo("PAID");
		var entries = api.get("/api/v1/bank-statements/" + imported.get("id") + "/entries").json().get("data");
		assertThat(entries.get(0).get("debtorName").asString()).isEqualTo("Société Générale d'Équipement");
		// a later export overlapping this one: its lines are known and applied once
		byte[] later = (csv + "21/11/2026;VIR RECU;X;;5,00\r\n")
			.getBytes(java.nio.charset.Charset.forName("windows-1252"));
		Api.Response overlap = api.send("/api/v1/bank-statements?mapping=" + name, later, "text/csv");
		assertThat(overlap.get("alreadyImported")).isEqualTo("2");
		assertThat(overlap.get("entries")).isEqualTo("1");
		Api.Response bad = api.send("/api/v1/bank-statements?mapping=" + name,
				"Date;Libellé;Tiers;Débit;Crédit\n20/11/2026;A;B;;10,00\n31/02/2026;C;D;;1O,00\n"
					.getBytes(java.nio.charset.Charset.forName("windows-1252")),
				"text/csv");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.json().get("errors").get(0).get("line").asInt()).isEqualTo(3);
		assertThat(api.send("/api/v1/bank-statements", "Date;X\n01/01/2026;1\n".getBytes(), "text/csv")
			.json()
			.get("errors")
			.findValuesAsString("field")).contains("mapping");
	}

}
