package io.encaisse.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * The French VAT rates (CGI art. 278 and following): standard, intermediate, reduced,
 * special, none.
 */
public final class TaxRates {

	public static final List<BigDecimal> FRANCE = List.of(new BigDecimal("20.00"), new BigDecimal("10.00"),
			new BigDecimal("5.50"), new BigDecimal("2.10"), new BigDecimal("0.00"));

	private TaxRates() {
	}

	public static boolean isFrenchRate(BigDecimal rate) {
		return FRANCE.stream().anyMatch(r -> r.compareTo(rate) == 0);
	}

}
