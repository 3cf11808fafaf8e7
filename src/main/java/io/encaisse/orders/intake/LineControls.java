package io.encaisse.orders.intake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The controls of order intake on each line and on the order's reference, one rule each,
 * beside the credit ones ({@link CreditControls}): an order that breaks one waits ON_HOLD
 * with the reason. Pure: the caller brings what the catalog, the price book and the
 * earlier orders say.
 * <ul>
 * <li>{@code KnownItem}: the item is one of our SKUs or a code mapped to one;</li>
 * <li>{@code StillSold}: the product is not retired;</li>
 * <li>{@code AgreedPrice}: the price is the price book's (the customer's agreement, its
 * price list, or the default list); a different price sent with the order is reported and
 * the agreed one kept; without a price in the book the order's price is taken and
 * reported, or none at all;</li>
 * <li>{@code NotADuplicate}: the customer has not already sent an order with this
 * reference.</li>
 * </ul>
 */
public final class LineControls {

	private LineControls() {
	}

	/** The reason a line's item is refused, as the exceptions queue shows it. */
	public static String unknownItem(int line, String item) {
		return "line " + line + ": item '" + item + "' is neither one of our SKUs nor a mapped code";
	}

	/** The reason a retired product is held, if it is. */
	public static List<String> stillSold(int line, String sku, boolean active) {
		return active ? List.of() : List.of("line " + line + ": product " + sku + " is retired and no longer sold");
	}

	/**
	 * The price a line takes, where it comes from, and why the order waits if it does.
	 */
	public record Priced(BigDecimal unitPrice, String source, List<String> reasons) {
	}

	/**
	 * The line's price: the book's ({@code agreed}, with its source) when it has one,
	 * else the order's ({@code given}, MANUAL), else none (zero, MANUAL); a difference or
	 * a missing price is a reason.
	 */
	public static Priced agreedPrice(int line, String sku, String currency, BigDecimal agreed, String agreedSource,
			BigDecimal given) {
		List<String> reasons = new ArrayList<>();
		if (agreed != null) {
			if (given != null && given.compareTo(agreed) != 0) {
				reasons.add("line " + line + ": price " + given.stripTrailingZeros().toPlainString()
						+ " differs from the agreed price " + agreed.stripTrailingZeros().toPlainString()
						+ " (the agreed price is kept until someone decides)");
			}
			return new Priced(agreed, agreedSource, reasons);
		}
		if (given != null) {
			reasons.add("line " + line + ": product " + sku + " has no price in " + currency + "; the order's price "
					+ given.stripTrailingZeros().toPlainString() + " needs checking");
			return new Priced(given, "MANUAL", reasons);
		}
		reasons.add("line " + line + ": product " + sku + " has no price in " + currency);
		return new Priced(BigDecimal.ZERO, "MANUAL", reasons);
	}

	/**
	 * The reason an order is a duplicate: {@code earlier} is the number of the customer's
	 * order that already has the reference (null: none).
	 */
	public static List<String> notADuplicate(String earlier, String reference) {
		return earlier == null ? List.of()
				: List.of("duplicate: order " + earlier + " already has the customer's reference " + reference);
	}

}
