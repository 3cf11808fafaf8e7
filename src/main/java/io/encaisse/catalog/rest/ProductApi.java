package io.encaisse.catalog.rest;

import java.net.URI;

import io.encaisse.catalog.Catalog;
import io.encaisse.catalog.CatalogFile;
import io.encaisse.catalog.ProductDetails;
import io.encaisse.catalog.ProductInput;
import io.encaisse.shared.Csv;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Roles;
import io.encaisse.shared.web.Locations;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Catalog")
class ProductApi {

	static final long MAX_FILE = 50L * 1024 * 1024;

	private final Catalog catalog;

	private final CatalogFile file;

	ProductApi(Catalog catalog, CatalogFile file) {
		this.catalog = catalog;
		this.file = file;
	}

	record ProductResponse(String id, String sku, String name, String unit, String taxRate, String price,
			String currency, boolean active, long version, String description, String exemptionReason,
			String revenueAccount) {

		static ProductResponse of(ProductDetails p) {
			return new ProductResponse(p.id(), p.sku(), p.name(), p.unit(), p.taxRate().toPlainString(),
					p.price() == null ? null : p.price().toPlainString(),
					p.price() == null ? null : p.price().currencyCode(), p.active(), p.version(), p.description(),
					p.exemptionReason(), p.revenueAccount());
		}

	}

	@PostMapping
	@PreAuthorize(Roles.MANAGE_CATALOG)
	ResponseEntity<ProductResponse> create(@RequestBody ProductInput input) {
		ProductDetails p = this.catalog.create(input);
		return ResponseEntity.created(Locations.of("/api/v1/products/{sku}", p.sku())).body(ProductResponse.of(p));
	}

	/**
	 * Retires a product: it stays on existing documents, and new quotes and orders refuse
	 * it.
	 */
	@PostMapping("/{sku}/retire")
	@PreAuthorize(Roles.MANAGE_CATALOG)
	ProductResponse retire(@PathVariable String sku) {
		return ProductResponse.of(this.catalog.retire(sku));
	}

	/**
	 * Products and dated prices from a CSV file, all or nothing; see
	 * {@link CatalogFile#COLUMNS}.
	 */
	@PostMapping(path = "/import", consumes = { "text/csv", "text/plain" })
	@PreAuthorize(Roles.MANAGE_CATALOG)
	CatalogFile.Imported importCsv(jakarta.servlet.http.HttpServletRequest request) throws java.io.IOException {
		return this.file.importCsv(Csv.utf8(request.getInputStream(), MAX_FILE));
	}

	@GetMapping(path = "/export", produces = "text/csv")
	@PreAuthorize(Roles.ANY)
	void exportCsv(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"catalog.csv\"");
		this.file.exportCsv(response.getWriter());
	}

	@GetMapping("/{sku}")
	@PreAuthorize(Roles.ANY)
	ProductResponse get(@PathVariable String sku) {
		return ProductResponse.of(this.catalog.get(sku));
	}

	@GetMapping
	@PreAuthorize(Roles.ANY)
	Cursor.Page<ProductResponse> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String startingAfter) {
		return this.catalog.list(Cursor.of(limit, startingAfter)).map(ProductResponse::of);
	}

}
