package io.encaisse.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a quote's or an order's line is billed: when delivered (the default), at once on
 * order, by the order's milestones, or each period (a subscription). Quotes, orders and
 * invoicing compare codes through this one enum; lines keep the code's name.
 */
public enum BillingTerm {

	ON_DELIVERY, ON_ORDER, ON_MILESTONE, RECURRING;

	/** What a line without a billing term is billed by. */
	public static final BillingTerm DEFAULT = ON_DELIVERY;

	/** The term a code names (none: the default), empty for a code that names none. */
	public static Optional<BillingTerm> parse(String code) {
		if (code == null || code.isBlank()) {
			return Optional.of(DEFAULT);
		}
		return Arrays.stream(values()).filter(t -> t.name().equals(code.strip())).findFirst();
	}

	/** Whether a line's code is this term (a line without one is billed on delivery). */
	public boolean is(String code) {
		return parse(code).orElse(null) == this;
	}

	/** The codes, in the order a form offers them. */
	public static List<String> codes() {
		return Arrays.stream(values()).map(Enum::name).toList();
	}

}
