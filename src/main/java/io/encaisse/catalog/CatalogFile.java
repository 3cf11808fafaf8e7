package io.encaisse.catalog;

import java.io.Reader;
import java.io.Writer;
import java.util.List;

import io.encaisse.shared.Csv;
import io.encaisse.shared.Problem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Products and prices as a CSV file, in and out. One line per price: a line whose SKU is
 * new creates the product, and each line with a {@code price} adds a dated price. The
 * import is all or nothing: any wrong line refuses the whole file, with every line and
 * reason.
 */
@Service
public class CatalogFile {

	public static final List<String> COLUMNS = List.of("sku", "name", "unit", "tax_rate", "price", "currency",
			"valid_from", "valid_to", "min_quantity", "price_list");

	private final Catalog catalog;

	private final PriceBook prices;

	private final Pricing pricing;

	CatalogFile(Catalog catalog, PriceBook prices, Pricing pricing) {
		this.catalog = catalog;
		this.prices = prices;
		this.pricing = pricing;
	}

	public record Imported(int products, int prices) {
	}

	@Transactional
	public Imported importCsv(Reader csv) {
		Problem.Errors errors = new Problem.Errors();
		int[] counts = new int[2];
		Csv.read(csv, List.of("sku", "price"), row -> {
			try {
				String sku = row.get("sku");
				if (sku == null) {
					errors.addAtLine(row.line(), "sku", "is required");
					return;
				}
				if (this.catalog.findBySku(sku).isEmpty()) {
					this.catalog
						.create(new ProductInput(sku, row.get("name"), row.get("unit"), row.get("tax_rate"), null, null,
								row.get("description"), row.get("exemption_reason"), row.get("revenue_account")));
					counts[0]++;
				}
				if (row.get("price") != null) {
					this.prices.addPrice(sku,
							new PriceInput(row.get("price_list"), row.get("currency"), row.get("price"),
									date("valid_from", row.get("valid_from")), date("valid_to", row.get("valid_to")),
									row.get("min_quantity")));
					counts[1]++;
				}
			}
			catch (Problem.Refused refused) {
				if (refused.errors().isEmpty()) {
					errors.addAtLine(row.line(), "line", refused.getMessage());
				}
				else {
					errors.addAllAtLine(row.line(), refused.errors());
				}
			}
		});
		errors.throwIfAny();
		return new Imported(counts[0], counts[1]);
	}

	private static java.time.LocalDate date(String column, String value) {
		if (value == null) {
			return null;
		}
		try {
			return java.time.LocalDate.parse(value);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new Problem.Invalid(column, "'" + value + "' is not a date (YYYY-MM-DD)");
		}
	}

	/** Every product with each of its dated prices, in the import's format. */
	@Transactional(readOnly = true)
	public void exportCsv(Writer out) {
		try {
			out.write(String.join(",", COLUMNS) + "\r\n");
			for (ProductDetails p : this.catalog.all()) {
				List<Pricing.ListPrice> history = this.pricing.history(p.sku());
				if (history.isEmpty()) {
					out.write(line(p, null));
				}
				for (Pricing.ListPrice price : history) {
					out.write(line(p, price));
				}
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static String line(ProductDetails p, Pricing.ListPrice price) {
		List<String> values = List.of(p.sku(), p.name(), p.unit(), p.taxRate().toPlainString(),
				price == null ? "" : price.unitPrice().toUnitPriceString(),
				price == null ? "" : price.unitPrice().currencyCode(),
				price == null ? "" : price.validFrom().toString(),
				price == null || price.validTo() == null ? "" : price.validTo().toString(),
				price == null ? "" : price.minQuantity().stripTrailingZeros().toPlainString(),
				price == null ? "" : price.priceList());
		return String.join(",", values.stream().map(CatalogFile::quote).toList()) + "\r\n";
	}

	private static String quote(String value) {
		// a leading = + - @ would run as a formula in a spreadsheet: quote it with an
		// apostrophe
		String safe = value.matches("^[=+\\-@].*") && !value.matches("^-?\\d.*") ? "'" + value : value;
		return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
				? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
	}

}
