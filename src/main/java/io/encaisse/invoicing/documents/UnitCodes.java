package io.encaisse.invoicing.documents;

import java.util.Map;

/** Our units as UN/ECE Recommendation 20 codes, which EN 16931 requires (BT-130). */
final class UnitCodes {

	private static final Map<String, String> CODES = Map.of("piece", "C62", "hour", "HUR", "day", "DAY", "month", "MON",
			"year", "ANN", "licence", "C62", "kg", "KGM", "m", "MTR");

	private UnitCodes() {
	}

	static String of(String unit) {
		return CODES.getOrDefault(unit, "C62");
	}

}
