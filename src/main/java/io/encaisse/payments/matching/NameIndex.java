package io.encaisse.payments.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Customers' names indexed by word, so that a payer's name is compared only with the
 * customers sharing at least one word with it (a payer whose every word is misspelt is
 * not found: a name is weak evidence anyway).
 */
public final class NameIndex {

	private static final int MAX_PER_WORD = 2_000;

	private final List<String> ids = new ArrayList<>();

	private final List<String> names = new ArrayList<>();

	private final List<String> keys = new ArrayList<>();

	private final Map<String, List<Integer>> byWord = new HashMap<>();

	public void add(String customerId, String name) {
		String key = Names.key(name);
		if (key.isEmpty()) {
			return;
		}
		int n = this.ids.size();
		this.ids.add(customerId);
		this.names.add(name);
		this.keys.add(key);
		for (String word : new LinkedHashSet<>(List.of(key.split(" ")))) {
			this.byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(n);
		}
	}

	/** Customers whose name is at least this similar to the payer's, closest first. */
	public List<Ledger.Payer> find(String payerName, double minimumSimilarity, int limit) {
		String key = Names.key(payerName);
		if (key.isEmpty()) {
			return List.of();
		}
		Set<Integer> candidates = new LinkedHashSet<>();
		for (String word : key.split(" ")) {
			List<Integer> having = this.byWord.get(word);
			// a word every other customer bears (SARL, Lyon) tells nothing on its own
			if (having != null && having.size() <= MAX_PER_WORD) {
				candidates.addAll(having);
			}
		}
		List<Ledger.Payer> found = new ArrayList<>();
		for (int n : candidates) {
			double similarity = Names.similarityOfKeys(key, this.keys.get(n));
			if (similarity >= minimumSimilarity) {
				found.add(new Ledger.Payer(this.ids.get(n), this.names.get(n), similarity));
			}
		}
		found.sort(Comparator.comparingDouble(Ledger.Payer::similarity).reversed());
		return found.size() <= limit ? found : found.subList(0, limit);
	}

}
