package io.encaisse.invoicing;

import java.util.ArrayList;
import java.util.List;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.invoicing.domain.Invoice;
import io.encaisse.invoicing.domain.InvoiceLine;
import io.encaisse.shared.Problem;
import io.encaisse.shared.VatTreatment;

/**
 * The mandatory mentions an invoice cannot be issued without (DOMAIN.md, "Invoices"): the
 * buyer's full billing address, the buyer's SIREN for a French buyer (2026 e-invoicing
 * reform: Encaisse invoices businesses), the buyer's VAT number where VAT is reverse
 * charged or the supply is intra-community, the legal wording of every line without VAT,
 * and a total that is not negative. Each missing item is named with the field to fix.
 */
final class IssueChecks {

	private IssueChecks() {
	}

	static List<Problem.FieldError> missing(Invoice invoice, CustomerDetails customer) {
		return missing(customer, invoice.lines(), invoice.total().isNegative());
	}

	static List<Problem.FieldError> missing(CustomerDetails customer, List<InvoiceLine> lines, boolean negative) {
		List<Problem.FieldError> missing = new ArrayList<>();
		CustomerDetails.Address a = customer.billingAddress();
		if (a == null || blank(a.line1())) {
			missing
				.add(new Problem.FieldError("customer.billingAddress.line1", "the buyer's street address is missing"));
		}
		if (a == null || blank(a.postalCode())) {
			missing.add(
					new Problem.FieldError("customer.billingAddress.postalCode", "the buyer's postal code is missing"));
		}
		if (a == null || blank(a.city())) {
			missing.add(new Problem.FieldError("customer.billingAddress.city", "the buyer's city is missing"));
		}
		String country = a == null ? null : a.country();
		if (VatTreatment.isDomestic(country) && blank(customer.legalId())) {
			missing.add(new Problem.FieldError("customer.legalId",
					"the buyer's SIREN is missing (mandatory on invoices to French businesses from the 2026 reform)"));
		}
		boolean reverse = lines.stream()
			.map(InvoiceLine::taxCategory)
			.anyMatch(c -> VatTreatment.REVERSE_CHARGE.equals(c) || VatTreatment.INTRA_COMMUNITY.equals(c));
		if (reverse && blank(customer.vatNumber())) {
			missing.add(new Problem.FieldError("customer.vatNumber",
					"the buyer's VAT number is missing (reverse charge and intra-community supplies print it)"));
		}
		if (lines.isEmpty()) {
			missing.add(new Problem.FieldError("lines", "an invoice needs at least one line"));
		}
		for (int i = 0; i < lines.size(); i++) {
			InvoiceLine l = lines.get(i);
			if (blank(l.description())) {
				missing.add(new Problem.FieldError("lines[" + i + "].description", "a line needs a description"));
			}
			if (!VatTreatment.STANDARD.equals(l.taxCategory()) && blank(l.exemptionReason())) {
				missing.add(new Problem.FieldError("lines[" + i + "].exemptionReason",
						"a line without VAT needs its legal wording (set it on product " + l.sku() + ")"));
			}
		}
		if (negative) {
			missing.add(new Problem.FieldError("allowances",
					"the allowances exceed the lines: an invoice cannot be negative, issue a credit note instead"));
		}
		return missing;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
