package io.encaisse.invoicing.web;

import java.util.ArrayList;
import java.util.List;

import io.encaisse.invoicing.InvoiceDraftInput;

/** The manual invoice form: a customer, lines, one allowance and one charge. */
public class InvoiceForm {

	private String customerId;

	private String reason;

	private List<Line> lines = new ArrayList<>();

	private String allowanceReason;

	private String allowanceAmount;

	private String chargeReason;

	private String chargeAmount;

	static InvoiceForm blank(String customerId, int rows) {
		InvoiceForm form = new InvoiceForm();
		form.customerId = customerId;
		for (int i = 0; i < rows; i++) {
			form.lines.add(new Line());
		}
		return form;
	}

	void pad(int rows) {
		while (this.lines.size() < rows) {
			this.lines.add(new Line());
		}
	}

	InvoiceDraftInput toInput() {
		List<InvoiceDraftInput.LineInput> in = this.lines.stream()
			.filter(l -> blank(l.getSku()) != null || blank(l.getDescription()) != null)
			.map(l -> new InvoiceDraftInput.LineInput(blank(l.getSku()), blank(l.getDescription()), null,
					decimal(l.getQuantity()), decimal(l.getUnitPrice()), decimal(l.getDiscountPercent()),
					blank(l.getTaxRate())))
			.toList();
		List<InvoiceDraftInput.AdjustmentInput> allowances = blank(this.allowanceAmount) == null ? List.of() : List
			.of(new InvoiceDraftInput.AdjustmentInput(this.allowanceReason, decimal(this.allowanceAmount), null));
		List<InvoiceDraftInput.AdjustmentInput> charges = blank(this.chargeAmount) == null ? List.of()
				: List.of(new InvoiceDraftInput.AdjustmentInput(this.chargeReason, decimal(this.chargeAmount), null));
		return new InvoiceDraftInput(blank(this.customerId), null, null, blank(this.reason), in, allowances, charges);
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	/** A decimal comma accepted, as people type it in France. */
	private static String decimal(String s) {
		return blank(s) == null ? null : s.trim().replace(" ", "").replace(',', '.');
	}

	public String getCustomerId() {
		return this.customerId;
	}

	public void setCustomerId(String customerId) {
		this.customerId = customerId;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public List<Line> getLines() {
		return this.lines;
	}

	public void setLines(List<Line> lines) {
		this.lines = lines;
	}

	public String getAllowanceReason() {
		return this.allowanceReason;
	}

	public void setAllowanceReason(String allowanceReason) {
		this.allowanceReason = allowanceReason;
	}

	public String getAllowanceAmount() {
		return this.allowanceAmount;
	}

	public void setAllowanceAmount(String allowanceAmount) {
		this.allowanceAmount = allowanceAmount;
	}

	public String getChargeReason() {
		return this.chargeReason;
	}

	public void setChargeReason(String chargeReason) {
		this.chargeReason = chargeReason;
	}

	public String getChargeAmount() {
		return this.chargeAmount;
	}

	public void setChargeAmount(String chargeAmount) {
		this.chargeAmount = chargeAmount;
	}

	/** One line: a product (priced by the price book unless typed) or a described one. */
	public static class Line {

		private String sku;

		private String description;

		private String quantity;

		private String unitPrice;

		private String discountPercent;

		private String taxRate;

		public String getSku() {
			return this.sku;
		}

		public void setSku(String sku) {
			this.sku = sku;
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
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

		public String getTaxRate() {
			return this.taxRate;
		}

		public void setTaxRate(String taxRate) {
			this.taxRate = taxRate;
		}

	}

}
