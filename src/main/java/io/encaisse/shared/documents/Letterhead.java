package io.encaisse.shared.documents;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The company as its printed documents show it: its name, the lines under it (address,
 * legal form and capital, SIREN and VAT number, e-mail), its accent colour and its logo
 * (or none). Invoicing holds the settings; every document prints the same letterhead.
 */
public record Letterhead(String name, List<String> lines, Color accent, BufferedImage logo) {

	public Letterhead {
		lines = List.copyOf(lines);
	}

	/** Where the letterhead comes from: the company's current settings. */
	public interface Source {

		/** In the document's language ({@code fr} or {@code en}). */
		Letterhead current(String language);

		/** The letterhead of the source if there is one, else a plain one. */
		static Letterhead of(org.springframework.beans.factory.ObjectProvider<Source> sources, String language) {
			return sources
				.getIfAvailable(() -> l -> new Letterhead("Encaisse", List.of(), new Color(0x1F, 0x4E, 0x79), null))
				.current(language);
		}

	}

}
