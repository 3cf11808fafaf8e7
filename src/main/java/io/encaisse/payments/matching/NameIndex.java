package io.encaisse.payments.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Customers' names indexed by word, so that a payer's name is compared only with the
 * customers sharing at least one word with it (a payer whose every word is misspelt is
 * not found: a name is weak evidence anyway). It answers exactly what comparing the payer
 * with each of those customers by {@link Names#similarityOfKeys} would, faster: names
 * whose word counts are too far apart to reach the similarity asked are skipped (the
 * score is at most the square root of the ratio of the counts), and each distinct word of
 * the candidates is compared with the payer's words once per search, not once per name
 * bearing it (trade names share their words: Boulangerie, Martin, Lyon). Not safe for
 * concurrent writes; searches may run concurrently once it is filled.
 */
public final class NameIndex {

	private static final int MAX_PER_WORD = 2_000;

	private final List<String> ids = new ArrayList<>();

	private final List<String> names = new ArrayList<>();

	private final List<String> keys = new ArrayList<>();

	/** Each name's words as numbers of {@link #vocabulary}, in the key's order. */
	private final List<int[]> wordsOf = new ArrayList<>();

	private final Map<String, Integer> numberOf = new HashMap<>();

	private final List<String> vocabulary = new ArrayList<>();

	/** The names bearing each word: their numbers, in the order they were added. */
	private final Map<String, Postings> byWord = new HashMap<>();

	private static final class Postings {

		int[] names = new int[4];

		int size;

		void add(int n) {
			if (this.size == this.names.length) {
				this.names = java.util.Arrays.copyOf(this.names, this.size * 2);
			}
			this.names[this.size++] = n;
		}

	}

	private static final ThreadLocal<Marks> MARKS = ThreadLocal.withInitial(Marks::new);

	/** Names already seen in this search: those stamped with its generation. */
	private static final class Marks {

		int[] stamps = new int[0];

		int generation;

		Marks ready(int size) {
			if (this.stamps.length < size) {
				this.stamps = new int[Math.max(size, this.stamps.length * 2)];
				this.generation = 0;
			}
			if (++this.generation == Integer.MAX_VALUE) {
				java.util.Arrays.fill(this.stamps, 0);
				this.generation = 1;
			}
			return this;
		}

		/** Marks a name; false if it already was in this search. */
		boolean mark(int n) {
			if (this.stamps[n] == this.generation) {
				return false;
			}
			this.stamps[n] = this.generation;
			return true;
		}

	}

	public void add(String customerId, String name) {
		String[] words = Names.words(name);
		if (words.length == 0) {
			return;
		}
		int n = this.ids.size();
		this.ids.add(customerId);
		this.names.add(name);
		this.keys.add(String.join(" ", words));
		int[] numbers = new int[words.length];
		for (int i = 0; i < words.length; i++) {
			numbers[i] = this.numberOf.computeIfAbsent(words[i], w -> {
				this.vocabulary.add(w);
				return this.vocabulary.size() - 1;
			});
		}
		this.wordsOf.add(numbers);
		for (String word : new LinkedHashSet<>(List.of(words))) {
			this.byWord.computeIfAbsent(word, w -> new Postings()).add(n);
		}
	}

	/** Customers whose name is at least this similar to the payer's, closest first. */
	public List<Ledger.Payer> find(String payerName, double minimumSimilarity, int limit) {
		String[] payer = Names.words(payerName);
		if (payer.length == 0) {
			return List.of();
		}
		String key = String.join(" ", payer);
		// the names sharing a word with the payer's, each once, in the order found
		int[] candidates = new int[16];
		int count = 0;
		// a mark per name, reused from search to search: an array as long as the
		// customers zeroed for each payer cost more than the comparisons
		Marks marks = MARKS.get().ready(this.ids.size());
		for (String word : payer) {
			Postings having = this.byWord.get(word);
			// a word every other customer bears (SARL, Lyon) tells nothing on its own
			if (having != null && having.size <= MAX_PER_WORD) {
				for (int i = 0; i < having.size; i++) {
					int n = having.names[i];
					if (marks.mark(n)) {
						if (count == candidates.length) {
							candidates = java.util.Arrays.copyOf(candidates, count * 2);
						}
						candidates[count++] = n;
					}
				}
			}
		}
		// a candidate's word against each of the payer's words, computed once per search
		Scores scores = SCORES.get().ready(this.vocabulary.size(), payer.length);
		// the closest names so far, closest first; of equal ones the first found first
		int room = Math.max(0, limit);
		Ledger.Payer[] best = new Ledger.Payer[Math.min(room, 16)];
		int kept = 0;
		for (int c = 0; c < count; c++) {
			int n = candidates[c];
			int[] theirs = this.wordsOf.get(n);
			int fewer = Math.min(payer.length, theirs.length);
			int more = Math.max(payer.length, theirs.length);
			// each word scores at most 1: the ratio alone bounds the similarity
			if (Math.sqrt((double) fewer / more) < minimumSimilarity - 1e-9) {
				continue;
			}
			double similarity = key.equals(this.keys.get(n)) ? 1
					: similarity(payer, theirs, payer.length <= theirs.length, scores);
			boolean full = kept == room;
			if (similarity < minimumSimilarity || (full && (kept == 0 || similarity <= best[kept - 1].similarity()))) {
				continue;
			}
			if (!full && kept == best.length) {
				best = java.util.Arrays.copyOf(best, (int) Math.min(room, 2L * best.length));
			}
			// full: the last one makes way
			int at = full ? kept - 1 : kept;
			while (at > 0 && best[at - 1].similarity() < similarity) {
				best[at] = best[at - 1];
				at--;
			}
			best[at] = new Ledger.Payer(this.ids.get(n), this.names.get(n), similarity);
			if (!full) {
				kept++;
			}
		}
		return List.of(java.util.Arrays.copyOf(best, kept));
	}

	private static final ThreadLocal<Scores> SCORES = ThreadLocal.withInitial(Scores::new);

	/**
	 * The similarities of the candidates' words with the payer's words in this search,
	 * both ways ({@link Names#wordSimilarity} is not symmetric): a word's are valid when
	 * it is stamped with the search's generation, and stored at its slot.
	 */
	private static final class Scores {

		int[][] stamps = { new int[0], new int[0] };

		int[][] slots = { new int[0], new int[0] };

		double[] values = new double[256];

		int used;

		int width;

		int generation;

		Scores ready(int words, int payerWords) {
			if (this.stamps[0].length < words) {
				int size = Math.max(words, this.stamps[0].length * 2);
				this.stamps = new int[][] { new int[size], new int[size] };
				this.slots = new int[][] { new int[size], new int[size] };
				this.generation = 0;
			}
			if (++this.generation == Integer.MAX_VALUE) {
				java.util.Arrays.fill(this.stamps[0], 0);
				java.util.Arrays.fill(this.stamps[1], 0);
				this.generation = 1;
			}
			this.used = 0;
			this.width = payerWords;
			return this;
		}

		/** Where the word's scores start, or -1 if they are not computed yet. */
		int slot(int way, int word) {
			return this.stamps[way][word] == this.generation ? this.slots[way][word] : -1;
		}

		int reserve(int way, int word) {
			if (this.used + this.width > this.values.length) {
				this.values = java.util.Arrays.copyOf(this.values,
						Math.max(this.values.length * 2, this.used + this.width));
			}
			int at = this.used;
			this.used += this.width;
			this.stamps[way][word] = this.generation;
			this.slots[way][word] = at;
			return at;
		}

	}

	/** {@link Names#similarityOfKeys}, term by term in its order, from the scores. */
	private double similarity(String[] payer, int[] theirs, boolean payerFewer, Scores scores) {
		int fewer = payerFewer ? payer.length : theirs.length;
		int more = payerFewer ? theirs.length : payer.length;
		int way = payerFewer ? 0 : 1;
		double sum = 0;
		for (int i = 0; i < fewer; i++) {
			double best = 0;
			for (int j = 0; j < more; j++) {
				int word = payerFewer ? theirs[j] : theirs[i];
				int p = payerFewer ? i : j;
				int at = scores.slot(way, word);
				if (at < 0) {
					at = scores.reserve(way, word);
					String w = this.vocabulary.get(word);
					for (int k = 0; k < payer.length; k++) {
						scores.values[at + k] = payerFewer ? Names.wordSimilarity(payer[k], w)
								: Names.wordSimilarity(w, payer[k]);
					}
				}
				best = Math.max(best, scores.values[at + p]);
			}
			sum += best;
		}
		return sum / fewer * Math.sqrt((double) fewer / more);
	}

}
