package io.encaisse.invoicing.billing;

import java.math.BigDecimal;

import io.encaisse.catalog.Catalog;
import io.encaisse.catalog.ProductDetails;
import io.encaisse.customers.CustomerDetails;
import io.encaisse.shared.VatTreatment;

import org.springframework.stereotype.Component;

/**
 * How VAT applies to a billed line for this buyer: the product's rate at home, reverse
 * charge, intra-community supply or export abroad ({@link VatTreatment}), with the
 * product's exemption wording when it is exempt.
 */
@Component
class LineTreatments {

	private final Catalog catalog;

	LineTreatments(Catalog catalog) {
		this.catalog = catalog;
	}

	VatTreatment of(CustomerDetails customer, String unit, String sku, BigDecimal rate) {
		String exemption = rate.signum() == 0 && sku != null
				? this.catalog.findBySku(sku).map(ProductDetails::exemptionReason).orElse(null) : null;
		return VatTreatment.of(customer.billingAddress().country(), customer.vatNumber(), VatTreatment.isService(unit),
				rate, exemption);
	}

	VatTreatment of(CustomerDetails customer, VatShares.Line line) {
		return of(customer, line.unit(), line.sku(), line.rate());
	}

}
