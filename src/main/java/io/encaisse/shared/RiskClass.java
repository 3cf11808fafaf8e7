package io.encaisse.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A customer's credit risk as credit control rates it. HIGH with anything overdue holds
 * its new orders; collections ranks its worklist by it (LOW 1, MEDIUM 2, HIGH 3).
 */
public enum RiskClass {

	LOW(1), MEDIUM(2), HIGH(3);

	private final int weight;

	RiskClass(int weight) {
		this.weight = weight;
	}

	/** How much the risk weighs in the collector's ranking. */
	public int weight() {
		return this.weight;
	}

	/** The class a code names, empty for none. */
	public static Optional<RiskClass> parse(String code) {
		return code == null ? Optional.empty()
				: Arrays.stream(values()).filter(r -> r.name().equals(code.strip())).findFirst();
	}

	public boolean is(String code) {
		return parse(code).orElse(null) == this;
	}

	public static List<String> codes() {
		return Arrays.stream(values()).map(Enum::name).toList();
	}

}
