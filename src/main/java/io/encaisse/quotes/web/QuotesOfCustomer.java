package io.encaisse.quotes.web;

import java.util.List;

import io.encaisse.customers.CustomerRelationship;
import io.encaisse.quotes.Quotes;
import io.encaisse.shared.web.Formats;

import org.springframework.stereotype.Component;

@Component
class QuotesOfCustomer implements CustomerRelationship {

	private final Quotes quotes;

	private final Formats fmt;

	QuotesOfCustomer(Quotes quotes, Formats fmt) {
		this.quotes = quotes;
		this.fmt = fmt;
	}

	@Override
	public List<Section> of(String customerId) {
		return List.of(new Section(1, "nav.quotes",
				this.quotes.ofCustomer(customerId)
					.stream()
					.map(q -> new Entry(q.number(), "/quotes/" + q.id(), q.status().name(),
							this.fmt.money(q.totals().total()), this.fmt.date(q.issueDate())))
					.toList()));
	}

}
