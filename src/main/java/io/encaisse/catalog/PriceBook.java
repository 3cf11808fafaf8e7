package io.encaisse.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.shared.Amounts;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes prices: a new dated price (never an edit of an old one) and customer agreements,
 * each refused when its period overlaps another for the same product, list, currency and
 * tier (or customer).
 */
@Service
public class PriceBook {

	private final JdbcClient jdbc;

	private final Pricing pricing;

	private final Customers customers;

	private final AuditTrail audit;

	private final Today today;

	private final io.encaisse.shared.Bulk bulk;

	PriceBook(JdbcClient jdbc, Pricing pricing, Customers customers, AuditTrail audit, Today today,
			io.encaisse.shared.Bulk bulk) {
		this.bulk = bulk;
		this.jdbc = jdbc;
		this.pricing = pricing;
		this.customers = customers;
		this.audit = audit;
		this.today = today;
	}

	/** A dated price that passed the price book's rules, for this product. */
	record NewPrice(String productId, Pricing.ListPrice price) {
	}

	@Transactional
	public Pricing.ListPrice addPrice(String sku, PriceInput input) {
		NewPrice checked = check(sku, lockProduct(sku), input, this.pricing.history(sku));
		Pricing.ListPrice price = checked.price();
		this.jdbc.sql("""
				insert into product_price (id, product_id, price_list, currency, unit_price, min_quantity, valid_from,
				                           valid_to, created_at, created_by)
				values (:id, :product, :list, :currency, :price, :min, :from, :to, :at, :by)""")
			.param("id", price.id())
			.param("product", checked.productId())
			.param("list", price.priceList())
			.param("currency", price.unitPrice().currencyCode())
			.param("price", price.unitPrice().amount())
			.param("min", price.minQuantity())
			.param("from", price.validFrom())
			.param("to", price.validTo())
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.param("by", price.createdBy())
			.update();
		this.pricing.evictPrices(sku);
		this.audit.record(Catalog.DOCUMENT, checked.productId(), "price added", changes(price));
		return price;
	}

	/**
	 * The price book's rules for a new dated price, in one place for the form, the API
	 * and the file: a refusal names each field; {@code existing} are the product's prices
	 * it must not overlap (same list, currency and tier).
	 */
	NewPrice check(String sku, String productId, PriceInput input, List<Pricing.ListPrice> existing) {
		Problem.Errors errors = new Problem.Errors();
		String list = input.priceList() == null || input.priceList().isBlank() ? Pricing.DEFAULT_LIST
				: input.priceList().trim();
		if (!list.matches("[a-z0-9_-]{1,40}")) {
			errors.add("priceList", "may hold only lower-case letters, digits, '-' and '_' (at most 40)");
		}
		Currency currency = Amounts.currency(errors, "currency",
				input.currency() == null || input.currency().isBlank() ? "EUR" : input.currency());
		BigDecimal unitPrice = Amounts.required(errors, "unitPrice", input.unitPrice(), 4);
		if (unitPrice != null && unitPrice.signum() < 0) {
			errors.add("unitPrice", "must not be negative");
		}
		BigDecimal minQuantity = input.minQuantity() == null || input.minQuantity().isBlank() ? BigDecimal.ONE
				: Amounts.positive(errors, "minQuantity", input.minQuantity(), 4);
		LocalDate from = input.validFrom() == null ? this.today.date() : input.validFrom();
		period(errors, from, input.validTo());
		errors.throwIfAny();
		for (Pricing.ListPrice other : existing) {
			if (other.priceList().equals(list) && other.unitPrice().currency().equals(currency)
					&& other.minQuantity().compareTo(minQuantity) == 0
					&& overlaps(from, input.validTo(), other.validFrom(), other.validTo())) {
				throw new Problem.Invalid("validFrom",
						"overlaps the price of " + other.unitPrice() + " valid from " + other.validFrom()
								+ (other.validTo() == null ? "" : " to " + other.validTo())
								+ "; end that price first or choose another period");
			}
		}
		return new NewPrice(productId, new Pricing.ListPrice(Ids.next("prc"), sku, list, new Money(unitPrice, currency),
				minQuantity, from, input.validTo(), AuditTrail.currentActor()));
	}

	/**
	 * New prices checked by {@link #check}, written in batches and audited like one by
	 * one.
	 */
	@Transactional
	void addAll(List<NewPrice> added) {
		java.sql.Timestamp at = java.sql.Timestamp.from(this.today.instant());
		List<Object[]> rows = new java.util.ArrayList<>(added.size());
		List<AuditTrail.Change> audited = new java.util.ArrayList<>(added.size());
		java.util.Set<String> skus = new java.util.HashSet<>();
		for (NewPrice n : added) {
			Pricing.ListPrice p = n.price();
			rows.add(new Object[] { p.id(), n.productId(), p.priceList(), p.unitPrice().currencyCode(),
					p.unitPrice().amount(), p.minQuantity(), p.validFrom(), p.validTo(), at, p.createdBy() });
			audited.add(new AuditTrail.Change(Catalog.DOCUMENT, n.productId(), "price added", changes(p)));
			skus.add(p.sku());
		}
		this.bulk.insert("product_price",
				"id, product_id, price_list, currency, unit_price, min_quantity, valid_from, valid_to, created_at, created_by",
				rows);
		skus.forEach(this.pricing::evictPrices);
		this.audit.recordAll(audited);
	}

	private static java.util.Map<String, Object> changes(Pricing.ListPrice p) {
		return AuditTrail.changes("priceList", p.priceList(), "unitPrice", p.unitPrice(), "minQuantity",
				p.minQuantity().stripTrailingZeros().toPlainString(), "validFrom", p.validFrom(), "validTo",
				p.validTo());
	}

	@Transactional
	public Pricing.Agreement addAgreement(String customerId, AgreementInput input) {
		CustomerDetails customer = this.customers.get(customerId);
		Problem.Errors errors = new Problem.Errors();
		String productId = null;
		if (input.sku() == null || input.sku().isBlank()) {
			errors.add("sku", "is required");
		}
		else {
			productId = this.jdbc.sql("select id from product where sku = :sku")
				.param("sku", input.sku().trim())
				.query(String.class)
				.optional()
				.orElse(null);
			if (productId == null) {
				errors.add("sku", "product '" + input.sku() + "' does not exist");
			}
		}
		Currency currency = Amounts.currency(errors, "currency",
				input.currency() == null || input.currency().isBlank() ? customer.currency() : input.currency());
		BigDecimal unitPrice = Amounts.notNegative(errors, "unitPrice", input.unitPrice(), 4);
		BigDecimal discount = Amounts.percent(errors, "discountPercent", input.discountPercent());
		boolean hasPrice = input.unitPrice() != null && !input.unitPrice().isBlank();
		boolean hasDiscount = input.discountPercent() != null && !input.discountPercent().isBlank();
		if (hasPrice == hasDiscount) {
			errors.add("unitPrice", "give either a unitPrice or a discountPercent");
		}
		LocalDate from = input.validFrom() == null ? this.today.date() : input.validFrom();
		period(errors, from, input.validTo());
		errors.throwIfAny();
		this.customers.lock(customerId);
		String sku = input.sku().trim();
		for (Pricing.Agreement other : this.pricing.agreements(customerId)) {
			if (other.sku().equals(sku) && other.currency().equals(currency.getCurrencyCode())
					&& overlaps(from, input.validTo(), other.validFrom(), other.validTo())) {
				throw new Problem.Invalid("validFrom", "overlaps the agreement on " + sku + " valid from "
						+ other.validFrom() + (other.validTo() == null ? "" : " to " + other.validTo()));
			}
		}
		String id = Ids.next("agr");
		this.jdbc.sql("""
				insert into price_agreement (id, customer_id, product_id, currency, unit_price, discount_percent,
				                             valid_from, valid_to, created_at, created_by)
				values (:id, :customer, :product, :currency, :price, :discount, :from, :to, :at, :by)""")
			.param("id", id)
			.param("customer", customerId)
			.param("product", productId)
			.param("currency", currency.getCurrencyCode())
			.param("price", unitPrice)
			.param("discount", discount)
			.param("from", from)
			.param("to", input.validTo())
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.param("by", AuditTrail.currentActor())
			.update();
		this.pricing.evictAgreements(customerId);
		this.audit.record("customer", customerId, "price agreement added", AuditTrail.changes("sku", sku, "unitPrice",
				unitPrice, "discountPercent", discount, "validFrom", from, "validTo", input.validTo()));
		return new Pricing.Agreement(id, customerId, sku, currency.getCurrencyCode(), unitPrice, discount, from,
				input.validTo());
	}

	/**
	 * Gives a customer the price list they buy from ({@code default} unless said
	 * otherwise).
	 */
	@Transactional
	public String assignPriceList(String customerId, String priceList) {
		this.customers.get(customerId);
		String list = priceList == null || priceList.isBlank() ? Pricing.DEFAULT_LIST : priceList.trim();
		if (!list.matches("[a-z0-9_-]{1,40}")) {
			throw new Problem.Invalid("priceList",
					"may hold only lower-case letters, digits, '-' and '_' (at most 40)");
		}
		boolean known = Pricing.DEFAULT_LIST.equals(list)
				|| this.jdbc.sql("select count(*) from product_price where price_list = :list")
					.param("list", list)
					.query(Integer.class)
					.single() > 0;
		if (!known) {
			throw new Problem.Invalid("priceList", "no price list '" + list + "' exists: add a price to it first");
		}
		this.jdbc.sql("delete from customer_price_list where customer_id = :c").param("c", customerId).update();
		if (!Pricing.DEFAULT_LIST.equals(list)) {
			this.jdbc.sql("insert into customer_price_list (customer_id, price_list) values (:c, :l)")
				.param("c", customerId)
				.param("l", list)
				.update();
		}
		this.pricing.evictPriceList(customerId);
		this.audit.record("customer", customerId, "price list assigned", AuditTrail.changes("priceList", list));
		return list;
	}

	/** The price lists in use, with how many products each prices. */
	public java.util.Map<String, Integer> priceLists() {
		java.util.Map<String, Integer> lists = new java.util.TreeMap<>();
		this.jdbc.sql("select price_list, count(distinct product_id) from product_price group by price_list")
			.query((rs, i) -> java.util.Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.forEach(e -> lists.put(e.getKey(), e.getValue()));
		return lists;
	}

	private String lockProduct(String sku) {
		return this.jdbc.sql("select id from product where sku = :sku for update")
			.param("sku", sku)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new Problem.NotFound("product", sku));
	}

	private static void period(Problem.Errors errors, LocalDate from, LocalDate to) {
		if (to != null && to.isBefore(from)) {
			errors.add("validTo", "must not be before validFrom (" + from + ")");
		}
	}

	/** Closed periods [from, to], an open end meaning "until further notice". */
	static boolean overlaps(LocalDate aFrom, LocalDate aTo, LocalDate bFrom, LocalDate bTo) {
		return (bTo == null || !aFrom.isAfter(bTo)) && (aTo == null || !bFrom.isAfter(aTo));
	}

}
