package io.encaisse.quotes.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.encaisse.quotes.QuoteInput;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The quote page's form: a customer, a validity date and a few line rows; blank rows are
 * ignored.
 */
public class QuoteForm {

	private String customerId;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate validUntil;

	private String notes;

	private String depositPercent;

	private List<LineForm> lines = new ArrayList<>();

	private String paymentTermsDays;

	private String conditions;

	public String getPaymentTermsDays() {
		return this.paymentTermsDays;
	}

	public void setPaymentTermsDays(String paymentTermsDays) {
		this.paymentTermsDays = paymentTermsDays;
	}

	public String getConditions() {
		return this.conditions;
	}

	public void setConditions(String conditions) {
		this.conditions = conditions;
	}

	static QuoteForm blank(String customerId, LocalDate validUntil, int rows) {
		QuoteForm form = new QuoteForm();
		form.customerId = customerId;
		form.validUntil = validUntil;
		for (int i = 0; i < rows; i++) {
			form.lines.add(new LineForm());
		}
		return form;
	}

	QuoteInput toInput() {
		List<QuoteInput.LineInput> in = this.lines.stream()
			.filter(l -> blank(l.getSku()) != null || blank(l.getDescription()) != null)
			.map(l -> {
				// a recurring line is chosen with its period: RECURRING:MONTHLY
				String billing = blank(l.getBilling());
				String period = null;
				if (billing != null && billing.startsWith("RECURRING:")) {
					period = billing.substring("RECURRING:".length());
					billing = io.encaisse.shared.BillingTerm.RECURRING.name();
				}
				return new QuoteInput.LineInput(blank(l.getSku()), l.getQuantity(), blank(l.getUnitPrice()),
						blank(l.getDiscountPercent()), blank(l.getDescription()), blank(l.getTaxRate()), null,
						l.isOptional(), billing, period);
			})
			.toList();
		Integer terms = null;
		if (blank(this.paymentTermsDays) != null) {
			try {
				terms = Integer.valueOf(this.paymentTermsDays.strip());
			}
			catch (NumberFormatException ex) {
				throw new io.encaisse.shared.Problem.Invalid("paymentTermsDays", "must be a number of days");
			}
		}
		return new QuoteInput(this.customerId, null, this.validUntil, this.notes, in,
				this.depositPercent == null ? null : blank(this.depositPercent.replace(',', '.')), terms,
				blank(this.conditions), true);
	}

	/**
	 * The current revision, ready to change: a price typed by hand stays typed, a price
	 * from the price book is asked again (the book may have moved since).
	 */
	static QuoteForm from(io.encaisse.quotes.QuoteView quote, int extraRows) {
		QuoteForm form = new QuoteForm();
		form.customerId = quote.customerId();
		form.validUntil = quote.validUntil();
		form.notes = quote.notes();
		form.depositPercent = quote.depositPercent() == null ? null
				: quote.depositPercent().stripTrailingZeros().toPlainString();
		form.paymentTermsDays = quote.paymentTermsDays() == null ? null : quote.paymentTermsDays().toString();
		form.conditions = quote.conditions();
		for (var l : quote.lines()) {
			LineForm line = new LineForm();
			boolean offCatalog = io.encaisse.quotes.Quotes.OFF_CATALOG_SKU.equals(l.sku());
			line.setSku(offCatalog ? null : l.sku());
			line.setDescription(offCatalog ? l.description() : null);
			line.setTaxRate(offCatalog ? l.taxRate().toPlainString() : null);
			line.setQuantity(l.quantity().stripTrailingZeros().toPlainString());
			boolean typed = offCatalog || "MANUAL".equals(l.priceSource());
			line.setUnitPrice(typed ? l.unitPrice().amount().stripTrailingZeros().toPlainString() : null);
			line.setDiscountPercent(l.discountPercent().signum() == 0 ? null
					: l.discountPercent().stripTrailingZeros().toPlainString());
			line.setOptional(l.optional());
			line.setBilling(
					io.encaisse.shared.BillingTerm.RECURRING.is(l.billing()) ? "RECURRING:" + l.period() : l.billing());
			form.lines.add(line);
		}
		for (int i = 0; i < extraRows; i++) {
			form.lines.add(new LineForm());
		}
		return form;
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	public String getCustomerId() {
		return this.customerId;
	}

	public void setCustomerId(String customerId) {
		this.customerId = customerId;
	}

	public LocalDate getValidUntil() {
		return this.validUntil;
	}

	public void setValidUntil(LocalDate validUntil) {
		this.validUntil = validUntil;
	}

	public String getDepositPercent() {
		return this.depositPercent;
	}

	public void setDepositPercent(String depositPercent) {
		this.depositPercent = depositPercent;
	}

	public String getNotes() {
		return this.notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

	public List<LineForm> getLines() {
		return this.lines;
	}

	public void setLines(List<LineForm> lines) {
		this.lines = lines;
	}

	public static class LineForm {

		private String sku;

		private String quantity;

		private String unitPrice;

		private String discountPercent;

		private String description;

		private String taxRate;

		private String billing;

		private boolean optional;

		public String getBilling() {
			return this.billing;
		}

		public void setBilling(String billing) {
			this.billing = billing;
		}

		public boolean isOptional() {
			return this.optional;
		}

		public void setOptional(boolean optional) {
			this.optional = optional;
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public String getTaxRate() {
			return this.taxRate;
		}

		public void setTaxRate(String taxRate) {
			this.taxRate = taxRate;
		}

		public String getSku() {
			return this.sku;
		}

		public void setSku(String sku) {
			this.sku = sku;
		}

		public String getQuantity() {
			return this.quantity;
		}

		public void setQuantity(String quantity) {
			this.quantity = quantity;
		}

		public String getUnitPrice() {
			return this.unitPrice;
		}

		public void setUnitPrice(String unitPrice) {
			this.unitPrice = unitPrice;
		}

		public String getDiscountPercent() {
			return this.discountPercent;
		}

		public void setDiscountPercent(String discountPercent) {
			this.discountPercent = discountPercent;
		}

	}

}
