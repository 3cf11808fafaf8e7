package io.encaisse.catalog.domain;

import java.math.BigDecimal;
import java.time.Instant;

import io.encaisse.catalog.ProductDetails;
import io.encaisse.shared.Money;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("product")
public class Product {

	@Id
	private final String id;

	private final String sku;

	private String name;

	private String unit;

	private BigDecimal taxRate;

	private boolean active;

	private String description;

	private String exemptionReason;

	private String revenueAccount;

	@Version
	private Long version;

	private final Instant createdAt;

	@PersistenceCreator
	Product(String id, String sku, String name, String unit, BigDecimal taxRate, boolean active, Long version,
			Instant createdAt, String description, String exemptionReason, String revenueAccount) {
		this.description = description;
		this.exemptionReason = exemptionReason;
		this.revenueAccount = revenueAccount;
		this.id = id;
		this.sku = sku;
		this.name = name;
		this.unit = unit;
		this.taxRate = taxRate;
		this.active = active;
		this.version = version;
		this.createdAt = createdAt;
	}

	public static Product create(String id, String sku, String name, String unit, BigDecimal taxRate,
			String description, String exemptionReason, String revenueAccount, Instant now) {
		return new Product(id, sku, name, unit, taxRate, true, null, now, description, exemptionReason, revenueAccount);
	}

	/**
	 * The product as other modules see it, with the price of the default list that
	 * applies today.
	 */
	public ProductDetails details(Money currentPrice) {
		return new ProductDetails(this.id, this.sku, this.name, this.unit, this.taxRate, currentPrice, this.active,
				this.version == null ? 0 : this.version, this.description, this.exemptionReason, this.revenueAccount);
	}

	/**
	 * A retired product stays on the documents that have it but can no longer be sold.
	 */
	public boolean retire() {
		boolean was = this.active;
		this.active = false;
		return was;
	}

	public String sku() {
		return this.sku;
	}

	public String id() {
		return this.id;
	}

	public String name() {
		return this.name;
	}

	public String unit() {
		return this.unit;
	}

	public BigDecimal taxRate() {
		return this.taxRate;
	}

	public String description() {
		return this.description;
	}

	public String exemptionReason() {
		return this.exemptionReason;
	}

	public String revenueAccount() {
		return this.revenueAccount;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

}
