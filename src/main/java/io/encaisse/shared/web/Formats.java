package io.encaisse.shared.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import io.encaisse.shared.Money;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Money, quantities and dates as a reader of the page's language expects them
 * ({@code ${@fmt.money(x)}}).
 */
@Component("fmt")
public class Formats {

	public String money(Money money) {
		if (money == null) {
			return "";
		}
		NumberFormat f = NumberFormat.getCurrencyInstance(locale());
		f.setCurrency(money.currency());
		f.setMinimumFractionDigits(money.scale());
		f.setMaximumFractionDigits(money.scale());
		return f.format(money.amount());
	}

	/** A unit price, exact: up to four decimals where it has them. */
	public String unitPrice(Money price) {
		if (price == null) {
			return "";
		}
		NumberFormat f = NumberFormat.getCurrencyInstance(locale());
		f.setCurrency(price.currency());
		f.setMinimumFractionDigits(price.scale());
		f.setMaximumFractionDigits(Math.max(price.scale(), 4));
		return f.format(price.amount());
	}

	/** An amount the API writes as a decimal string ("1200.00"), shown as money. */
	public String amount(String amount, String currency) {
		return amount == null ? "" : money(new BigDecimal(amount), currency);
	}

	public String money(BigDecimal amount, String currency) {
		return amount == null ? "" : money(new Money(amount, Currency.getInstance(currency)));
	}

	public String qty(BigDecimal quantity) {
		if (quantity == null) {
			return "";
		}
		NumberFormat f = NumberFormat.getNumberInstance(locale());
		f.setMaximumFractionDigits(4);
		return f.format(quantity);
	}

	public String percent(BigDecimal value) {
		if (value == null || value.signum() == 0) {
			return "";
		}
		return qty(value) + " %";
	}

	/**
	 * A VAT rate, always shown, zero included: {@code 20 %}, {@code 5,5 %}, {@code 0 %}.
	 */
	public String rate(BigDecimal rate) {
		return rate == null ? "" : qty(rate) + " %";
	}

	public String date(LocalDate date) {
		return date == null ? ""
				: date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()));
	}

	public String instant(Instant instant) {
		return instant == null ? "" : instant.atZone(ZoneId.of("Europe/Paris"))
			.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale()));
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
