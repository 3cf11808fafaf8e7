package io.encaisse.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in one currency. Amounts of different currencies never mix: adding them
 * is a bug and throws. Rounding happens only where EN 16931 says so, through
 * {@link #rounded()}.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
	}

	public static Money of(String amount, String currency) {
		return new Money(new BigDecimal(amount), currency(currency));
	}

	public static Money of(BigDecimal amount, String currency) {
		return new Money(amount, currency(currency));
	}

	public static Money zero(Currency currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	public static Money zero(String currency) {
		return zero(currency(currency));
	}

	/** The ISO 4217 currency with that code, or an {@link IllegalArgumentException}. */
	public static Currency currency(String code) {
		if (code == null || !code.matches("[A-Z]{3}")) {
			throw new IllegalArgumentException("not an ISO 4217 currency code: " + code);
		}
		try {
			Currency currency = Currency.getInstance(code);
			if (currency.getDefaultFractionDigits() < 0) {
				// XXX, XAU, XDR...: codes of no currency, metals or units of account, not
				// money one invoices in
				throw new IllegalArgumentException("not a currency one can invoice in: " + code);
			}
			return currency;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("not an ISO 4217 currency code: " + code);
		}
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(this.amount.add(other.amount), this.currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(this.amount.subtract(other.amount), this.currency);
	}

	public Money times(BigDecimal factor) {
		return new Money(this.amount.multiply(factor), this.currency);
	}

	public Money min(Money other) {
		return compareTo(other) <= 0 ? this : other;
	}

	/**
	 * Rounded half-up to the currency's minor unit (2 decimals for EUR), as EN 16931
	 * rounds.
	 */
	public Money rounded() {
		return new Money(this.amount.setScale(scale(), RoundingMode.HALF_UP), this.currency);
	}

	public int scale() {
		return Math.max(this.currency.getDefaultFractionDigits(), 0);
	}

	public boolean isZero() {
		return this.amount.signum() == 0;
	}

	public boolean isPositive() {
		return this.amount.signum() > 0;
	}

	public boolean isNegative() {
		return this.amount.signum() < 0;
	}

	/**
	 * The amount as the API shows it: a decimal string with the currency's number of
	 * decimals.
	 */
	public String toPlainString() {
		return this.amount.setScale(scale(), RoundingMode.HALF_UP).toPlainString();
	}

	/**
	 * A unit price as the API shows it: exact, with at least the currency's decimals
	 * ({@code 12.50}, {@code 173.3333}). Unit prices are not rounded; only line amounts
	 * are.
	 */
	public String toUnitPriceString() {
		BigDecimal exact = this.amount.stripTrailingZeros();
		return (exact.scale() < scale() ? exact.setScale(scale()) : exact).toPlainString();
	}

	public String currencyCode() {
		return this.currency.getCurrencyCode();
	}

	@Override
	public int compareTo(Money other) {
		requireSameCurrency(other);
		return this.amount.compareTo(other.amount);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Money m && m.currency.equals(this.currency) && m.amount.compareTo(this.amount) == 0;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.amount.stripTrailingZeros(), this.currency);
	}

	@Override
	public String toString() {
		return toPlainString() + " " + currencyCode();
	}

	private void requireSameCurrency(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("cannot mix " + this.currency + " and " + other.currency);
		}
	}

}
