package io.encaisse.invoicing.web;

import java.util.List;

import io.encaisse.customers.CustomerRelationship;
import io.encaisse.invoicing.CustomerInvoices;
import io.encaisse.shared.web.Formats;

import org.springframework.stereotype.Component;

@Component
class InvoicesOfCustomer implements CustomerRelationship {

	private final CustomerInvoices invoicing;

	private final Formats fmt;

	private final io.encaisse.invoicing.InvoiceMail mail;

	InvoicesOfCustomer(CustomerInvoices invoicing, Formats fmt, io.encaisse.invoicing.InvoiceMail mail) {
		this.mail = mail;
		this.invoicing = invoicing;
		this.fmt = fmt;
	}

	@Override
	public List<Section> of(String customerId) {
		return List.of(new Section(3, "nav.invoices",
				this.invoicing.ofCustomer(customerId, Section.SHOWN)
					.stream()
					.map(i -> new Entry(i.number() == null ? i.id() : i.number(), "/invoices/" + i.id(),
							i.overdue() ? "overdue" : i.status().name(), this.fmt.money(i.total()),
							this.fmt.date(i.issueDate())))
					.toList(),
				List.of(new Toggle("invoices.byEmail", this.mail.byEmail(customerId),
						"/invoices/delivery/" + customerId)),
				this.invoicing.count(customerId), "/invoices?customerId=" + customerId));
	}

}
