package io.encaisse.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds the documents a journey needs through the API, with unique names so tests never
 * collide.
 */
public final class Fixtures {

	private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 100000));

	private final Api api;

	public Fixtures(Api api) {
		this.api = api;
	}

	/**
	 * Today as the application dates documents: in its business time zone (Paris), not
	 * the machine's (UTC on CI, where the two differ one or two hours a day).
	 */
	public static java.time.LocalDate today() {
		return java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
	}

	public static String unique(String prefix) {
		return prefix + "-" + SEQ.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
	}

	/** A valid French IBAN no other test uses. */
	public static String iban() {
		String bban = "30006" + "00001"
				+ String.format("%011d", Math.floorMod(System.nanoTime() + SEQ.incrementAndGet(), 100_000_000_000L))
				+ "89";
		String moved = bban + "FR00";
		StringBuilder digits = new StringBuilder();
		for (char c : moved.toCharArray()) {
			digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
		}
		int check = 98 - new java.math.BigInteger(digits.toString()).mod(java.math.BigInteger.valueOf(97)).intValue();
		return "FR" + (check < 10 ? "0" : "") + check + bban;
	}

	/**
	 * The fields of a customer, with what an invoice needs (SIREN, a full billing
	 * address) added to those given.
	 */
	public static java.util.Map<String, Object> invoiceable(Object... kv) {
		java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>(map(kv));
		fields.putIfAbsent("legalId", "732829320");
		fields.putIfAbsent("billingAddress",
				map("line1", "1 rue de la Paix", "postalCode", "75002", "city", "Paris", "country", "FR"));
		return fields;
	}

	public String customer() {
		return customer(30);
	}

	public String customer(int terms) {
		Api.Response r = this.api.post("/api/v1/customers",
				map("name", unique("Client"), "legalId", "732829320", "vatNumber", "FR44732829320", "email",
						"compta@client.example", "billingAddress",
						map("line1", "1 rue de la Paix", "postalCode", "75002", "city", "Paris", "country", "FR"),
						"paymentTermsDays", terms, "creditLimit", "50000", "currency", "EUR"));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.get("id");
	}

	public String product(String price, String taxRate) {
		String sku = unique("SKU");
		Api.Response r = this.api.post("/api/v1/products", map("sku", sku, "name", "Produit " + sku, "unit", "piece",
				"taxRate", taxRate, "price", price, "currency", "EUR"));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return sku;
	}

	/**
	 * A quote for these (sku, quantity) pairs, sent and accepted; answers the order id.
	 */
	public String acceptedOrder(String customerId, String... skuQuantity) {
		String quoteId = sentQuote(customerId, skuQuantity);
		Api.Response accepted = this.api.post("/api/v1/quotes/" + quoteId + "/accept", null);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		return accepted.get("orderId");
	}

	public String sentQuote(String customerId, String... skuQuantity) {
		List<Object> lines = new java.util.ArrayList<>();
		for (int i = 0; i + 1 < skuQuantity.length; i += 2) {
			lines.add(map("sku", skuQuantity[i], "quantity", skuQuantity[i + 1]));
		}
		Api.Response quote = this.api.post("/api/v1/quotes",
				map("customerId", customerId, "currency", "EUR", "lines", lines));
		assertThat(quote.status()).as(quote.toString()).isEqualTo(201);
		Api.Response sent = this.api.post("/api/v1/quotes/" + quote.get("id") + "/send", null);
		assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
		return quote.get("id");
	}

	/**
	 * Delivers these (sku, quantity) pairs; answers the id of the invoice the delivery
	 * produced.
	 */
	public String deliver(String orderId, String... skuQuantity) {
		List<Object> lines = new java.util.ArrayList<>();
		for (int i = 0; i + 1 < skuQuantity.length; i += 2) {
			lines.add(map("sku", skuQuantity[i], "quantity", skuQuantity[i + 1]));
		}
		Api.Response r = this.api.post("/api/v1/orders/" + orderId + "/deliveries", map("lines", lines));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		var ids = r.json().get("invoiceIds");
		return ids.get(ids.size() - 1).asString();
	}

	/**
	 * An issued invoice of 3 laptops at 1,290.00 less 7.5 % (VAT 20 %) and 4 books at
	 * 39.90 (VAT 5.5 %), billed from an accepted quote.
	 */
	public String invoiceWithADiscountAndTwoVatRates() {
		String customer = customer();
		String laptop = product("1290.00", "20.00");
		String book = product("39.90", "5.50");
		Api.Response quote = this.api.post("/api/v1/quotes", map("customerId", customer, "lines", List
			.of(map("sku", laptop, "quantity", "3", "discountPercent", "7.5"), map("sku", book, "quantity", "4"))));
		this.api.post("/api/v1/quotes/" + quote.get("id") + "/send", null);
		String order = this.api.post("/api/v1/quotes/" + quote.get("id") + "/accept", null).get("orderId");
		return deliver(order, laptop, "3", book, "4");
	}

}
