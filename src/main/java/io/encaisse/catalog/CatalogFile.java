package io.encaisse.catalog;

import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	/** How many lines are checked, then written, at a time. */
	static final int BATCH = 2_000;

	/** A line as read; its price's dates are read with the line's other checks. */
	private record Line(int number, String sku, ProductInput product, Csv.Row row) {

		PriceInput price() {
			return this.row.get("price") == null ? null
					: new PriceInput(this.row.get("price_list"), this.row.get("currency"), this.row.get("price"),
							date("valid_from", this.row.get("valid_from")), date("valid_to", this.row.get("valid_to")),
							this.row.get("min_quantity"));
		}

	}

	/**
	 * Reads the file through in batches of {@link #BATCH} lines: each batch is checked by
	 * the catalog's and the price book's own rules (the ones the form and the API use)
	 * and written in a few statements, all in the one transaction of the import. A wrong
	 * line anywhere refuses the whole file; once one is found, the later batches are
	 * still checked (to list every wrong line) but no longer written.
	 */
	@Transactional
	public Imported importCsv(Reader csv) {
		Problem.Errors errors = new Problem.Errors();
		int[] counts = new int[2];
		List<Line> batch = new ArrayList<>(BATCH);
		Csv.read(csv, List.of("sku", "price"), row -> {
			batch
				.add(new Line(row.line(), row.get("sku") == null ? null : row.get("sku").trim(),
						new ProductInput(row.get("sku"), row.get("name"), row.get("unit"), row.get("tax_rate"), null,
								null, row.get("description"), row.get("exemption_reason"), row.get("revenue_account")),
						row));
			if (batch.size() == BATCH) {
				write(batch, errors, counts);
				batch.clear();
			}
		});
		write(batch, errors, counts);
		errors.throwIfAny();
		return new Imported(counts[0], counts[1]);
	}

	private void write(List<Line> batch, Problem.Errors errors, int[] counts) {
		Set<String> skus = new HashSet<>();
		batch.stream().map(Line::sku).filter(java.util.Objects::nonNull).forEach(skus::add);
		Map<String, String> products = new HashMap<>(this.catalog.lockAll(skus));
		Map<String, List<Pricing.ListPrice>> histories = new HashMap<>(this.pricing.histories(products.keySet()));
		List<Catalog.NewProduct> newProducts = new ArrayList<>();
		List<PriceBook.NewPrice> newPrices = new ArrayList<>();
		for (Line line : batch) {
			if (line.sku() == null) {
				errors.addAtLine(line.number(), "sku", "is required");
				continue;
			}
			try {
				if (!products.containsKey(line.sku())) {
					Catalog.NewProduct created = this.catalog.check(line.product(), products::containsKey);
					products.put(line.sku(), created.product().id());
					newProducts.add(created);
				}
				PriceInput input = line.price();
				if (input != null) {
					List<Pricing.ListPrice> history = histories.computeIfAbsent(line.sku(), s -> new ArrayList<>());
					PriceBook.NewPrice price = this.prices.check(line.sku(), products.get(line.sku()), input, history);
					history.add(price.price());
					newPrices.add(price);
				}
			}
			catch (Problem.Refused refused) {
				refusedAt(errors, line.number(), refused);
			}
		}
		if (errors.isEmpty()) {
			this.catalog.createAll(newProducts);
			this.prices.addAll(newPrices);
		}
		counts[0] += newProducts.size();
		counts[1] += newPrices.size();
	}

	private static void refusedAt(Problem.Errors errors, int line, Problem.Refused refused) {
		if (refused.errors().isEmpty()) {
			errors.addAtLine(line, "line", refused.getMessage());
		}
		else {
			errors.addAllAtLine(line, refused.errors());
		}
	}

	private static java.time.LocalDate date(String column, String value) {
		if (value == null) {
			return null;
		}
		try {
			java.time.LocalDate date = java.time.LocalDate.parse(value);
			if (!io.encaisse.shared.BusinessDates.plausible(date)) {
				throw new Problem.Invalid(column, io.encaisse.shared.BusinessDates.RULE);
			}
			return date;
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
		return io.encaisse.shared.Csv.line(values);
	}

}
