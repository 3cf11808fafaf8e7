package io.encaisse.payments.web;

import java.util.List;

import io.encaisse.customers.CustomerRelationship;
import io.encaisse.payments.Payments;
import io.encaisse.shared.web.Formats;

import org.springframework.stereotype.Component;

@Component
class PaymentsOfCustomer implements CustomerRelationship {

	private final io.encaisse.payments.CustomerPayments customerPayments;

	private final Payments payments;

	private final Formats fmt;

	private final io.encaisse.payments.DirectDebits directDebits;

	PaymentsOfCustomer(Payments payments, Formats fmt, io.encaisse.payments.DirectDebits directDebits,
			io.encaisse.payments.CustomerPayments customerPayments) {
		this.customerPayments = customerPayments;
		this.payments = payments;
		this.fmt = fmt;
		this.directDebits = directDebits;
	}

	@Override
	public List<Section> of(String customerId) {
		List<Entry> credit = this.payments.creditOf(customerId)
			.stream()
			.map(m -> new Entry("", "/payments/queue", "CREDIT", this.fmt.money(m), ""))
			.toList();
		List<Entry> mandates = this.directDebits.mandates(customerId)
			.stream()
			.map(m -> new Entry(m.reference() + " · " + m.iban(), "/customers/" + customerId, m.status(), "",
					this.fmt.date(m.signedOn())))
			.toList();
		java.util.List<Section> sections = new java.util.ArrayList<>();
		sections.add(new Section(4, "nav.payments",
				this.customerPayments.of(customerId, Section.SHOWN)
					.stream()
					.map(p -> new Entry(p.reference() == null ? p.id() : p.reference(), "/payments/" + p.id(),
							p.status().name(), this.fmt.money(p.amount()), this.fmt.date(p.receivedOn())))
					.toList(),
				List.of(), this.customerPayments.count(customerId), null));
		if (!credit.isEmpty()) {
			sections.add(new Section(5, "payments.credit", credit));
		}
		if (!mandates.isEmpty()) {
			sections.add(new Section(6, "payments.mandates", mandates));
		}
		return sections;
	}

}
