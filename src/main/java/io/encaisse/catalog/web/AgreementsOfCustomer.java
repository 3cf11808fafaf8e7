package io.encaisse.catalog.web;

import java.time.LocalDate;
import java.util.List;

import io.encaisse.catalog.Pricing;
import io.encaisse.customers.CustomerRelationship;
import io.encaisse.shared.Money;
import io.encaisse.shared.Today;
import io.encaisse.shared.web.Formats;

import org.springframework.stereotype.Component;

/** The customer's negotiated prices, first on the customer's page. */
@Component
class AgreementsOfCustomer implements CustomerRelationship {

	private final Pricing pricing;

	private final Formats fmt;

	private final Today today;

	AgreementsOfCustomer(Pricing pricing, Formats fmt, Today today) {
		this.pricing = pricing;
		this.fmt = fmt;
		this.today = today;
	}

	@Override
	public List<Section> of(String customerId) {
		LocalDate date = this.today.date();
		return List.of(new Section(0, "prices.agreements", this.pricing.agreements(customerId)
			.stream()
			.map(a -> new Entry(a.sku(), "/products/" + a.sku(),
					date.isBefore(a.validFrom()) ? "COMING"
							: (a.validTo() != null && date.isAfter(a.validTo())) ? "ENDED" : "ACTIVE",
					a.unitPrice() != null ? this.fmt.unitPrice(Money.of(a.unitPrice(), a.currency()))
							: "−" + this.fmt.percent(a.discountPercent()),
					this.fmt.date(a.validFrom()) + " → " + (a.validTo() == null ? "…" : this.fmt.date(a.validTo()))))
			.toList()));
	}

}
