package io.encaisse.invoicing.documents;

import java.util.List;

import io.encaisse.shared.documents.Letterhead;

import org.springframework.stereotype.Component;

/**
 * The letterhead every printed document shares (invoices here, quotes in their module):
 * the seller's mandatory mentions and the company's layout (colour, logo).
 */
@Component
class CompanyLetterhead implements Letterhead.Source {

	private final Seller seller;

	private final InvoiceLayout layout;

	CompanyLetterhead(Seller seller, InvoiceLayout layout) {
		this.seller = seller;
		this.layout = layout;
	}

	@Override
	public Letterhead current(String language) {
		var t = Labels.of(language);
		InvoiceLayout.Layout look = this.layout.current();
		return new Letterhead(this.seller.name(),
				List.of(this.seller.street(), this.seller.postalCode() + " " + this.seller.city(),
						this.seller.legalForm() + " " + t.get("capital") + " " + this.seller.shareCapital(),
						"SIREN " + this.seller.siren() + " · " + t.get("vat") + " " + this.seller.vatNumber(),
						this.seller.email()),
				look.colour(), look.logo());
	}

}
