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

	private BigDecimal unitPrice;

	private String currency;

	private boolean active;

	@Version
	private Long version;

	private final Instant createdAt;

	@PersistenceCreator
	Product(String id, String sku, String name, String unit, BigDecimal taxRate, BigDecimal unitPrice, String currency,
			boolean active, Long version, Instant createdAt) {
		this.id = id;
		this.sku = sku;
		this.name = name;
		this.unit = unit;
		this.taxRate = taxRate;
		this.unitPrice = unitPrice;
		this.currency = currency;
		this.active = active;
		this.version = version;
		this.createdAt = createdAt;
	}

	public static Product create(String id, String sku, String name, String unit, BigDecimal taxRate, Money price,
			Instant now) {
		return new Product(id, sku, name, unit, taxRate, price == null ? null : price.amount(),
				price == null ? null : price.currencyCode(), true, null, now);
	}

	public ProductDetails details() {
		return new ProductDetails(this.id, this.sku, this.name, this.unit, this.taxRate,
				this.unitPrice == null ? null : Money.of(this.unitPrice, this.currency), this.active,
				this.version == null ? 0 : this.version);
	}

	public String id() {
		return this.id;
	}

}
