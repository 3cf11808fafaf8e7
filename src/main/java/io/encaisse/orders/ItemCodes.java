package io.encaisse.orders;

import java.util.Optional;

import io.encaisse.catalog.Catalog;
import io.encaisse.catalog.ProductDetails;
import io.encaisse.customers.Customers;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Problem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A buyer's own item codes mapped to our SKUs (for one customer, or '*' for every
 * customer): what an order file's item names when it is not one of our SKUs.
 */
@Service
@Transactional(readOnly = true)
public class ItemCodes {

	private final Catalog catalog;

	private final Customers customers;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	ItemCodes(Catalog catalog, Customers customers, JdbcClient jdbc, AuditTrail audit) {
		this.catalog = catalog;
		this.customers = customers;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Maps a buyer's item code (for one customer, or '*' for all) to one of our SKUs. */
	@Transactional
	public void map(String customerId, String code, String sku) {
		Problem.Errors errors = new Problem.Errors();
		if (code == null || code.isBlank() || code.length() > 64) {
			errors.add("code", "is required (at most 64 characters)");
		}
		if (sku == null || this.catalog.findBySku(sku).isEmpty()) {
			errors.add("sku", "no product '" + sku + "'");
		}
		String owner = customerId == null || customerId.isBlank() ? "*" : customerId;
		if (!"*".equals(owner) && this.customers.find(owner).isEmpty()) {
			errors.add("customerId", "no customer " + owner);
		}
		errors.throwIfAny();
		int updated = this.jdbc.sql("update order_item_code set sku = :s where customer_id = :c and code = :k")
			.param("s", sku)
			.param("c", owner)
			.param("k", code.trim())
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into order_item_code (customer_id, code, sku) values (:c, :k, :s)")
				.param("s", sku)
				.param("c", owner)
				.param("k", code.trim())
				.update();
		}
		this.audit.record("item-code", owner + ":" + code.trim(), "mapped", AuditTrail.changes("sku", sku));
	}

	/** The product an order line names: our SKU, else the buyer's code mapped to one. */
	Optional<ProductDetails> product(String customerId, String item) {
		Optional<ProductDetails> bySku = this.catalog.findBySku(item);
		if (bySku.isPresent()) {
			return bySku;
		}
		return this.jdbc.sql("""
				select sku from order_item_code where code = :k and customer_id in (:c, '*')
				order by case when customer_id = '*' then 1 else 0 end""")
			.param("k", item)
			.param("c", customerId)
			.query(String.class)
			.list()
			.stream()
			.findFirst()
			.flatMap(this.catalog::findBySku);
	}

}
