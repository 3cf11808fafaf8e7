package io.encaisse.orders.intake;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.encaisse.orders.OrderRequest;
import io.encaisse.shared.Csv;
import io.encaisse.shared.Problem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Orders from a CSV file: one line per order line, the lines of one order together. */
final class CsvOrderFile {

	private CsvOrderFile() {
	}

	/** The contract's spellings of the CSV columns, beside ours. */
	static final java.util.Map<String, String> COLUMN_ALIASES = java.util.Map.of("sku", "item", "external_reference",
			"reference");

	/**
	 * {@code customer,reference,item,quantity[,unit_price,currency,requested_delivery,description]};
	 * {@code sku} may stand for {@code item} and {@code external_reference} for
	 * {@code reference} (the spelling of the API contract).
	 */
	static List<OrderRequest> read(Reader in) {
		List<OrderRequest> orders = new ArrayList<>();
		Problem.Errors errors = new Problem.Errors();
		read(in, errors, orders::add);
		errors.throwIfAny();
		return orders;
	}

	/**
	 * Streams a CSV: each order is handed over once its last line is read, so a file of
	 * any length is read in little memory. The lines of one order (same customer, same
	 * reference) follow one another; a reference that comes back further down is an error
	 * at that line. A line without a reference is an order of its own. What cannot be
	 * read is added to {@code errors} with its line, and reading goes on.
	 */
	static void read(Reader in, Problem.Errors errors, Consumer<OrderRequest> each) {
		CsvOrders orders = new CsvOrders(errors, each);
		Csv.read(in, List.of("customer", "item", "quantity"), COLUMN_ALIASES, orders::row);
		orders.flush();
	}

	private static final class CsvOrders {

		private final Problem.Errors errors;

		private final Consumer<OrderRequest> each;

		/** The keys of the orders already handed over (those with a reference). */
		private final java.util.Set<String> done = new java.util.HashSet<>();

		private String key;

		private OrderRequest order;

		private List<OrderRequest.Line> lines;

		private boolean skipping;

		CsvOrders(Problem.Errors errors, Consumer<OrderRequest> each) {
			this.errors = errors;
			this.each = each;
		}

		void row(Csv.Row row) {
			String customer = row.get("customer");
			String reference = row.get("reference");
			if (customer == null || customer.isBlank()) {
				this.errors.addAtLine(row.line(), "customer", "is required");
				return;
			}
			LocalDate requested = null;
			String date = row.get("requested_delivery");
			if (date != null && !date.isBlank()) {
				try {
					requested = LocalDate.parse(date.trim());
				}
				catch (DateTimeParseException ex) {
					this.errors.addAtLine(row.line(), "requested_delivery", "must be a date written 2026-12-31");
				}
			}
			boolean referenced = reference != null && !reference.isBlank();
			// one order per customer and reference; without a reference, one per line
			String next = customer.trim() + "\u0000" + (referenced ? reference.trim() : "line:" + row.line());
			if (!next.equals(this.key)) {
				flush();
				this.key = next;
				if (referenced && !this.done.add(next)) {
					this.errors.addAtLine(row.line(), "reference", "order " + reference.trim() + " of "
							+ customer.trim()
							+ " already ended further up; keep the lines of an order together, one after the other");
					this.skipping = true;
					return;
				}
				this.skipping = false;
				this.order = new OrderRequest("CSV", blank(reference), customer.trim(), blank(row.get("currency")),
						null, requested, null, row.line());
				this.lines = new ArrayList<>();
			}
			if (!this.skipping) {
				this.lines.add(new OrderRequest.Line(row.get("item"), blank(row.get("description")),
						row.get("quantity"), blank(row.get("unit_price"))));
			}
		}

		void flush() {
			if (this.order != null && !this.skipping) {
				OrderRequest o = this.order;
				this.each.accept(new OrderRequest(o.channel(), o.externalReference(), o.customer(), o.currency(),
						o.orderedOn(), o.requestedDelivery(), this.lines, o.fileLine()));
			}
			this.order = null;
			this.lines = null;
			this.key = null;
			this.skipping = false;
		}

	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

}
