package io.encaisse.invoicing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Base64;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.FacturXValidation;
import io.encaisse.support.Fixtures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The company's layout on its invoices: a logo (even one with transparency) and an accent
 * colour, in a PDF that stays a valid Factur-X (PDF/A-3); files that are not small images
 * are refused before they are decoded.
 */
@EncaisseTest
class InvoiceLayoutTests {

	@LocalServerPort
	int port;

	@TempDir
	Path dir;

	@AfterEach
	void plain() {
		new Api(this.port, EncaisseTest.ADMIN_KEY).put("/api/v1/settings/invoice-layout",
				map("accentColour", "#1F4E79", "removeLogo", true), null);
	}

	private static byte[] png(int w, int h, boolean alpha) throws Exception {
		BufferedImage image = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(200, 30, 60, alpha ? 128 : 255));
		g.fillOval(0, 0, w, h);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	@Test
	void theLogoAndColourAreOnTheInvoiceWhichStaysAValidFacturX() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		Api.Response set = api.put("/api/v1/settings/invoice-layout",
				map("accentColour", "#c0392b", "logo", Base64.getEncoder().encodeToString(png(240, 80, true))), null);
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		assertThat(set.get("accentColour")).isEqualTo("#C0392B");
		assertThat(set.get("hasLogo")).isEqualTo("true");
		String sku = fixtures.product("75.00", "20");
		String invoice = fixtures.deliver(fixtures.acceptedOrder(fixtures.customer(), sku, "2"), sku, "2");
		byte[] pdf = api.bytes("/api/v1/invoices/" + invoice + "/pdf");
		FacturXValidation.assertValid(pdf, this.dir, "branded.pdf");
		// kept for a look (target/branded-invoice.pdf)
		java.nio.file.Files.write(Path.of("target", "branded-invoice.pdf"), pdf);
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			var resources = doc.getPage(0).getResources();
			int images = 0;
			for (var name : resources.getXObjectNames()) {
				if (resources.getXObject(name) instanceof PDImageXObject image) {
					images++;
					assertThat(image.getWidth()).isEqualTo(240);
				}
			}
			assertThat(images).as("the logo").isEqualTo(1);
		}
		assertThat(api.bytes("/api/v1/settings/invoice-layout/logo")).startsWith((byte) 0x89, (byte) 'P');
	}

	@Test
	void whatIsNotASmallImageIsRefusedBeforeDecoding() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Api.Response text = api.put("/api/v1/settings/invoice-layout",
				map("logo", Base64.getEncoder().encodeToString("<svg onload=alert(1)>".getBytes())), null);
		assertThat(text.status()).isEqualTo(422);
		assertThat(text.body()).contains("logo").contains("PNG or JPEG");
		// a blank 3,000 x 3,000 image compresses to a few KB: refused from its header
		BufferedImage blank = new BufferedImage(3000, 3000, BufferedImage.TYPE_BYTE_BINARY);
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		javax.imageio.ImageIO.write(blank, "png", file);
		assertThat(file.size()).isLessThan(512 * 1024);
		Api.Response huge = api.put("/api/v1/settings/invoice-layout",
				map("logo", Base64.getEncoder().encodeToString(file.toByteArray())), null);
		assertThat(huge.status()).isEqualTo(422);
		assertThat(huge.body()).contains("2000 x 2000");
		assertThat(api.put("/api/v1/settings/invoice-layout", map("accentColour", "red"), null).body())
			.contains("accentColour");
		assertThat(api.put("/api/v1/settings/invoice-layout", map("logo", "%%%"), null).status()).isEqualTo(422);
	}

}
