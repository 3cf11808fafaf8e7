package io.encaisse.payments.web;

import java.util.List;

import io.encaisse.customers.CustomerRelationship;
import io.encaisse.payments.Payments;
import io.encaisse.shared.web.Formats;

import org.springframework.stereotype.Component;

@Component
class PaymentsOfCustomer implements CustomerRelationship {

	private final Payments payments;

	private final Formats fmt;

	PaymentsOfCustomer(Payments payments, Formats fmt) {
		this.payments = payments;
		this.fmt = fmt;
	}

	@Override
	public List<Section> of(String customerId) {
		return List.of(new Section(4, "nav.payments",
				this.payments.ofCustomer(customerId)
					.stream()
					.map(p -> new Entry(p.reference() == null ? p.id() : p.reference(), "/payments/" + p.id(),
							p.status().name(), this.fmt.money(p.amount()), this.fmt.date(p.receivedOn())))
					.toList()));
	}

}
