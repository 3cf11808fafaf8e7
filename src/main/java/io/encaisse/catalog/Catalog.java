package io.encaisse.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.encaisse.catalog.domain.Product;
import io.encaisse.catalog.domain.ProductRepository;
import io.encaisse.shared.Amounts;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog facade: products and the price that applies. */
@Service
@Transactional(readOnly = true)
public class Catalog {

	static final String DOCUMENT = "product";

	public static final List<String> UNITS = List.of("piece", "hour", "day", "month", "year", "licence", "kg", "m");

	private final ProductRepository products;

	private final AuditTrail audit;

	private final Today today;

	private final Pricing pricing;

	private final PriceBook prices;

	private final io.encaisse.shared.Bulk bulk;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Catalog(ProductRepository products, AuditTrail audit, Today today, Pricing pricing, PriceBook prices,
			io.encaisse.shared.Bulk bulk, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.bulk = bulk;
		this.jdbc = jdbc;
		this.products = products;
		this.audit = audit;
		this.today = today;
		this.pricing = pricing;
		this.prices = prices;
	}

	public Optional<ProductDetails> findBySku(String sku) {
		return sku == null ? Optional.empty() : this.products.findBySku(sku.trim()).map(this::details);
	}

	public ProductDetails get(String sku) {
		return findBySku(sku).orElseThrow(() -> new Problem.NotFound("product", sku));
	}

	public List<ProductDetails> all() {
		return this.products.findAllByOrderBySkuAsc().stream().map(this::details).toList();
	}

	public Cursor.Page<ProductDetails> list(Cursor cursor) {
		Cursor.Page<Product> page = cursor.fetch(this.products::findByOrderByIdDesc,
				this.products::findByIdLessThanOrderByIdDesc);
		// the page's price histories in one statement, whatever its size
		java.util.Map<String, List<Pricing.ListPrice>> histories = this.pricing
			.histories(page.data().stream().map(Product::sku).toList());
		return page.map(p -> details(p, histories.getOrDefault(p.sku(), List.of())));
	}

	private ProductDetails details(Product product) {
		return details(product, this.pricing.history(product.sku()));
	}

	private ProductDetails details(Product product, List<Pricing.ListPrice> history) {
		LocalDate date = this.today.date();
		Money price = history.stream()
			.filter(p -> p.priceList().equals(Pricing.DEFAULT_LIST) && p.validOn(date)
					&& p.minQuantity().compareTo(BigDecimal.ONE) <= 0)
			.findFirst()
			.map(Pricing.ListPrice::unitPrice)
			.orElse(null);
		return product.details(price);
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	@Transactional
	public ProductDetails retire(String sku) {
		Product product = this.products.findBySku(sku).orElseThrow(() -> new Problem.NotFound("product", sku));
		if (product.retire()) {
			this.products.save(product);
			this.audit.record(DOCUMENT, product.id(), "retired", AuditTrail.changes("active", "true → false"));
		}
		return details(product);
	}

	/** A product that passed the catalog's rules, and the list price it came with. */
	record NewProduct(Product product, Money listPrice) {
	}

	@Transactional
	public ProductDetails create(ProductInput input) {
		NewProduct checked = check(input, this.products::existsBySku);
		Money listPrice = checked.listPrice();
		Product product = this.products.save(checked.product());
		this.audit.record(DOCUMENT, product.id(), "created",
				AuditTrail.changes("sku", product.sku(), "name", product.name(), "taxRate", product.taxRate()));
		if (listPrice != null) {
			this.prices.addPrice(product.sku(), new PriceInput(Pricing.DEFAULT_LIST, listPrice.currencyCode(),
					listPrice.amount().toPlainString(), this.today.date(), null, null));
		}
		return details(product);
	}

	/**
	 * The catalog's rules for a new product, in one place for the form, the API and the
	 * file: a refusal names each field; {@code skuTaken} says which SKUs exist.
	 */
	NewProduct check(ProductInput input, java.util.function.Predicate<String> skuTaken) {
		Problem.Errors errors = new Problem.Errors();
		String sku = input.sku() == null ? null : input.sku().trim();
		if (sku == null || sku.isEmpty()) {
			errors.add("sku", "is required");
		}
		else if (!sku.matches("[A-Za-z0-9._\\-]{1,64}")) {
			errors.add("sku", "may hold only letters, digits, '.', '_' and '-' (at most 64)");
		}
		else if (skuTaken.test(sku)) {
			errors.add("sku", "'" + sku + "' already exists");
		}
		if (input.name() == null || input.name().isBlank()) {
			errors.add("name", "is required");
		}
		String unit = input.unit() == null || input.unit().isBlank() ? "piece" : input.unit().trim();
		if (!UNITS.contains(unit)) {
			errors.add("unit", "must be one of " + String.join(", ", UNITS));
		}
		BigDecimal rate = Amounts.required(errors, "taxRate", input.taxRate(), 2);
		if (rate != null && !TaxRates.isFrenchRate(rate)) {
			errors.add("taxRate", "must be one of the French VAT rates 20, 10, 5.5, 2.1 or 0");
		}
		BigDecimal price = Amounts.notNegative(errors, "price", input.price(), 4);
		String currency = input.currency() == null || input.currency().isBlank() ? "EUR" : input.currency();
		var cur = Amounts.currency(errors, "currency", currency);
		if (rate != null && rate.signum() == 0
				&& (input.exemptionReason() == null || input.exemptionReason().isBlank())) {
			errors.add("exemptionReason", "a product without VAT needs the legal wording of its exemption"
					+ " (e.g. \"TVA non applicable, art. 261 D du CGI\")");
		}
		String account = input.revenueAccount() == null || input.revenueAccount().isBlank() ? "706000"
				: input.revenueAccount().trim();
		if (!account.matches("7\\d{2,9}")) {
			errors.add("revenueAccount", "must be a revenue account of the French chart (class 7, e.g. 706000)");
		}
		if (input.description() != null && input.description().length() > 2000) {
			errors.add("description", "must not exceed 2000 characters");
		}
		errors.throwIfAny();
		Money listPrice = price == null ? null : new Money(price, cur);
		return new NewProduct(
				Product.create(Ids.next("prd"), sku, input.name().trim(), unit, rate.setScale(2),
						blank(input.description()), blank(input.exemptionReason()), account, this.today.instant()),
				listPrice);
	}

	/**
	 * New products checked by {@link #check}, written in batches (a file's thousands) and
	 * audited like one by one.
	 */
	@Transactional
	void createAll(List<NewProduct> created) {
		List<Object[]> rows = new java.util.ArrayList<>(created.size());
		List<AuditTrail.Change> changes = new java.util.ArrayList<>(created.size());
		for (NewProduct n : created) {
			Product p = n.product();
			rows.add(new Object[] { p.id(), p.sku(), p.name(), p.unit(), p.taxRate(), true, 0L,
					java.sql.Timestamp.from(p.createdAt()), p.description(), p.exemptionReason(), p.revenueAccount() });
			changes.add(new AuditTrail.Change(DOCUMENT, p.id(), "created",
					AuditTrail.changes("sku", p.sku(), "name", p.name(), "taxRate", p.taxRate())));
		}
		this.bulk.insert("product",
				"id, sku, name, unit, tax_rate, active, version, created_at, description, exemption_reason, revenue_account",
				rows);
		this.audit.recordAll(changes);
	}

	/** The ids of these SKUs' products, locked until the end of the transaction. */
	java.util.Map<String, String> lockAll(java.util.Collection<String> skus) {
		java.util.Map<String, String> ids = new java.util.HashMap<>();
		if (!skus.isEmpty()) {
			this.jdbc.sql("select id, sku from product where sku in (:skus) order by sku for update")
				.param("skus", skus)
				.query((rs, i) -> ids.put(rs.getString(2), rs.getString(1)))
				.list();
		}
		return ids;
	}

}
