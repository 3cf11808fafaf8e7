package io.encaisse.invoicing;

import java.io.ByteArrayOutputStream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoices leave by mail through a real SMTP server (GreenMail): the Factur-X attached,
 * the customer's language, sent once; with the server down the sending fails with its
 * reason and goes once the server is back.
 */
@EncaisseTest
class InvoiceMailTests {

	@LocalServerPort
	int port;

	@org.junit.jupiter.api.io.TempDir
	java.nio.file.Path dir;

	@Test
	void theInvoiceGoesOutOnceWithItsFacturXAndSurvivesTheServerBeingDown() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("99.00", "20");
		String order = fixtures.acceptedOrder(customer, sku, "2");
		String first = fixtures.deliver(order, sku, "1");
		String number = api.get("/api/v1/invoices/" + first).get("number");
		assertThat(
				api.get("/api/v1/invoices/" + first + "/sendings").json().get("data").get(0).get("status").asString())
			.isEqualTo("QUEUED");

		GreenMail smtp = new GreenMail(new ServerSetup(3025, "localhost", "smtp"));
		smtp.start();
		try {
			Api.Response sent = api.post("/api/v1/invoices/" + first + "/send", null);
			assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
			assertThat(sent.get("status")).isEqualTo("SENT");
			assertThat(api.post("/api/v1/invoices/" + first + "/send", null).get("status")).isEqualTo("SENT");
			MimeMessage[] received = smtp.getReceivedMessages();
			assertThat(received).as("sent once").hasSize(1);
			MimeMessage mail = received[0];
			assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("compta@client.example");
			assertThat(mail.getSubject()).isEqualTo("Facture " + number);
			Part attachment = ((Multipart) mail.getContent()).getBodyPart(1);
			assertThat(attachment.getFileName()).isEqualTo(number + ".pdf");
			ByteArrayOutputStream pdf = new ByteArrayOutputStream();
			attachment.getInputStream().transferTo(pdf);
			String content = pdf.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
			assertThat(content).startsWith("%PDF-").contains("factur-x.xml");
			// the attachment itself passes the reference validator
			io.encaisse.support.FacturXValidation.assertValid(pdf.toByteArray(), this.dir, "mailed.pdf");
		}
		finally {
			smtp.stop();
		}

		// the server is down: the sending fails with its reason, nothing is lost
		String second = fixtures.deliver(order, sku, "1");
		Api.Response failed = api.post("/api/v1/invoices/" + second + "/send", null);
		assertThat(failed.get("status")).isEqualTo("FAILED");
		assertThat(failed.get("attempts")).isEqualTo("1");
		assertThat(failed.get("lastError")).isNotBlank();
		GreenMail back = new GreenMail(new ServerSetup(3025, "localhost", "smtp"));
		back.start();
		try {
			assertThat(api.post("/api/v1/invoices/" + second + "/send", null).get("status")).isEqualTo("SENT");
			assertThat(back.getReceivedMessages()).hasSize(1);
		}
		finally {
			back.stop();
		}
	}

	@org.springframework.beans.factory.annotation.Autowired
	InvoiceMail mail;

	@Test
	void aCourtesyReminderGoesOutOnceBeforeTheDueDate() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer(3);
		String sku = fixtures.product("12.50", "20");
		String invoice = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		String number = api.get("/api/v1/invoices/" + invoice).get("number");
		assertThat(this.mail.queueReminders()).isPositive();
		this.mail.queueReminders();
		assertThat(this.mail.of(invoice)).filteredOn(s -> s.channel().equals("REMINDER")).hasSize(1);
		GreenMail smtp = new GreenMail(new ServerSetup(3025, "localhost", "smtp"));
		smtp.start();
		try {
			assertThat(this.mail.sendNow(invoice, "REMINDER").status()).isEqualTo("SENT");
			MimeMessage[] received = smtp.getReceivedMessages();
			assertThat(received).hasSize(1);
			assertThat(received[0].getSubject()).startsWith("Rappel : la facture " + number);
		}
		finally {
			smtp.stop();
		}
	}

	@Test
	void aCustomerCanReceiveItsInvoicesOtherwiseThanByMail() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		assertThat(api.get("/api/v1/customers/" + customer + "/invoice-delivery").get("byEmail")).isEqualTo("true");
		assertThat(
				api.put("/api/v1/customers/" + customer + "/invoice-delivery", java.util.Map.of("byEmail", false), null)
					.get("byEmail"))
			.isEqualTo("false");
		String sku = fixtures.product("20.00", "20");
		String invoice = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		assertThat(api.get("/api/v1/invoices/" + invoice + "/sendings").json().get("data")).isEmpty();
		assertThat(api.put("/api/v1/customers/" + customer + "/invoice-delivery", java.util.Map.of(), null).status())
			.isEqualTo(422);
	}

}
