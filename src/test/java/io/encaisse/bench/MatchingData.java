package io.encaisse.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import io.encaisse.invoicing.InvoiceStatus;
import io.encaisse.invoicing.Receivables.Payable;
import io.encaisse.shared.CreditorReference;
import io.encaisse.shared.Money;

/**
 * A realistic, noisy set of open invoices and of the bank entries that pay them, with the
 * ground truth. Customers bear French trade names (some alike), pay from an account we
 * know or not, and write what they like: clean, mangled or missing invoice numbers, RF
 * references, several invoices in one transfer, part of an invoice, an invoice less the
 * bank's fees, a little too much, a reference to another customer's invoice; unrelated
 * credits and debits come in between. Everything is drawn from one seed.
 */
final class MatchingData {

	enum Kind {

		CLEAN, RF, MANGLED, UNREADABLE, GROUPED, PARTIAL, FEES, OVERPAID, NO_REFERENCE, OTHERS_INVOICE, WRONG_NUMBER,
		UNRELATED, DEBIT

	}

	/** One part of the truth: this much of the payment settles this invoice. */
	record Settles(String invoiceId, BigDecimal amount) {
	}

	/** A bank entry as the statement gives it, and what it really pays. */
	record Entry(Kind kind, BigDecimal amount, boolean credit, String remittance, String payerIban, String payerName,
			List<Settles> truth) {

		boolean relatesToInvoices() {
			return !this.truth.isEmpty();
		}

	}

	private static final String[] TRADES = { "Boulangerie", "Garage", "Cabinet", "Transports", "Menuiserie",
			"Pharmacie", "Imprimerie", "Agence", "Atelier", "Ferme", "Hôtel", "Restaurant", "Clinique", "Librairie",
			"Laboratoire", "Maison", "Groupe", "Studio", "Plomberie", "Électricité" };

	private static final String[] SURNAMES = { "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand",
			"Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
			"Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller",
			"Lefebvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François",
			"Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel",
			"Mathieu", "Gautier", "Masson" };

	private static final String[] CITIES = { "Lyon", "Paris", "Marseille", "Lille", "Nantes", "Rennes", "Bordeaux",
			"Toulouse", "Nice", "Dijon", "Grenoble", "Annecy", "Tours", "Metz", "Brest", "Caen", "Rouen", "Reims",
			"Amiens", "Limoges", "Nancy", "Pau", "Angers", "Nîmes", "Orléans", "Besançon", "Poitiers", "Valence",
			"Chambéry", "Vannes" };

	private static final String[] FORMS = { "SAS", "SARL", "SA", "EURL", "" };

	private static final String[] UNRELATED = { "REMBOURSEMENT FOURNISSEUR", "INTERETS CREDITEURS", "VIREMENT INTERNE",
			"REMISE CHEQUES", "AVOIR FOURNISSEUR 2026", "REGUL TPE", "SUBVENTION REGION" };

	final List<String> customerIds = new ArrayList<>();

	final List<String> customerNames = new ArrayList<>();

	final List<String> customerIbans = new ArrayList<>();

	final List<Payable> invoices = new ArrayList<>();

	final List<List<Integer>> invoicesOfCustomer = new ArrayList<>();

	final List<Entry> entries = new ArrayList<>();

	private final SplittableRandom random;

	private final boolean[] used;

	MatchingData(long seed, int invoiceCount, int entryCount, MemoryLedger ledger) {
		this.random = new SplittableRandom(seed);
		int customers = Math.max(10, invoiceCount / 20);
		for (int c = 0; c < customers; c++) {
			String id = "cus" + c;
			String name = pick(TRADES) + " " + pick(SURNAMES) + (this.random.nextInt(3) > 0 ? " " + pick(CITIES) : "")
					+ " " + pick(FORMS);
			String iban = this.random.nextInt(10) < 7 ? iban() : null;
			this.customerIds.add(id);
			this.customerNames.add(name.trim());
			this.customerIbans.add(iban);
			this.invoicesOfCustomer.add(new ArrayList<>());
			ledger.customer(id, name.trim(), iban);
		}
		LocalDate[] dates = new LocalDate[400];
		for (int d = 0; d < dates.length; d++) {
			dates[d] = LocalDate.of(2025, 10, 1).plusDays(d);
		}
		for (int i = 0; i < invoiceCount; i++) {
			int customer = this.random.nextInt(customers);
			int year = i < 900_000 ? 2026 : 2025;
			String number = "FA-" + year + "-" + String.format(Locale.ROOT, "%06d", i % 900_000 + 1);
			Payable p = new Payable(number, number, this.customerIds.get(customer), Money.of(amount(), "EUR"),
					InvoiceStatus.ISSUED, dates[this.random.nextInt(dates.length)]);
			this.invoices.add(p);
			this.invoicesOfCustomer.get(customer).add(i);
			ledger.invoice(p);
		}
		this.used = new boolean[invoiceCount];
		for (int e = 0; e < entryCount; e++) {
			this.entries.add(entry(kind()));
		}
	}

	private Kind kind() {
		int r = this.random.nextInt(1000);
		// of 1,000 entries
		int[] bounds = { 470, 560, 650, 690, 760, 810, 860, 880, 930, 950, 965, 980, 1000 };
		Kind[] kinds = { Kind.CLEAN, Kind.RF, Kind.MANGLED, Kind.UNREADABLE, Kind.GROUPED, Kind.PARTIAL, Kind.FEES,
				Kind.OVERPAID, Kind.NO_REFERENCE, Kind.OTHERS_INVOICE, Kind.WRONG_NUMBER, Kind.UNRELATED, Kind.DEBIT };
		for (int i = 0; i < bounds.length; i++) {
			if (r < bounds[i]) {
				return kinds[i];
			}
		}
		return Kind.CLEAN;
	}

	private Entry entry(Kind kind) {
		switch (kind) {
			case UNRELATED -> {
				return new Entry(kind, amount(), true, pick(UNRELATED) + " " + this.random.nextInt(100_000), iban(),
						pick(SURNAMES) + " " + pick(FORMS), List.of());
			}
			case DEBIT -> {
				return new Entry(kind, amount(), false, "PRLV " + pick(UNRELATED), null, null, List.of());
			}
			case GROUPED -> {
				int first = unusedInvoice();
				int customer = customerOf(first);
				List<Integer> group = new ArrayList<>(List.of(first));
				for (int i : this.invoicesOfCustomer.get(customer)) {
					if (group.size() >= 2 + this.random.nextInt(3)) {
						break;
					}
					if (!this.used[i]) {
						this.used[i] = true;
						group.add(i);
					}
				}
				StringBuilder text = new StringBuilder("REGLEMENT FACTURES");
				BigDecimal total = BigDecimal.ZERO;
				List<Settles> truth = new ArrayList<>();
				for (int i : group) {
					Payable p = this.invoices.get(i);
					text.append(this.random.nextBoolean() ? " " : ", ").append(written(p.number()));
					total = total.add(p.amountDue().amount());
					truth.add(new Settles(p.invoiceId(), p.amountDue().amount()));
				}
				return new Entry(kind, total, true, text.toString(), payerIban(customer), payerName(customer), truth);
			}
			default -> {
				int i = unusedInvoice();
				int customer = customerOf(i);
				Payable p = this.invoices.get(i);
				BigDecimal due = p.amountDue().amount();
				String number = p.number();
				return switch (kind) {
					case CLEAN -> paying(kind, customer, p, due,
							pick(new String[] { "", "FACTURE ", "VIR SEPA ", "Reglement " }) + number);
					case RF -> paying(kind, customer, p, due, CreditorReference.of(number).printed());
					case MANGLED -> paying(kind, customer, p, due, mangled(number));
					case UNREADABLE ->
						paying(kind, customer, p, due, "facture " + number.substring(8).replaceFirst("^0+", ""));
					case PARTIAL -> {
						BigDecimal part = due.multiply(BigDecimal.valueOf(30 + this.random.nextInt(50)))
							.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
						yield new Entry(kind, part, true, "ACOMPTE " + number, payerIban(customer), payerName(customer),
								List.of(new Settles(p.invoiceId(), part)));
					}
					case FEES -> {
						BigDecimal cap = due.multiply(new BigDecimal("0.02"))
							.setScale(2, RoundingMode.DOWN)
							.min(new BigDecimal("10.00"));
						BigDecimal fee = BigDecimal.valueOf(50 + this.random.nextInt(750), 2).min(cap);
						yield new Entry(kind, due.subtract(fee), true, number, payerIban(customer), payerName(customer),
								List.of(new Settles(p.invoiceId(), due.subtract(fee))));
					}
					case OVERPAID -> new Entry(kind, due.add(BigDecimal.valueOf(100 + this.random.nextInt(5000), 2)),
							true, "FACT " + number, payerIban(customer), payerName(customer),
							List.of(new Settles(p.invoiceId(), due)));
					case NO_REFERENCE ->
						paying(kind, customer, p, due, pick(new String[] { "VIREMENT", "PAIEMENT", "" }));
					case OTHERS_INVOICE -> {
						// names another customer's invoice, pays one of its own
						Payable other = this.invoices.get(unusedInvoice());
						yield new Entry(kind, due, true, "FACTURE " + other.number(), accountOf(customer),
								payerName(customer), List.of(new Settles(p.invoiceId(), due)));
					}
					case WRONG_NUMBER ->
						paying(kind, customer, p, due, "FACTURE FA-2024-" + (900_001 + this.random.nextInt(99_000)));
					default -> throw new IllegalStateException(kind.name());
				};
			}
		}
	}

	private Entry paying(Kind kind, int customer, Payable p, BigDecimal due, String text) {
		return new Entry(kind, due, true, text, payerIban(customer), payerName(customer),
				List.of(new Settles(p.invoiceId(), due)));
	}

	/**
	 * Our numbers as payers write them: dashes, spaces, slashes, dropped zeros, lower
	 * case.
	 */
	private String mangled(String number) {
		String prefix = number.substring(0, 2);
		String year = number.substring(3, 7);
		String seq = number.substring(8);
		String noZeros = seq.replaceFirst("^0+", "");
		return switch (this.random.nextInt(6)) {
			case 0 -> (prefix + year + seq).toLowerCase(Locale.ROOT);
			case 1 -> prefix + " " + year + " " + noZeros;
			case 2 -> prefix + "/" + year + "/" + noZeros;
			case 3 -> "fa-" + year + "-" + noZeros;
			case 4 -> prefix + "_" + year + "_" + seq;
			default -> "Fact. " + prefix + "." + year + "." + seq;
		};
	}

	private String written(String number) {
		return this.random.nextInt(4) == 0 ? mangled(number) : number;
	}

	private int unusedInvoice() {
		while (true) {
			int i = this.random.nextInt(this.invoices.size());
			if (!this.used[i]) {
				this.used[i] = true;
				return i;
			}
		}
	}

	private int customerOf(int invoice) {
		return Integer.parseInt(this.invoices.get(invoice).customerId().substring(3));
	}

	/**
	 * The payer pays from the account we know four times out of five, when we know one.
	 */
	private String payerIban(int customer) {
		String known = this.customerIbans.get(customer);
		return known != null && this.random.nextInt(5) > 0 ? known : iban();
	}

	private String accountOf(int customer) {
		String known = this.customerIbans.get(customer);
		return known != null ? known : iban();
	}

	private String payerName(int customer) {
		String name = this.customerNames.get(customer).toUpperCase(Locale.ROOT);
		return this.random.nextInt(4) == 0 && name.length() > 20 ? name.substring(0, 20) : name;
	}

	/** A French IBAN with valid check digits. */
	private String iban() {
		StringBuilder bban = new StringBuilder(23);
		for (int i = 0; i < 23; i++) {
			bban.append((char) ('0' + this.random.nextInt(10)));
		}
		// check digits: 98 - (BBAN + "FR00" as digits) mod 97, F=15, R=27
		int check = 98 - new java.math.BigInteger(bban + "152700").mod(java.math.BigInteger.valueOf(97)).intValue();
		return "FR" + (check < 10 ? "0" : "") + check + bban;
	}

	/** Amounts from 30 to 15,000 euros, more small ones than large. */
	private BigDecimal amount() {
		double euros = 30 * Math.pow(500, this.random.nextDouble());
		return BigDecimal.valueOf(Math.round(euros * 100), 2);
	}

	private <T> T pick(T[] values) {
		return values[this.random.nextInt(values.length)];
	}

}
