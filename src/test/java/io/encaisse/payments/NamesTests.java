package io.encaisse.payments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import io.encaisse.payments.matching.Ledger;
import io.encaisse.payments.matching.NameIndex;
import io.encaisse.payments.matching.Names;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTests {

	@Test
	void legalFormsAccentsCaseAndOrderDoNotCount() {
		assertThat(Names.similarity("Société Générale d'Équipement SAS", "SOCIETE GENERALE EQUIPEMENT")).isEqualTo(1.0);
		assertThat(Names.similarity("Dupont & Fils SARL", "DUPONT ET FILS")).isEqualTo(1.0);
		assertThat(Names.similarity("Martin Dupont", "DUPONT MARTIN")).isEqualTo(1.0);
	}

	@Test
	void aTypoIsCloseAnotherCompanyIsNot() {
		assertThat(Names.similarity("Boulangerie Dupont", "Boulangerie Dupond")).isGreaterThan(0.92);
		assertThat(Names.similarity("Boulangerie Dupont", "Garage Lefebvre")).isLessThan(0.7);
		assertThat(Names.similarity("", "Garage")).isZero();
		assertThat(Names.similarity("Dupont", "Boulangerie Dupont")).as("only part of the name").isLessThan(0.8);
		assertThat(Names.similarity("Agence 12", "Agence 13")).as("numbers are equal or not").isLessThan(0.8);
		assertThat(Names.similarity("S.A.R.L. Martin", "MARTIN SARL")).isEqualTo(1.0);
	}

	/**
	 * The index skips names and caches word comparisons: it must answer exactly what
	 * comparing the payer with every customer sharing a word would (seeded, 3,000
	 * searches over 2,000 names with shared, misspelt, missing and extra words).
	 */
	@Test
	void theIndexAnswersWhatComparingEveryNameWould() {
		String[] words = { "Boulangerie", "Garage", "Martin", "Martyn", "Dupont", "Dupond", "Lyon", "Lyons", "Paris",
				"Transports", "Transport", "Petit", "Durand", "Bernard", "Atelier", "12", "13", "Hôtel", "Hotel",
				"Nord", "Sud", "Fils", "Frères", "Électricité", "Electricite" };
		SplittableRandom random = new SplittableRandom(11);
		NameIndex index = new NameIndex();
		List<String[]> customers = new ArrayList<>();
		for (int c = 0; c < 2_000; c++) {
			String name = name(random, words, 1 + random.nextInt(5)) + (random.nextBoolean() ? " SARL" : "");
			customers.add(new String[] { "cus" + c, name });
			index.add("cus" + c, name);
		}
		// each customer's words and key, as the brute force compares them
		List<List<String>> wordsOf = customers.stream().map(c -> List.of(Names.words(c[1]))).toList();
		List<String> keys = customers.stream().map(c -> Names.key(c[1])).toList();
		for (int q = 0; q < 3_000; q++) {
			String payer = random.nextInt(3) == 0 ? customers.get(random.nextInt(customers.size()))[1].toUpperCase()
					: name(random, words, 1 + random.nextInt(6));
			List<String> payerWords = List.of(Names.words(payer));
			String payerKey = Names.key(payer);
			for (double minimum : new double[] { 0.92, 0.80, 0.5 }) {
				List<Ledger.Payer> expected = new ArrayList<>();
				for (int i = 0; i < customers.size(); i++) {
					String[] c = customers.get(i);
					boolean sharesAWord = wordsOf.get(i).stream().anyMatch(payerWords::contains);
					double similarity = Names.similarityOfKeys(payerKey, keys.get(i));
					if (sharesAWord && similarity >= minimum) {
						expected.add(new Ledger.Payer(c[0], c[1], similarity));
					}
				}
				// ties come in the order the index finds them: compared apart from it
				Comparator<Ledger.Payer> order = Comparator.comparingDouble(Ledger.Payer::similarity)
					.reversed()
					.thenComparing(Ledger.Payer::customerId);
				expected.sort(order);
				List<Ledger.Payer> found = new ArrayList<>(index.find(payer, minimum, Integer.MAX_VALUE));
				assertThat(found).as("closest first")
					.isSortedAccordingTo(Comparator.comparingDouble(Ledger.Payer::similarity).reversed());
				// a limit keeps the first of that order, ties in the order found
				for (int limit : new int[] { 0, 1, 3, 5 }) {
					assertThat(index.find(payer, minimum, limit)).as(payer + " at " + minimum + ", " + limit)
						.isEqualTo(found.subList(0, Math.min(limit, found.size())));
				}
				found.sort(order);
				assertThat(found).as(payer + " at " + minimum).isEqualTo(expected);
			}
		}
	}

	private static String name(SplittableRandom random, String[] words, int count) {
		StringBuilder name = new StringBuilder();
		for (int i = 0; i < count; i++) {
			name.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
		}
		return name.toString();
	}

}
