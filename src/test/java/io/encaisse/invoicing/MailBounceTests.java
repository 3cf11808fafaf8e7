package io.encaisse.invoicing;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.encaisse.support.Api;
import io.encaisse.shared.mail.MailBounces;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mail that comes back: the receiving server's delivery status notification, read from
 * the bounce mailbox over IMAP (GreenMail), marks the sending BOUNCED with its reason; a
 * delay notice does not; anything that is not a notification is left in the mailbox.
 */
@EncaisseTest
class MailBounceTests {

	@LocalServerPort
	int port;

	@Autowired
	MailBounces bounces;

	private static MimeMessage report(String action, String status, String diagnostic, String originalHeaders)
			throws Exception {
		MimeMessage dsn = new MimeMessage(Session.getInstance(new Properties()));
		dsn.setSubject("Undelivered Mail Returned to Sender");
		dsn.setFrom("MAILER-DAEMON@mx.client.example");
		MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
		MimeBodyPart human = new MimeBodyPart();
		human.setText("This is the mail system at host mx.client.example. I'm sorry to have to inform you...");
		report.addBodyPart(human);
		MimeBodyPart machine = new MimeBodyPart();
		machine.setDataHandler(new DataHandler(new ByteArrayDataSource(
				("Reporting-MTA: dns; mx.client.example\r\n\r\n"
						+ "Final-Recipient: rfc822; compta@client.example\r\nAction: " + action + "\r\nStatus: "
						+ status + "\r\nDiagnostic-Code: " + diagnostic + "\r\n")
					.getBytes(StandardCharsets.US_ASCII),
				"message/delivery-status")));
		report.addBodyPart(machine);
		MimeBodyPart headers = new MimeBodyPart();
		headers.setDataHandler(new DataHandler(
				new ByteArrayDataSource(originalHeaders.getBytes(StandardCharsets.US_ASCII), "text/rfc822-headers")));
		report.addBodyPart(headers);
		dsn.setContent(report);
		dsn.saveChanges();
		return dsn;
	}

	@Test
	void aPermanentFailureMarksTheSendingBouncedWithItsReason() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("64.00", "20");
		String order = fixtures.acceptedOrder(fixtures.customer(), sku, "3");
		String first = fixtures.deliver(order, sku, "1");
		String second = fixtures.deliver(order, sku, "1");
		String third = fixtures.deliver(order, sku, "1");
		GreenMail mail = new GreenMail(new ServerSetup[] { new ServerSetup(3025, "localhost", "smtp"),
				new ServerSetup(3143, "localhost", "imap") });
		mail.start();
		try {
			GreenMailUser box = mail.setUser("bounces@encaisse.example", "bounces@encaisse.example", "bounce-secret");
			for (String invoice : new String[] { first, second, third }) {
				assertThat(api.post("/api/v1/invoices/" + invoice + "/send", null).get("status")).isEqualTo("SENT");
			}
			MimeMessage[] sent = mail.getReceivedMessages();
			assertThat(sent).hasSize(3);
			String sendingOfFirst = sent[0].getHeader("X-Encaisse-Sending")[0];
			// a hard bounce quoting our header, one quoting only the Message-ID, a delay,
			// and a mail that is no notification at all
			box.deliver(report("failed", "5.1.1", "smtp; 550 5.1.1 <compta@client.example>: User unknown",
					"From: facturation@atelier-numerique.example\r\nX-Encaisse-Sending: " + sendingOfFirst + "\r\n"));
			box.deliver(report("failed", "5.2.2", "smtp; 552 5.2.2 Mailbox full",
					"Message-ID: " + sent[1].getMessageID() + "\r\nSubject: Facture\r\n"));
			box.deliver(report("delayed", "4.4.1", "smtp; 421 try again later",
					"Message-ID: " + sent[2].getMessageID() + "\r\n"));
			MimeMessage chat = new MimeMessage(Session.getInstance(new Properties()));
			chat.setFrom("someone@client.example");
			chat.setSubject("Re: Facture");
			chat.setText("Merci, bien reçu.");
			box.deliver(chat);

			assertThat(this.bounces.read()).isEqualTo(2);
			assertThat(sending(api, first)).contains("BOUNCED").contains("5.1.1").contains("User unknown");
			assertThat(sending(api, second)).contains("BOUNCED").contains("Mailbox full");
			assertThat(sending(api, third)).contains("SENT").doesNotContain("BOUNCED");
			// the two bounces are consumed; the delay notice and the reply stay for a
			// person
			assertThat(mail.getManagers().getImapHostManager().getInbox(box).getMessageCount()).isEqualTo(2);
			assertThat(this.bounces.read()).isZero();
		}
		finally {
			mail.stop();
		}
	}

	private static String sending(Api api, String invoice) {
		return api.get("/api/v1/invoices/" + invoice + "/sendings").body();
	}

}
