package io.encaisse.shared.documents;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * A4 pages of a printed document (an invoice, a quote) written with the embedded DejaVu
 * fonts, which hold every glyph a French or English document needs: text, rules, bands of
 * colour, images, and the company's letterhead.
 */
public final class PdfCanvas implements AutoCloseable {

	public static final float MARGIN = 50;

	private static final byte[] REGULAR = fontBytes("DejaVuSans.ttf");

	private static final byte[] BOLD = fontBytes("DejaVuSans-Bold.ttf");

	/**
	 * The two fonts, parsed once per rendering thread: parsing them again for every
	 * document took a quarter of its rendering time. A parsed font reads its tables
	 * lazily through one stream, so threads do not share it.
	 */
	private static final ThreadLocal<TrueTypeFont[]> FONTS = ThreadLocal.withInitial(() -> {
		try {
			return new TrueTypeFont[] { parse(REGULAR), parse(BOLD) };
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	});

	private final PDDocument doc;

	private final PDFont regular;

	private final PDFont bold;

	private PDPage page;

	private PDPageContentStream stream;

	/** Opens the document's first page. */
	public PdfCanvas(PDDocument doc) throws IOException {
		this.doc = doc;
		TrueTypeFont[] fonts = FONTS.get();
		// the parsed fonts are reused (not closed with the document); each document
		// embeds the subset it uses
		this.regular = PDType0Font.load(doc, fonts[0], true);
		this.bold = PDType0Font.load(doc, fonts[1], true);
		this.page = new PDPage(PDRectangle.A4);
		doc.addPage(this.page);
		this.stream = new PDPageContentStream(doc, this.page);
	}

	public PDFont regular() {
		return this.regular;
	}

	public PDFont bold() {
		return this.bold;
	}

	public float width() {
		return this.page.getMediaBox().getWidth();
	}

	public float height() {
		return this.page.getMediaBox().getHeight();
	}

	/** A new page; answers where its text starts. */
	public float newPage() throws IOException {
		this.stream.close();
		this.page = new PDPage(PDRectangle.A4);
		this.doc.addPage(this.page);
		this.stream = new PDPageContentStream(this.doc, this.page);
		return height() - MARGIN;
	}

	public void text(PDFont font, float size, float x, float y, String s) throws IOException {
		String shown = printable(font, s);
		this.stream.beginText();
		this.stream.setFont(font, size);
		this.stream.newLineAtOffset(x, y);
		this.stream.showText(shown);
		this.stream.endText();
	}

	/**
	 * What the font can draw: control characters (a tab pasted into a text) become
	 * spaces, a character the font lacks (an emoji) a question mark, rather than failing
	 * the whole document.
	 */
	static String printable(PDFont font, String s) {
		if (s == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(s.length());
		s.codePoints().forEach(cp -> {
			if (Character.isISOControl(cp)) {
				out.append(' ');
			}
			else {
				out.appendCodePoint(cp);
			}
		});
		String text = out.toString();
		try {
			font.encode(text);
			return text;
		}
		catch (IOException | IllegalArgumentException missing) {
			StringBuilder kept = new StringBuilder(text.length());
			text.codePoints().forEach(cp -> {
				String one = new String(Character.toChars(cp));
				try {
					font.encode(one);
					kept.append(one);
				}
				catch (IOException | IllegalArgumentException ex) {
					kept.append('?');
				}
			});
			return kept.toString();
		}
	}

	/** Text ending at {@code right}. */
	public void textRight(PDFont font, float size, float right, float y, String s) throws IOException {
		String shown = printable(font, s);
		text(font, size, right - font.getStringWidth(shown) / 1000 * size, y, shown);
	}

	public void colour(Color c) throws IOException {
		this.stream.setNonStrokingColor(c);
		this.stream.setStrokingColor(c);
	}

	public void band(Color c, float x, float y, float w, float h) throws IOException {
		this.stream.setNonStrokingColor(c);
		this.stream.addRect(x, y, w, h);
		this.stream.fill();
		this.stream.setNonStrokingColor(Color.BLACK);
	}

	public void line(float x1, float y1, float x2, float y2) throws IOException {
		this.stream.setLineWidth(0.5f);
		this.stream.moveTo(x1, y1);
		this.stream.lineTo(x2, y2);
		this.stream.stroke();
	}

	/**
	 * The columns of a document's lines: description, quantity, unit price, discount,
	 * VAT.
	 */
	private static final float[] COLUMNS = { MARGIN, MARGIN + 230, MARGIN + 280, MARGIN + 345, MARGIN + 390 };

	/**
	 * The head of a table of lines (description, quantity, unit price, discount, VAT
	 * rate, net) in the accent colour, with its rule; answers where the first line goes.
	 */
	public float lineHeader(float y, Color accent, String description, String quantity, String unitPrice,
			String discount, String vat, String net) throws IOException {
		colour(accent);
		String[] heads = { description, quantity, unitPrice, discount, vat };
		for (int i = 0; i < heads.length; i++) {
			text(this.bold, 9, COLUMNS[i], y, heads[i]);
		}
		textRight(this.bold, 9, width() - MARGIN, y, net);
		line(MARGIN, y - 4, width() - MARGIN, y - 4);
		colour(Color.BLACK);
		return y - 16;
	}

	/** One line of such a table; the net against the right margin. */
	public void lineRow(float y, String description, java.math.BigDecimal quantity, io.encaisse.shared.Money unitPrice,
			java.math.BigDecimal discountPercent, java.math.BigDecimal taxRate, String net) throws IOException {
		text(this.regular, 9, COLUMNS[0], y, ellipsis(description, 48));
		text(this.regular, 9, COLUMNS[1], y, quantity.stripTrailingZeros().toPlainString());
		text(this.regular, 9, COLUMNS[2], y, unitPrice.toUnitPriceString());
		text(this.regular, 9, COLUMNS[3], y,
				discountPercent.signum() == 0 ? "" : discountPercent.stripTrailingZeros().toPlainString() + " %");
		text(this.regular, 9, COLUMNS[4], y, taxRate.stripTrailingZeros().toPlainString() + " %");
		textRight(this.regular, 9, width() - MARGIN, y, net);
	}

	/**
	 * The company's letterhead: a band of its colour, its logo, its name and lines on the
	 * left, the document's title in its colour on the right. Answers where the text under
	 * it starts.
	 */
	public float letterhead(Letterhead head, String title) throws IOException {
		float y = height() - MARGIN;
		band(head.accent(), 0, height() - 12, width(), 12);
		if (head.logo() != null) {
			float h = 40;
			float lw = Math.min(160, h * head.logo().getWidth() / head.logo().getHeight());
			float lh = lw * head.logo().getHeight() / head.logo().getWidth();
			this.stream.drawImage(LosslessFactory.createFromImage(this.doc, head.logo()), MARGIN, y - lh + 12, lw, lh);
			y -= lh + 4;
		}
		text(this.bold, 16, MARGIN, y, head.name());
		colour(head.accent());
		textRight(this.bold, 16, width() - MARGIN, height() - MARGIN, title);
		colour(Color.BLACK);
		y -= 16;
		for (String l : head.lines()) {
			text(this.regular, 9, MARGIN, y, l);
			y -= 12;
		}
		return y;
	}

	/** Ends the last page (before the document is saved); closing twice does nothing. */
	@Override
	public void close() throws IOException {
		if (!this.closed) {
			this.closed = true;
			this.stream.close();
		}
	}

	private boolean closed;

	public static String ellipsis(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

	/** Words put on lines of at most {@code width} characters. */
	public static List<String> wrap(String text, int width) {
		List<String> out = new ArrayList<>();
		for (String paragraph : text.split("\\R")) {
			StringBuilder line = new StringBuilder();
			for (String word : paragraph.split(" ")) {
				if (line.length() + word.length() + 1 > width && !line.isEmpty()) {
					out.add(line.toString());
					line.setLength(0);
				}
				if (!line.isEmpty()) {
					line.append(' ');
				}
				line.append(word);
			}
			if (!line.isEmpty()) {
				out.add(line.toString());
			}
		}
		return out;
	}

	private static TrueTypeFont parse(byte[] font) throws IOException {
		return new TTFParser().parse(new RandomAccessReadBuffer(font));
	}

	private static byte[] fontBytes(String name) {
		try (InputStream in = PdfCanvas.class.getResourceAsStream("/fonts/" + name)) {
			if (in == null) {
				throw new IllegalStateException("font missing from the build: " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
