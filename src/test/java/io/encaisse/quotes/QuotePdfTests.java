package io.encaisse.quotes;

import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quote printed in the company's layout, in the customer's language, with its terms;
 * served to staff and through the customer's link, and attached to the mail that sends
 * it.
 */
@EncaisseTest
class QuotePdfTests {

	@LocalServerPort
	int port;

	private static String text(byte[] pdf) throws Exception {
		try (var doc = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(doc);
		}
	}

	@Test
	void theQuoteIsPrintedWithItsTermsAndMailedWithItsLink() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String desk = fixtures.product("560.00", "20");
		String support = fixtures.product("40.00", "20");
		String lamp = fixtures.product("45.00", "20");
		String id = api.post("/api/v1/quotes",
				map("customerId", customer, "paymentTermsDays", 45, "depositPercent", "30", "conditions",
						"Livraison\tsous quatre semaines à réception de l'acompte 🚚.", "lines",
						List.of(map("sku", desk, "quantity", "4", "discountPercent", "5"),
								map("sku", support, "quantity", "1", "billing", "RECURRING", "period", "MONTHLY"),
								map("sku", lamp, "quantity", "4", "optional", true))))
			.get("id");
		Api.Response pdf = api.get("/api/v1/quotes/" + id + "/pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
		String number = api.get("/api/v1/quotes/" + id).get("number");
		String text = text(api.bytes("/api/v1/quotes/" + id + "/pdf"));
		assertThat(text).contains("Devis " + number)
			.contains("Atelier Numérique SAS")
			.contains("SIREN 732829320")
			.contains("par mois")
			.contains("option")
			.contains("Options non comprises")
			.contains("Acompte à la commande : 30 %")
			.contains("45 jours")
			// a tab pasted in and an emoji the font lacks do not stop the document
			.contains("Livraison sous quatre semaines")
			.contains("l'acompte ?.")
			.contains("Bon pour accord")
			// 4 x 560 less 5 % = 2128.00 net; the support per month beside; the lamps are
			// an option
			.contains("2128.00 EUR")
			.contains("Abonnement, par période")
			.contains("40.00 EUR")
			.contains("180.00 EUR");

		GreenMail smtp = new GreenMail(new ServerSetup(3025, "localhost", "smtp"));
		smtp.start();
		try {
			assertThat(api.post("/api/v1/quotes/" + id + "/send", null).status()).isEqualTo(200);
			smtp.waitForIncomingEmail(5000, 1);
			var mail = io.encaisse.support.Mails.withSubject(smtp, number).get(0);
			Multipart parts = (Multipart) mail.getContent();
			byte[] attached = null;
			for (int i = 0; i < parts.getCount(); i++) {
				Part part = parts.getBodyPart(i);
				if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
					assertThat(part.getFileName()).isEqualTo(number + "-r1.pdf");
					attached = part.getInputStream().readAllBytes();
				}
			}
			assertThat(attached).isNotNull();
			assertThat(text(attached)).contains("Devis " + number);
		}
		finally {
			smtp.stop();
		}
		// the customer's link serves it too
		String url = api.get("/api/v1/quotes/" + id + "/link").get("url");
		String token = url.substring(url.lastIndexOf('/') + 1);
		assertThat(text(api.bytes("/portal/quotes/" + token + "/pdf"))).contains("Devis " + number);
	}

}
