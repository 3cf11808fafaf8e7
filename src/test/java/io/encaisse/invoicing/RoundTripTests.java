package io.encaisse.invoicing;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.mustangproject.Invoice;
import org.mustangproject.ZUGFeRD.IZUGFeRDExportableItem;
import org.mustangproject.ZUGFeRD.TransactionCalculator;
import org.mustangproject.ZUGFeRD.ZUGFeRDInvoiceImporter;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our own documents read back by the reference reader (Mustang's importer) give the same
 * invoice: number, dates, currency, buyer, lines, totals, amount due. Factur-X (its
 * embedded CII), plain CII and UBL.
 */
@EncaisseTest
class RoundTripTests {

	@LocalServerPort
	int port;

	@Test
	void facturXCiiAndUblReadBackGiveTheSameInvoice() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String id = fixtures.invoiceWithADiscountAndTwoVatRates();
		Api.Response ours = api.get("/api/v1/invoices/" + id);

		ZUGFeRDInvoiceImporter fromPdf = new ZUGFeRDInvoiceImporter(
				new ByteArrayInputStream(api.bytes("/api/v1/invoices/" + id + "/pdf")));
		assertSame("Factur-X", ours, fromPdf.extractInvoice());

		ZUGFeRDInvoiceImporter fromCii = new ZUGFeRDInvoiceImporter();
		fromCii
			.fromXML(new String(api.bytes("/api/v1/invoices/" + id + "/cii"), java.nio.charset.StandardCharsets.UTF_8));
		assertSame("CII", ours, fromCii.extractInvoice());

		String ubl = new String(api.bytes("/api/v1/invoices/" + id + "/ubl"), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(ubl).contains("<cbc:RegistrationName>" + ours.get("customerName") + "</cbc:RegistrationName>");
		ZUGFeRDInvoiceImporter fromUbl = new ZUGFeRDInvoiceImporter();
		fromUbl.fromXML(ubl);
		assertSame("UBL", ours, fromUbl.extractInvoice());
	}

	private static void assertSame(String source, Api.Response ours, Invoice read) {
		assertThat(read.getNumber()).isEqualTo(ours.get("number"));
		assertThat(read.getCurrency()).isEqualTo(ours.get("currency"));
		assertThat(date(read.getIssueDate())).isEqualTo(LocalDate.parse(ours.get("issueDate")));
		assertThat(date(read.getDueDate())).isEqualTo(LocalDate.parse(ours.get("dueDate")));
		if (!source.equals("UBL")) {
			// Mustang's UBL reader takes the buyer from PartyName (BT-45, trading name);
			// our
			// UBL carries the legal name, BT-44, in PartyLegalEntity: checked apart
			assertThat(read.getRecipient().getName()).as(source + " buyer").isEqualTo(ours.get("customerName"));
		}
		IZUGFeRDExportableItem[] items = read.getZFItems();
		var lines = ours.json().get("lines");
		assertThat(items).hasSize(lines.size());
		for (int i = 0; i < items.length; i++) {
			assertThat(items[i].getQuantity()).isEqualByComparingTo(lines.get(i).get("quantity").asString());
			assertThat(items[i].getProduct().getVATPercent())
				.isEqualByComparingTo(lines.get(i).get("taxRate").asString());
		}
		TransactionCalculator totals = new TransactionCalculator(read);
		assertThat(totals.getGrandTotal()).isEqualByComparingTo(new BigDecimal(ours.get("total")));
		assertThat(totals.getTaxBasis()).isEqualByComparingTo(new BigDecimal(ours.get("totalNet")));
	}

	private static LocalDate date(java.util.Date date) {
		return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
	}

}
