package io.encaisse.catalog.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;

import io.encaisse.catalog.AgreementInput;
import io.encaisse.catalog.Catalog;
import io.encaisse.catalog.PriceBook;
import io.encaisse.catalog.PriceInput;
import io.encaisse.catalog.Pricing;
import io.encaisse.customers.Customers;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Roles;
import io.encaisse.shared.Today;
import io.encaisse.shared.web.Locations;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Prices")
class PriceApi {

	private final Catalog catalog;

	private final Pricing pricing;

	private final PriceBook prices;

	private final Today today;

	private final Customers customers;

	PriceApi(Catalog catalog, Pricing pricing, PriceBook prices, Today today, Customers customers) {
		this.customers = customers;
		this.catalog = catalog;
		this.pricing = pricing;
		this.prices = prices;
		this.today = today;
	}

	record ListPriceResponse(String id, String sku, String priceList, String currency, String unitPrice,
			String minQuantity, LocalDate validFrom, LocalDate validTo, String createdBy) {

		static ListPriceResponse of(Pricing.ListPrice p) {
			return new ListPriceResponse(p.id(), p.sku(), p.priceList(), p.unitPrice().currencyCode(),
					p.unitPrice().toUnitPriceString(), p.minQuantity().stripTrailingZeros().toPlainString(),
					p.validFrom(), p.validTo(), p.createdBy());
		}

	}

	record AgreementResponse(String id, String customerId, String sku, String currency, String unitPrice,
			String discountPercent, LocalDate validFrom, LocalDate validTo) {

		static AgreementResponse of(Pricing.Agreement a) {
			return new AgreementResponse(a.id(), a.customerId(), a.sku(), a.currency(),
					a.unitPrice() == null ? null : Money.of(a.unitPrice(), a.currency()).toUnitPriceString(),
					a.discountPercent() == null ? null : a.discountPercent().toPlainString(), a.validFrom(),
					a.validTo());
		}

	}

	record ResolvedPrice(String sku, String customerId, String quantity, LocalDate date, String currency,
			String unitPrice, String source, String ruleId, String priceList, LocalDate validFrom, LocalDate validTo) {
	}

	@PostMapping("/api/v1/products/{sku}/prices")
	@PreAuthorize(Roles.MANAGE_CATALOG)
	ResponseEntity<ListPriceResponse> addPrice(@PathVariable String sku, @RequestBody PriceInput input) {
		Pricing.ListPrice price = this.prices.addPrice(sku, input);
		return ResponseEntity.created(Locations.of("/api/v1/products/{sku}/prices", sku))
			.body(ListPriceResponse.of(price));
	}

	@GetMapping("/api/v1/products/{sku}/prices")
	@PreAuthorize(Roles.ANY)
	Cursor.Page<ListPriceResponse> history(@PathVariable String sku) {
		this.catalog.get(sku);
		return new Cursor.Page<>(this.pricing.history(sku).stream().map(ListPriceResponse::of).toList(), false);
	}

	@GetMapping("/api/v1/prices")
	@PreAuthorize(Roles.ANY)
	ResolvedPrice resolve(@RequestParam String sku, @RequestParam(required = false) String customerId,
			@RequestParam(defaultValue = "1") BigDecimal quantity, @RequestParam(required = false) LocalDate date,
			@RequestParam(defaultValue = "EUR") String currency) {
		this.catalog.get(sku);
		if (quantity.signum() <= 0) {
			throw new Problem.Invalid("quantity", "must be greater than zero");
		}
		LocalDate on = date == null ? this.today.date() : date;
		Pricing.Price price = this.pricing.resolve(sku, customerId, quantity, currency, on)
			.orElseThrow(() -> new Problem.NotFound("price of " + sku + " in " + currency + " on", on.toString()));
		return new ResolvedPrice(sku, customerId, quantity.stripTrailingZeros().toPlainString(), on, currency,
				price.unitPrice().toUnitPriceString(), price.source().name(), price.ruleId(), price.priceList(),
				price.validFrom(), price.validTo());
	}

	record PriceListRequest(String priceList) {
	}

	/** The price list a customer buys from. */
	@PutMapping("/api/v1/customers/{id}/price-list")
	@PreAuthorize(Roles.NEGOTIATE_PRICES)
	Map<String, String> assignPriceList(@PathVariable String id, @RequestBody PriceListRequest request) {
		return Map.of("customerId", id, "priceList", this.prices.assignPriceList(id, request.priceList()));
	}

	@GetMapping("/api/v1/price-lists")
	@PreAuthorize(Roles.ANY)
	Map<String, Integer> priceLists() {
		return this.prices.priceLists();
	}

	@PostMapping("/api/v1/customers/{id}/price-agreements")
	@PreAuthorize(Roles.NEGOTIATE_PRICES)
	ResponseEntity<AgreementResponse> addAgreement(@PathVariable String id, @RequestBody AgreementInput input) {
		Pricing.Agreement agreement = this.prices.addAgreement(id, input);
		return ResponseEntity.created(Locations.of("/api/v1/customers/{id}/price-agreements", id))
			.body(AgreementResponse.of(agreement));
	}

	@GetMapping("/api/v1/customers/{id}/price-agreements")
	@PreAuthorize(Roles.ANY)
	Cursor.Page<AgreementResponse> agreements(@PathVariable String id) {
		this.customers.get(id);
		return new Cursor.Page<>(this.pricing.agreements(id).stream().map(AgreementResponse::of).toList(), false);
	}

}
