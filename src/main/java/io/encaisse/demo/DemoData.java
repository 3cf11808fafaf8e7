package io.encaisse.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.encaisse.catalog.AgreementInput;
import io.encaisse.catalog.Catalog;
import io.encaisse.catalog.PriceBook;
import io.encaisse.catalog.PriceInput;
import io.encaisse.catalog.ProductInput;
import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.CustomerInput;
import io.encaisse.customers.Customers;
import io.encaisse.customers.LegalIds;
import io.encaisse.invoicing.CreditNoteRequest;
import io.encaisse.invoicing.InvoiceView;
import io.encaisse.invoicing.Invoicing;
import io.encaisse.orders.DeliveryInput;
import io.encaisse.orders.Orders;
import io.encaisse.payments.PaymentInput;
import io.encaisse.payments.Payments;
import io.encaisse.quotes.QuoteInput;
import io.encaisse.quotes.QuoteView;
import io.encaisse.quotes.Quotes;
import io.encaisse.shared.BusinessClock;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

@Component
@Order(10)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final boolean enabled;

	private final Customers customers;

	private final Catalog catalog;

	private final Quotes quotes;

	private final Orders orders;

	private final Invoicing invoicing;

	private final Payments payments;

	private final BusinessClock clock;

	private final PriceBook prices;

	private final io.encaisse.orders.OrderReception reception;

	private LocalDate today;

	private final io.encaisse.invoicing.CreditNotes creditNotes;

	DemoData(@Value("${encaisse.demo-data:true}") boolean enabled, Customers customers, Catalog catalog, Quotes quotes,
			Orders orders, Invoicing invoicing, Payments payments, BusinessClock clock, PriceBook prices,
			io.encaisse.orders.OrderReception reception, io.encaisse.invoicing.CreditNotes creditNotes) {
		this.creditNotes = creditNotes;
		this.reception = reception;
		this.prices = prices;
		this.enabled = enabled;
		this.customers = customers;
		this.catalog = catalog;
		this.quotes = quotes;
		this.orders = orders;
		this.invoicing = invoicing;
		this.payments = payments;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled || !this.customers.list(Cursor.of(1, null)).data().isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		this.today = LocalDate.now(this.clock);
		try {
			load();
		}
		finally {
			this.clock.reset();
		}
		log.info("Loaded the demo data in {} ms (set ENCAISSE_DEMO_DATA=false to start empty)",
				(System.nanoTime() - started) / 1_000_000);
	}

	private void load() {
		at(-160);
		product("LAPTOP-14", "Ordinateur portable 14\" Pro", "piece", "20", "1290.00");
		product("SCREEN-27", "Écran 27\" QHD", "piece", "20", "349.00");
		product("DOCK-USBC", "Station d'accueil USB-C", "piece", "20", "189.00");
		product("INSTALL-DAY", "Installation et paramétrage sur site", "day", "20", "650.00");
		product("SUPPORT-M", "Support et maintenance mensuels", "month", "20", "120.00");
		product("TRAINING-H", "Formation utilisateurs", "hour", "20", "95.00");
		product("LICENCE-GESTION", "Licence logiciel de gestion (1 poste)", "licence", "20", "480.00");
		product("BOOK-IT", "Guide pratique de la cybersécurité", "piece", "5.5", "39.90");

		CustomerDetails martin = customer("Boulangerie Martin SARL", "40483304", "3 place des Terreaux", "69001",
				"Lyon", "compta@boulangerie-martin.example", 30, "fr");
		CustomerDetails durand = customer("Cabinet Durand Avocats", "51234567", "18 quai Saint-Antoine", "69002",
				"Lyon", "cabinet@durand-avocats.example", 30, "fr");
		CustomerDetails lefevre = customer("Transports Lefèvre SAS", "38012986", "ZI des Gaulnes", "69330", "Meyzieu",
				"factures@transports-lefevre.example", 45, "fr");
		CustomerDetails cerf = customer("Hôtel Le Grand Cerf", "44306184", "5 rue de la République", "69002", "Lyon",
				"direction@grandcerf.example", 30, "fr");
		CustomerDetails pharmacie = customer("Pharmacie du Centre", "79234510", "42 cours Vitton", "69006", "Lyon",
				"pharmacie.centre@example.fr", 30, "fr");
		CustomerDetails moreau = customer("Garage Moreau & Fils", "32101456", "12 avenue Jean Jaurès", "69007", "Lyon",
				"garage.moreau@example.fr", 30, "fr");
		CustomerDetails bleu = customer("Studio Graphique Bleu Nuit", "82945113", "7 rue Mercière", "69002", "Lyon",
				"hello@bleunuit.example", 30, "fr");
		CustomerDetails halles = customer("Brasserie des Halles", "50987123", "102 cours Lafayette", "69003", "Lyon",
				"brasserie.halles@example.fr", 30, "fr");
		CustomerDetails dupont = customer("Dupont Industrie SA", "30125487", "Parc Technologique", "69800",
				"Saint-Priest", "ap@dupont-industrie.example", 60, "fr");
		CustomerDetails northwind = customer("Northwind Consulting SARL", "88213456", "1 place Bellecour", "69002",
				"Lyon", "accounts@northwind.example", 30, "en");

		// a volume tier, and a negotiated price for a large account
		this.prices.addPrice("SCREEN-27", new PriceInput("default", "EUR", "319.00", null, null, "10"));
		this.prices.addAgreement(dupont.id(),
				new AgreementInput("LAPTOP-14", "EUR", null, "8", null, this.today.plusDays(200)));

		// Transports Lefèvre: delivered four months ago, never paid (over 90 days)
		at(-150);
		String lefevreOrder = won(lefevre, line("LAPTOP-14", "3"), line("DOCK-USBC", "3"));
		at(-148);
		deliver(lefevreOrder, line("LAPTOP-14", "3"), line("DOCK-USBC", "3"));

		// Boulangerie Martin: delivered and paid on time, by its RF reference
		at(-100);
		String martinOrder = won(martin, line("LAPTOP-14", "1"), line("SCREEN-27", "1"), line("INSTALL-DAY", "0.5"));
		at(-98);
		InvoiceView martinInvoice = deliver(martinOrder, line("LAPTOP-14", "1"), line("SCREEN-27", "1"),
				line("INSTALL-DAY", "0.5"));
		at(-72);
		pay(martinInvoice.total().toPlainString(), "VIR SEPA BOULANGERIE MARTIN " + martinInvoice.paymentReference());

		// Northwind: invoiced, then credited in full (wrong quantity) and re-invoiced
		at(-90);
		String northOrder = won(northwind, line("LICENCE-GESTION", "5"), line("TRAINING-H", "6"));
		at(-88);
		InvoiceView northInvoice = deliver(northOrder, line("LICENCE-GESTION", "5"));
		at(-86);
		this.creditNotes.issue(northInvoice.id(), new CreditNoteRequest("Quantité facturée erronée", null, null));

		// Cabinet Durand: delivered 75 days ago, unpaid (31-60 days late)
		at(-75);
		String durandOrder = won(durand, line("LAPTOP-14", "2"), line("LICENCE-GESTION", "2"), line("BOOK-IT", "4"));
		at(-74);
		deliver(durandOrder, line("LAPTOP-14", "2"), line("LICENCE-GESTION", "2"), line("BOOK-IT", "4"));

		// Northwind: the training, delivered later, paid with a mangled invoice number
		at(-60);
		InvoiceView northTraining = deliver(northOrder, line("TRAINING-H", "6"));
		at(-35);
		pay(northTraining.total().toPlainString(), "Payment invoice " + northTraining.number().replace("-", " "));

		// Dupont Industrie: a quote sent two months ago that expired unanswered
		at(-60);
		QuoteView dupontQuote = this.quotes.create(new QuoteInput(dupont.id(), "EUR", this.today.minusDays(30),
				"Renouvellement du parc : 20 postes", List.of(line("LAPTOP-14", "20"), line("SCREEN-27", "20"))));
		this.quotes.send(dupontQuote.id(), null);

		// Hôtel Le Grand Cerf: half delivered, invoice partly paid
		at(-50);
		String cerfOrder = won(cerf, line("SCREEN-27", "6"), line("INSTALL-DAY", "2"), line("SUPPORT-M", "12"));
		at(-48);
		InvoiceView cerfInvoice = deliver(cerfOrder, line("SCREEN-27", "3"), line("INSTALL-DAY", "1"));
		at(-20);
		// part of the invoice, applied because the bank gives the payer's name: the
		// hotel's
		this.payments.record(new PaymentInput(null, "800.00", "EUR", null, "ACOMPTE " + cerfInvoice.number(), null,
				"HOTEL LE GRAND CERF"));

		// Garage Moreau: due eight days ago (1-30 days late)
		at(-40);
		String moreauOrder = won(moreau, line("DOCK-USBC", "4"), line("TRAINING-H", "3"));
		at(-38);
		deliver(moreauOrder, line("DOCK-USBC", "4"), line("TRAINING-H", "3"));

		// Northwind declined a second offer
		at(-30);
		QuoteView declined = this.quotes.create(
				new QuoteInput(northwind.id(), "EUR", this.today.minusDays(5), null, List.of(line("SUPPORT-M", "12"))));
		this.quotes.send(declined.id(), null);
		this.quotes.decline(declined.id(), null);

		// Pharmacie du Centre: delivered two weeks ago, not yet due
		at(-20);
		String pharmaOrder = won(pharmacie, line("LAPTOP-14", "1"), line("LICENCE-GESTION", "1"),
				line("TRAINING-H", "2"));
		at(-15);
		InvoiceView pharmaInvoice = deliver(pharmaOrder, line("LAPTOP-14", "1"), line("LICENCE-GESTION", "1"),
				line("TRAINING-H", "2"));

		// A transfer nobody can place yet: no reference the matcher trusts
		at(-10);
		this.payments.record(new PaymentInput(null, "240.00", "EUR", this.today.minusDays(10), "VIREMENT M. BERNARD"));

		// Studio Bleu Nuit: a quote sent, waiting for the customer; Brasserie des Halles:
		// a draft
		at(-5);
		QuoteView bleuQuote = this.quotes
			.create(new QuoteInput(bleu.id(), "EUR", this.today.plusDays(25), "Équipement du studio",
					List.of(line("SCREEN-27", "4", "10"), line("DOCK-USBC", "4"), line("INSTALL-DAY", "1"))));
		this.quotes.send(bleuQuote.id(), null);
		// the pharmacy pays early, from an account we do not know yet, without the
		// number:
		// its name and the exact amount make a suggestion for the AR queue
		at(-3);
		this.payments.record(new PaymentInput(null, pharmaInvoice.amountDue().toPlainString(), "EUR",
				this.today.minusDays(3), "VIR SEPA REGLEMENT", "FR6217515900000800000000116", "PHARMACIE DU CENTRE"));

		// an order by EDI names an item code nobody mapped: on hold four days, it is late
		// in the exceptions queue and on the dashboard
		at(-4);
		this.reception
			.receive(
					new io.encaisse.orders.OrderRequest("EDIFACT", "CMD-88412", moreau.id(), "EUR", null, null,
							List.of(new io.encaisse.orders.OrderRequest.Line("3608581234567", "Câble USB-C 2 m", "10",
									null), new io.encaisse.orders.OrderRequest.Line("DOCK-USBC", null, "2", null)),
							null));

		// a sales rep granted more than her 10 %: the quote waits for a manager
		at(-2);
		asSalesRep(() -> this.quotes.create(new QuoteInput(halles.id(), "EUR", this.today.plusDays(28),
				"Offre de lancement", List.of(line("SCREEN-27", "2", "18"), line("DOCK-USBC", "2", "18")))));
		at(-1);
		// a draft that shows a quote's terms: the licence billed on order, the support
		// every month (a subscription's), a dock the customer may take or not, 45 days
		this.quotes.create(new QuoteInput(halles.id(), "EUR", this.today.plusDays(29), null, List.of(
				line("LAPTOP-14", "1"),
				new QuoteInput.LineInput("LICENCE-GESTION", "1", null, null, null, null, null, null, "ON_ORDER", null),
				new QuoteInput.LineInput("SUPPORT-M", "1", null, null, null, null, null, null, "RECURRING", "MONTHLY"),
				new QuoteInput.LineInput("DOCK-USBC", "1", null, null, null, null, null, true, null, null)), null, 45,
				"Installation comprise. Support résiliable chaque mois avec un préavis de 30 jours."));
		this.clock.reset();
	}

	private void asSalesRep(Runnable work) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new UsernamePasswordAuthenticationToken("claire.martin", null,
				List.of(new SimpleGrantedAuthority(Role.SALES.authority()))));
		SecurityContextHolder.setContext(context);
		try {
			work.run();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void at(int days) {
		this.clock.reset();
		this.clock.travelBy(Duration.ofDays(days));
	}

	private void product(String sku, String name, String unit, String rate, String price) {
		this.catalog.create(new ProductInput(sku, name, unit, rate, price, "EUR"));
	}

	private CustomerDetails customer(String name, String sirenStem, String street, String postalCode, String city,
			String email, int terms, String language) {
		String siren = LegalIds.sirenWithKey(sirenStem);
		return this.customers.register(new CustomerInput(name, siren, LegalIds.frenchVatNumber(siren), email,
				new CustomerInput.AddressInput(street, postalCode, city, "FR"), terms, "20000", "EUR", language));
	}

	private static QuoteInput.LineInput line(String sku, String quantity) {
		return new QuoteInput.LineInput(sku, quantity, null, null, null);
	}

	private static QuoteInput.LineInput line(String sku, String quantity, String discount) {
		return new QuoteInput.LineInput(sku, quantity, null, discount, null);
	}

	/** A quote made, sent and accepted the same day; answers the order it became. */
	private String won(CustomerDetails customer, QuoteInput.LineInput... lines) {
		QuoteView quote = this.quotes.create(new QuoteInput(customer.id(), "EUR", null, null, List.of(lines)));
		this.quotes.send(quote.id(), null);
		this.quotes.accept(quote.id(), null, customer.name());
		return this.quotes.get(quote.id()).orderId();
	}

	private InvoiceView deliver(String orderId, QuoteInput.LineInput... lines) {
		this.orders.recordDelivery(orderId, new DeliveryInput(null,
				java.util.Arrays.stream(lines).map(l -> new DeliveryInput.LineInput(l.sku(), l.quantity())).toList()));
		List<String> invoices = this.orders.get(orderId).invoiceIds();
		return this.invoicing.get(invoices.get(invoices.size() - 1));
	}

	private void pay(String amount, String reference) {
		this.payments.record(new PaymentInput(null, amount, "EUR", null, reference));
	}

}
