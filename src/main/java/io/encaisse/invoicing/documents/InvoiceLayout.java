package io.encaisse.invoicing.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company's invoice layout: an accent colour and a logo, set by an administrator and
 * printed on every PDF. A logo is checked before it is decoded (PNG or JPEG, at most 512
 * KB and 2,000 x 2,000 pixels: no decompression bomb), then flattened on white and kept
 * as PNG. Each node reads it again at most every 30 seconds.
 */
@Component
public class InvoiceLayout {

	public static final String DEFAULT_COLOUR = "#1F4E79";

	static final int MAX_BYTES = 512 * 1024;

	static final int MAX_SIDE = 2000;

	private static final Duration FRESH = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Today today;

	private volatile Cached cached;

	InvoiceLayout(JdbcClient jdbc, AuditTrail audit, Today today) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.today = today;
	}

	/** The layout as documents use it: the colour, and the decoded logo if any. */
	public record Layout(String accentColour, BufferedImage logo, byte[] logoPng) {

		public Color colour() {
			return Color.decode(this.accentColour);
		}

	}

	private record Cached(Layout layout, long readAt) {
	}

	public Layout current() {
		Cached c = this.cached;
		if (c == null || System.nanoTime() - c.readAt() > FRESH.toNanos()) {
			c = new Cached(read(), System.nanoTime());
			this.cached = c;
		}
		return c.layout();
	}

	private Layout read() {
		return this.jdbc.sql("select accent_colour, logo from invoice_layout where id = 1").query((rs, n) -> {
			byte[] png = rs.getBytes(2);
			return new Layout(rs.getString(1), png == null ? null : decode(png), png);
		}).optional().orElse(new Layout(DEFAULT_COLOUR, null, null));
	}

	/**
	 * Sets the colour (#RRGGBB) and, when given, a new logo; {@code removeLogo} takes the
	 * logo away.
	 */
	@Transactional
	public Layout set(String accentColour, byte[] logo, boolean removeLogo) {
		Problem.Errors errors = new Problem.Errors();
		String colour = accentColour == null || accentColour.isBlank() ? current().accentColour()
				: accentColour.trim().toUpperCase(java.util.Locale.ROOT);
		if (!colour.matches("#[0-9A-F]{6}")) {
			errors.add("accentColour", "must be a colour written #RRGGBB");
		}
		byte[] png = removeLogo ? null : current().logoPng();
		if (logo != null && logo.length > 0) {
			try {
				png = checkedPng(logo);
			}
			catch (Problem.Invalid invalid) {
				errors.add("logo", invalid.getMessage().replaceFirst("^logo: ", ""));
			}
		}
		errors.throwIfAny();
		var at = this.today.instant().atOffset(java.time.ZoneOffset.UTC);
		int updated = this.jdbc.sql("""
				update invoice_layout set accent_colour = :c, logo = :logo, logo_type = :type, updated_by = :by,
				  updated_at = :at where id = 1""")
			.param("c", colour)
			.param("logo", png)
			.param("type", png == null ? null : "image/png")
			.param("by", AuditTrail.currentActor())
			.param("at", at)
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					insert into invoice_layout (id, accent_colour, logo, logo_type, updated_by, updated_at)
					values (1, :c, :logo, :type, :by, :at)""")
				.param("c", colour)
				.param("logo", png)
				.param("type", png == null ? null : "image/png")
				.param("by", AuditTrail.currentActor())
				.param("at", at)
				.update();
		}
		this.audit.record("settings", "invoice-layout", "invoice layout changed",
				AuditTrail.changes("accentColour", colour, "logo", png == null ? "none" : png.length + " bytes"));
		this.cached = null;
		return current();
	}

	/** The logo as stored (PNG), if any. */
	public Optional<byte[]> logo() {
		return Optional.ofNullable(current().logoPng());
	}

	static byte[] checkedPng(byte[] file) {
		if (file.length > MAX_BYTES) {
			throw new Problem.Invalid("logo", "must not exceed 512 KB");
		}
		boolean png = file.length > 8 && (file[0] & 0xff) == 0x89 && file[1] == 'P' && file[2] == 'N' && file[3] == 'G';
		boolean jpeg = file.length > 3 && (file[0] & 0xff) == 0xFF && (file[1] & 0xff) == 0xD8;
		if (!png && !jpeg) {
			throw new Problem.Invalid("logo", "must be a PNG or JPEG image");
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new Problem.Invalid("logo", "is not a readable image");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				// the size from the header, before any pixel is decoded
				int w = reader.getWidth(0);
				int h = reader.getHeight(0);
				if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE) {
					throw new Problem.Invalid("logo", "must be at most " + MAX_SIDE + " x " + MAX_SIDE + " pixels");
				}
				BufferedImage image = reader.read(0);
				BufferedImage flat = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
				Graphics2D g = flat.createGraphics();
				g.setColor(Color.WHITE);
				g.fillRect(0, 0, w, h);
				g.drawImage(image, 0, 0, null);
				g.dispose();
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				ImageIO.write(flat, "png", out);
				return out.toByteArray();
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof Problem.Invalid invalid) {
				throw invalid;
			}
			throw new Problem.Invalid("logo", "is not a readable image (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private static BufferedImage decode(byte[] png) {
		try {
			return ImageIO.read(new ByteArrayInputStream(png));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
