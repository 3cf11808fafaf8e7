package io.encaisse.payments;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SEPA direct debit from mandate to money: the pain.008 file is valid against the
 * pain.008.001.02 schema (the German banks' SEPA profile, stricter than ISO), the bank's
 * batch credit settles each invoice by its end-to-end id, and a return (camt.054 with a
 * reason code) makes the invoice due again and collectable again, as a recurring debit.
 */
@EncaisseTest
class DirectDebitTests {

	@LocalServerPort
	int port;

	static String statement(String iban, String entries) {
		return """
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn><Ntfctn>
				  <Id>%s</Id><Acct><Id><IBAN>%s</IBAN></Id></Acct>%s
				</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>""".formatted(Fixtures.unique("N"), iban, entries);
	}

	static String entry(String amount, String direction, String details) {
		return """
				<Ntry><Amt Ccy="EUR">%s</Amt><CdtDbtInd>%s</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-20</Dt></BookgDt>
				<AcctSvcrRef>%s</AcctSvcrRef><NtryDtls>%s</NtryDtls></Ntry>"""
			.formatted(amount, direction, Fixtures.unique("B"), details);
	}

	@Test
	void mandateCollectionSettlementAndReturn() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String ourIban = Fixtures.iban();
		String account = api.post("/api/v1/bank-accounts", map("name", "Compte prélèvements", "iban", ourIban))
			.get("id");
		String customer = api
			.post("/api/v1/customers", Fixtures.invoiceable("name", Fixtures.unique("Société d'Économie & Fils"),
					"currency", "EUR", "paymentMethod", "DIRECT_DEBIT"))
			.get("id");
		Api.Response bad = api.post("/api/v1/customers/" + customer + "/mandates",
				map("reference", "RUM*1", "signedOn", "2999-01-01", "iban", "FR00"));
		assertThat(bad.json().get("errors").findValuesAsString("field")).contains("reference", "signedOn", "iban");
		String mandate = Fixtures.unique("RUM");
		Api.Response added = api.post("/api/v1/customers/" + customer + "/mandates",
				map("reference", mandate, "signedOn", "2026-01-15", "iban", Fixtures.iban()));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);

		String sku = fixtures.product("250.00", "20");
		String order = fixtures.acceptedOrder(customer, sku, "3");
		String first = fixtures.deliver(order, sku, "1");
		String second = fixtures.deliver(order, sku, "2");
		LocalDate due = LocalDate.parse(api.get("/api/v1/invoices/" + second).get("dueDate"));

		Api.Response collection = api.post("/api/v1/direct-debits",
				map("bankAccountId", account, "collectionDate", due.toString()));
		assertThat(collection.status()).as(collection.toString()).isEqualTo(201);
		assertThat(collection.json().get("items").findValuesAsString("invoiceId")).containsExactlyInAnyOrder(first,
				second);
		assertThat(collection.json().get("items").findValuesAsString("sequenceType")).containsOnly("FRST");
		byte[] pain = api.bytes("/api/v1/direct-debits/" + collection.get("id") + "/pain.008");
		Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
			.newSchema(getClass().getClassLoader().getResource("pain.008.001.02.xsd"));
		schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(pain)));
		String xml = new String(pain, StandardCharsets.UTF_8);
		assertThat(xml).contains("<SeqTp>FRST</SeqTp>")
			.contains("<MndtId>" + mandate + "</MndtId>")
			.contains("Societe d'Economie + Fils");
		assertThat(api.post("/api/v1/direct-debits", map("bankAccountId", account, "collectionDate", due.toString()))
			.status()).as("nothing left to collect").isEqualTo(422);

		// the bank books the batch: one credit listing each transaction
		String firstNumber = api.get("/api/v1/invoices/" + first).get("number");
		String secondNumber = api.get("/api/v1/invoices/" + second).get("number");
		String total = new BigDecimal(collection.get("total")).setScale(2).toPlainString();
		String batch = statement(ourIban,
				entry(total, "CRDT",
						"<TxDtls><Refs><EndToEndId>" + firstNumber
								+ "</EndToEndId></Refs></TxDtls><TxDtls><Refs><EndToEndId>" + secondNumber
								+ "</EndToEndId></Refs></TxDtls>"));
		Api.Response settled = api.xml("/api/v1/bank-statements", batch.getBytes(StandardCharsets.UTF_8));
		assertThat(settled.get("matched")).as(settled.toString()).isEqualTo("1");
		assertThat(api.get("/api/v1/invoices/" + first).get("status")).isEqualTo("PAID");
		assertThat(api.get("/api/v1/invoices/" + second).get("status")).isEqualTo("PAID");

		// a transfer of ours quoting the invoice number is no return
		String amount0 = new BigDecimal(api.get("/api/v1/invoices/" + first).get("total")).setScale(2).toPlainString();
		Api.Response refund = api.xml("/api/v1/bank-statements",
				statement(ourIban,
						entry(amount0, "DBIT",
								"<TxDtls><Refs><EndToEndId>" + firstNumber + "</EndToEndId></Refs></TxDtls>"))
					.getBytes(StandardCharsets.UTF_8));
		assertThat(refund.get("ignored")).isEqualTo("1");
		assertThat(api.get("/api/v1/invoices/" + first).get("status")).isEqualTo("PAID");

		// the debtor's bank returns the first one: insufficient funds
		String amount = new BigDecimal(api.get("/api/v1/invoices/" + first).get("total")).setScale(2).toPlainString();
		Api.Response returned = api.xml("/api/v1/bank-statements",
				statement(ourIban,
						entry(amount, "DBIT",
								"<TxDtls><Refs><EndToEndId>" + firstNumber
										+ "</EndToEndId></Refs><RtrInf><Rsn><Cd>AM04</Cd></Rsn></RtrInf></TxDtls>"))
					.getBytes(StandardCharsets.UTF_8));
		var returnEntry = api.get("/api/v1/bank-statements/" + returned.get("id") + "/entries")
			.json()
			.get("data")
			.get(0);
		assertThat(returnEntry.get("status").asString()).isEqualTo("RETURNED");
		assertThat(returnEntry.get("reason").asString()).contains("AM04: insufficient funds");
		Api.Response reopened = api.get("/api/v1/invoices/" + first);
		assertThat(reopened.get("status")).isEqualTo("ISSUED");
		assertThat(reopened.get("amountDue")).isEqualTo(reopened.get("total"));
		assertThat(api.get("/api/v1/invoices/" + second).get("status")).isEqualTo("PAID");

		Api.Response again = api.post("/api/v1/direct-debits",
				map("bankAccountId", account, "collectionDate", due.toString()));
		assertThat(again.status()).as(again.toString()).isEqualTo(201);
		assertThat(again.json().get("items").findValuesAsString("invoiceId")).containsExactly(first);
		assertThat(again.json().get("items").findValuesAsString("sequenceType")).containsOnly("RCUR");
	}

}
