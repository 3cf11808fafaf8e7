package io.encaisse.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.encaisse.shared.Money;

/**
 * The pricing rules on data already in memory, free of any I/O: the customer's agreement
 * if one is valid, else the best tier of the customer's list (falling back to the default
 * list), else nothing. Kept apart so that it can be measured and reasoned about on its
 * own.
 */
public final class PriceRules {

	private PriceRules() {
	}

	/**
	 * @param prices every dated price of the product (any list, currency, tier)
	 * @param agreements the customer's agreements on this product (empty without a
	 * customer)
	 * @param customerList the price list of the customer ({@link Pricing#DEFAULT_LIST} if
	 * none)
	 */
	public static Optional<Pricing.Price> resolve(List<Pricing.ListPrice> prices, List<Pricing.Agreement> agreements,
			String customerList, BigDecimal quantity, String currency, LocalDate date) {
		Pricing.ListPrice listed = best(prices, customerList, currency, quantity, date);
		if (listed == null && !Pricing.DEFAULT_LIST.equals(customerList)) {
			listed = best(prices, Pricing.DEFAULT_LIST, currency, quantity, date);
		}
		for (Pricing.Agreement a : agreements) {
			if (!a.currency().equals(currency) || !a.validOn(date)) {
				continue;
			}
			if (a.unitPrice() != null) {
				return Optional.of(new Pricing.Price(Money.of(a.unitPrice(), currency), PriceSource.AGREEMENT, a.id(),
						a.validFrom(), a.validTo(), null));
			}
			if (listed != null) {
				BigDecimal off = BigDecimal.ONE.subtract(a.discountPercent().movePointLeft(2));
				Money discounted = new Money(
						listed.unitPrice().amount().multiply(off).setScale(4, RoundingMode.HALF_UP),
						listed.unitPrice().currency());
				return Optional.of(new Pricing.Price(discounted, PriceSource.AGREEMENT, a.id(), a.validFrom(),
						a.validTo(), listed.priceList()));
			}
		}
		if (listed == null) {
			return Optional.empty();
		}
		return Optional.of(new Pricing.Price(listed.unitPrice(),
				listed.minQuantity().compareTo(BigDecimal.ONE) > 0 ? PriceSource.TIER : PriceSource.LIST, listed.id(),
				listed.validFrom(), listed.validTo(), listed.priceList()));
	}

	/**
	 * The highest tier whose minimum the quantity reaches; the base price (minimum 1)
	 * also prices fractions, such as half a day.
	 */
	static Pricing.ListPrice best(List<Pricing.ListPrice> prices, String list, String currency, BigDecimal quantity,
			LocalDate date) {
		BigDecimal reached = quantity.compareTo(BigDecimal.ONE) < 0 ? BigDecimal.ONE : quantity;
		Pricing.ListPrice best = null;
		for (Pricing.ListPrice p : prices) {
			if (p.priceList().equals(list) && p.unitPrice().currencyCode().equals(currency) && p.validOn(date)
					&& p.minQuantity().compareTo(reached) <= 0
					&& (best == null || p.minQuantity().compareTo(best.minQuantity()) > 0)) {
				best = p;
			}
		}
		return best;
	}

}
