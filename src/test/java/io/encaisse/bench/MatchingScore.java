package io.encaisse.bench;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import io.encaisse.payments.matching.Matcher;

/**
 * Matching decisions against the truth. Precision: correct automatic matches / automatic
 * matches. Auto-match rate: payments matched automatically and correctly / payments that
 * relate to invoices. A match is correct when it applies exactly the truth: the same
 * invoices, the same amounts.
 */
final class MatchingScore {

	int credits;

	int related;

	int automatic;

	int correct;

	int suggestedWithTheRightInvoice;

	final Map<MatchingData.Kind, int[]> byKind = new EnumMap<>(MatchingData.Kind.class);

	void add(MatchingData.Entry truth, Matcher.Decision decision) {
		if (!truth.credit()) {
			return;
		}
		this.credits++;
		int[] k = this.byKind.computeIfAbsent(truth.kind(), x -> new int[4]);
		k[0]++;
		if (truth.relatesToInvoices()) {
			this.related++;
		}
		if (decision.outcome() == Matcher.Outcome.MATCHED) {
			this.automatic++;
			k[1]++;
			if (sameAsTruth(truth, decision)) {
				this.correct++;
				k[2]++;
			}
		}
		else if (decision.outcome() == Matcher.Outcome.SUGGESTED && truth.relatesToInvoices()
				&& decision.suggestions()
					.stream()
					.anyMatch(s -> s.invoiceId().equals(truth.truth().get(0).invoiceId()))) {
			this.suggestedWithTheRightInvoice++;
			k[3]++;
		}
	}

	private static boolean sameAsTruth(MatchingData.Entry truth, Matcher.Decision decision) {
		Map<String, BigDecimal> expected = new HashMap<>();
		truth.truth().forEach(s -> expected.merge(s.invoiceId(), s.amount(), BigDecimal::add));
		Map<String, BigDecimal> applied = new HashMap<>();
		decision.allocations().forEach(a -> applied.merge(a.invoice().invoiceId(), a.amount(), BigDecimal::add));
		if (!expected.keySet().equals(applied.keySet())) {
			return false;
		}
		return expected.entrySet().stream().allMatch(e -> e.getValue().compareTo(applied.get(e.getKey())) == 0);
	}

	double precision() {
		return this.automatic == 0 ? 1 : (double) this.correct / this.automatic;
	}

	double autoMatchRate() {
		return this.related == 0 ? 0 : (double) this.correct / this.related;
	}

	String report() {
		StringBuilder b = new StringBuilder();
		b.append(String.format(java.util.Locale.ROOT,
				"credits %d, relating to invoices %d, matched automatically %d, of which correct %d%n", this.credits,
				this.related, this.automatic, this.correct));
		b.append(String.format(java.util.Locale.ROOT,
				"precision %.4f %%, auto-match rate %.2f %%, suggested with the right invoice %d%n", precision() * 100,
				autoMatchRate() * 100, this.suggestedWithTheRightInvoice));
		b.append("| kind | entries | automatic | correct | suggested right |\n|---|---|---|---|---|\n");
		this.byKind.forEach((kind, k) -> b.append("| ")
			.append(kind)
			.append(" | ")
			.append(k[0])
			.append(" | ")
			.append(k[1])
			.append(" | ")
			.append(k[2])
			.append(" | ")
			.append(k[3])
			.append(" |\n"));
		return b.toString();
	}

}
