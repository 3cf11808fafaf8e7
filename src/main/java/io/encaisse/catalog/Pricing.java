package io.encaisse.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

import io.encaisse.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place that says what a product costs a customer: for a quantity, a currency and
 * a date, the customer's agreement if one is valid, else the best volume tier of the
 * customer's price list, else its list price. Each answer names its source and the rule
 * it came from, and a past date gives the price as it was then.
 */
@Service
@Transactional(readOnly = true)
public class Pricing {

	public static final String DEFAULT_LIST = "default";

	private final JdbcClient jdbc;

	Pricing(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A resolved price: what, where from, which rule, valid when. */
	public record Price(Money unitPrice, PriceSource source, String ruleId, LocalDate validFrom, LocalDate validTo,
			String priceList) {
	}

	/** A dated row of a price list. */
	public record ListPrice(String id, String sku, String priceList, Money unitPrice, BigDecimal minQuantity,
			LocalDate validFrom, LocalDate validTo, String createdBy) {

		public boolean validOn(LocalDate date) {
			return !date.isBefore(this.validFrom) && (this.validTo == null || !date.isAfter(this.validTo));
		}

	}

	/** A negotiated price of one customer. */
	public record Agreement(String id, String customerId, String sku, String currency, BigDecimal unitPrice,
			BigDecimal discountPercent, LocalDate validFrom, LocalDate validTo) {

		boolean validOn(LocalDate date) {
			return !date.isBefore(this.validFrom) && (this.validTo == null || !date.isAfter(this.validTo));
		}

	}

	/**
	 * The price a line is sold at: the one typed if any (its source the book's when the
	 * book gives the same, else MANUAL), else the price book's; with the book's price
	 * beside it. Empty when nothing is typed and the book has no price.
	 */
	public record Chosen(BigDecimal unitPrice, String source, BigDecimal bookPrice) {
	}

	public Optional<Chosen> choose(String sku, String customerId, BigDecimal quantity, String currency, LocalDate date,
			BigDecimal typed) {
		Optional<Price> listed = resolve(sku, customerId, quantity, currency, date);
		BigDecimal book = listed.map(p -> p.unitPrice().amount()).orElse(null);
		if (typed != null) {
			return Optional.of(new Chosen(typed, book != null && book.compareTo(typed) == 0
					? listed.get().source().name() : PriceSource.MANUAL.name(), book));
		}
		return listed.map(p -> new Chosen(p.unitPrice().amount(), p.source().name(), book));
	}

	public Optional<Price> resolve(String sku, String customerId, BigDecimal quantity, String currency,
			LocalDate date) {
		List<Agreement> agreements = customerId == null ? List.of()
				: agreements(customerId).stream().filter(a -> a.sku().equals(sku)).toList();
		String list = customerId == null ? DEFAULT_LIST : priceListOf(customerId);
		return PriceRules.resolve(history(sku), agreements, list, quantity, currency, date);
	}

	/**
	 * What resolution reads, kept in memory per product and per customer. A change drops
	 * the entry once its transaction has ended (see {@link PriceBook}), so the next read
	 * loads it again. Each node keeps its own: with several nodes, a price written on one
	 * is seen by the others only once they reload it, so several nodes will need a shared
	 * invalidation signal.
	 */
	private final Map<String, List<ListPrice>> prices = new ConcurrentHashMap<>();

	private final Map<String, List<Agreement>> agreementsByCustomer = new ConcurrentHashMap<>();

	private final Map<String, String> lists = new ConcurrentHashMap<>();

	/**
	 * Fills the cache directly, for the benchmark that measures resolution from memory.
	 */
	void remember(String sku, List<ListPrice> history) {
		this.prices.put(sku, List.copyOf(history));
	}

	void rememberAgreements(String customerId, List<Agreement> agreements) {
		this.agreementsByCustomer.put(customerId, List.copyOf(agreements));
		this.lists.put(customerId, DEFAULT_LIST);
	}

	/**
	 * Forgets what was read of a product's prices, now and once the current transaction
	 * ends.
	 */
	void evictPrices(String sku) {
		evict(() -> this.prices.remove(sku));
	}

	void evictPriceList(String customerId) {
		evict(() -> this.lists.remove(customerId));
	}

	void evictAgreements(String customerId) {
		evict(() -> this.agreementsByCustomer.remove(customerId));
	}

	private static void evict(Runnable eviction) {
		eviction.run();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// a reader may have loaded the old state while the change was not yet
			// committed
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					eviction.run();
				}
			});
		}
	}

	/** Every dated price of a product, newest first. */
	public List<ListPrice> history(String sku) {
		return this.prices.computeIfAbsent(sku, s -> List.copyOf(loadHistory(s)));
	}

	/**
	 * The price histories of many products at once (a file's batch), read in one query.
	 */
	public java.util.Map<String, List<ListPrice>> histories(java.util.Collection<String> skus) {
		java.util.Map<String, List<ListPrice>> bySku = new java.util.HashMap<>();
		if (skus.isEmpty()) {
			return bySku;
		}
		this.jdbc.sql("""
				select pp.id, p.sku, pp.price_list, pp.currency, pp.unit_price, pp.min_quantity, pp.valid_from,
				       pp.valid_to, pp.created_by
				from product_price pp join product p on p.id = pp.product_id
				where p.sku in (:skus) order by pp.valid_from desc, pp.min_quantity asc, pp.id desc""")
			.param("skus", skus)
			.query((rs, i) -> bySku.computeIfAbsent(rs.getString(2), s -> new java.util.ArrayList<>())
				.add(new ListPrice(rs.getString(1), rs.getString(2), rs.getString(3),
						Money.of(rs.getBigDecimal(5), rs.getString(4)), rs.getBigDecimal(6),
						rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9))))
			.list();
		return bySku;
	}

	private List<ListPrice> loadHistory(String sku) {
		return this.jdbc.sql("""
				select pp.id, p.sku, pp.price_list, pp.currency, pp.unit_price, pp.min_quantity, pp.valid_from,
				       pp.valid_to, pp.created_by
				from product_price pp join product p on p.id = pp.product_id
				where p.sku = :sku order by pp.valid_from desc, pp.min_quantity asc, pp.id desc""")
			.param("sku", sku)
			.query((rs, i) -> new ListPrice(rs.getString(1), rs.getString(2), rs.getString(3),
					Money.of(rs.getBigDecimal(5), rs.getString(4)), rs.getBigDecimal(6),
					rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9)))
			.list();
	}

	/** A customer's agreements, newest first. */
	public List<Agreement> agreements(String customerId) {
		return this.agreementsByCustomer.computeIfAbsent(customerId, c -> List.copyOf(loadAgreements(c)));
	}

	private List<Agreement> loadAgreements(String customerId) {
		return this.jdbc
			.sql("""
					select a.id, a.customer_id, p.sku, a.currency, a.unit_price, a.discount_percent, a.valid_from, a.valid_to
					from price_agreement a join product p on p.id = a.product_id
					where a.customer_id = :customer
					order by a.valid_from desc""")
			.param("customer", customerId)
			.query((rs, i) -> new Agreement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getObject(7, LocalDate.class),
					rs.getObject(8, LocalDate.class)))
			.list();
	}

	public String priceListOf(String customerId) {
		return this.lists.computeIfAbsent(customerId, this::loadPriceListOf);
	}

	private String loadPriceListOf(String customerId) {
		return this.jdbc.sql("select price_list from customer_price_list where customer_id = :c")
			.param("c", customerId)
			.query(String.class)
			.optional()
			.orElse(DEFAULT_LIST);
	}

}
