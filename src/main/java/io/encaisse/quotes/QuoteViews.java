package io.encaisse.quotes;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.stream.IntStream;

import io.encaisse.customers.Customers;
import io.encaisse.quotes.domain.Quote;
import io.encaisse.quotes.domain.QuoteLine;
import io.encaisse.shared.LineAmounts;
import io.encaisse.shared.Money;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Quotes as pages and the API show them: the aggregate with what the quote keeps beside
 * it (deposit, payment terms, conditions) and its customer's name, read for a whole page
 * at once (issue 28: a page of quotes costs the same statements whatever its size).
 */
@Component
class QuoteViews {

	private final JdbcClient jdbc;

	private final Customers customers;

	private final Today today;

	QuoteViews(JdbcClient jdbc, Customers customers, Today today) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.today = today;
	}

	QuoteView of(Quote q) {
		return of(List.of(q)).get(0);
	}

	/**
	 * The views of these quotes, with their terms and customers' names read for all of
	 * them at once: a page of quotes costs the same statements whatever its size (issue
	 * 28).
	 */
	List<QuoteView> of(List<Quote> quotes) {
		List<QuoteView> views = new java.util.ArrayList<>(quotes.size());
		for (int from = 0; from < quotes.size(); from += 500) {
			List<Quote> chunk = quotes.subList(from, Math.min(quotes.size(), from + 500));
			java.util.Map<String, QuoteTerms> terms = terms(chunk.stream().map(Quote::id).toList());
			java.util.Map<String, String> names = this.customers
				.namesOf(chunk.stream().map(Quote::customerId).distinct().toList());
			for (Quote q : chunk) {
				views.add(view(q, terms.getOrDefault(q.id(), new QuoteTerms(null, null, null)),
						names.getOrDefault(q.customerId(), q.customerId())));
			}
		}
		return views;
	}

	private QuoteView view(Quote q, QuoteTerms terms, String customerName) {
		Currency currency = Currency.getInstance(q.currency());
		List<QuoteLine> lines = q.lines();
		List<QuoteView.Line> viewLines = IntStream.range(0, lines.size()).mapToObj(i -> {
			QuoteLine l = lines.get(i);
			return new QuoteView.Line(i + 1, l.sku(), l.description(), l.unit(), l.quantity(),
					new Money(l.unitPrice(), currency), l.discountPercent(), l.taxRate(),
					LineAmounts.lineNet(l.amounts(), currency), l.priceSource(), l.optionalLine(), l.billing(),
					l.billingPeriod(), l.chosen());
		}).toList();
		return new QuoteView(q.id(), q.number(), q.customerId(), customerName, q.currency(), q.issueDate(),
				q.validUntil(), q.statusOn(this.today.date()), q.orderId(), q.notes(), viewLines, q.totals(),
				q.sentAt(), q.acceptedAt(), q.acceptedBy(), q.maxDiscount(), q.createdBy(), q.approvedBy(),
				q.approvedAt(), q.approvalReason(), q.version(), terms.depositPercent(), q.revision(),
				terms.paymentTermsDays(), terms.conditions(), q.optionalTotals(), q.recurringTotals());
	}

	/** What a quote keeps beside its aggregate: deposit, payment terms, conditions. */
	record QuoteTerms(BigDecimal depositPercent, Integer paymentTermsDays, String conditions) {
	}

	private java.util.Map<String, QuoteTerms> terms(List<String> quoteIds) {
		java.util.Map<String, QuoteTerms> terms = new java.util.HashMap<>();
		this.jdbc.sql("select id, deposit_percent, payment_terms_days, conditions from quote where id in (:ids)")
			.param("ids", quoteIds)
			.query((java.sql.ResultSet rs) -> {
				terms.put(rs.getString(1),
						new QuoteTerms(rs.getBigDecimal(2), (Integer) rs.getObject(3, Integer.class), rs.getString(4)));
			});
		return terms;
	}

	QuoteTerms terms(String quoteId) {
		return this.jdbc.sql("select deposit_percent, payment_terms_days, conditions from quote where id = :id")
			.param("id", quoteId)
			.query((rs, n) -> new QuoteTerms(rs.getBigDecimal(1), (Integer) rs.getObject(2, Integer.class),
					rs.getString(3)))
			.optional()
			.orElse(new QuoteTerms(null, null, null));
	}

}
