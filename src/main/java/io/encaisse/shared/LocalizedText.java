package io.encaisse.shared;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Money and dates as a reader of that language writes them, for what leaves without a web
 * page around it (a reminder, a letter): {@code 1 200,00 €} and {@code 12 octobre 2026}
 * in French, {@code €1,200.00} and {@code October 12, 2026} in English. Spaces are plain
 * spaces, which every font prints.
 */
public final class LocalizedText {

	private LocalizedText() {
	}

	/** The language a customer reads: English when it says so, else French. */
	public static Locale readerOf(String language) {
		return "en".equals(language) ? Locale.ENGLISH : Locale.FRENCH;
	}

	public static String money(Money money, Locale locale) {
		NumberFormat f = NumberFormat.getCurrencyInstance(locale);
		f.setCurrency(money.currency());
		f.setMinimumFractionDigits(money.scale());
		f.setMaximumFractionDigits(money.scale());
		return plainSpaces(f.format(money.amount()));
	}

	public static String date(LocalDate date, Locale locale) {
		return date == null ? ""
				: plainSpaces(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date));
	}

	/** A rate in percent as written in that language ({@code 12,15} / {@code 12.15}). */
	public static String rate(String rate, Locale locale) {
		if (rate == null) {
			return "-";
		}
		NumberFormat f = NumberFormat.getNumberInstance(locale);
		f.setMaximumFractionDigits(3);
		return plainSpaces(f.format(new java.math.BigDecimal(rate)));
	}

	private static String plainSpaces(String s) {
		return s.replace('\u202f', ' ').replace('\u00a0', ' ');
	}

}
