package io.encaisse.invoicing;

import java.util.List;

import io.encaisse.customers.OpenBalances;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What each customer owes, from the open invoices. */
@Component
class CustomerOpenBalances implements OpenBalances {

	private final JdbcClient jdbc;

	private final Today today;

	CustomerOpenBalances(JdbcClient jdbc, Today today) {
		this.jdbc = jdbc;
		this.today = today;
	}

	@Override
	public List<Balance> of(String customerId) {
		return this.jdbc
			.sql("""
					select currency,
					       sum(total - amount_paid - amount_credited) as open_amount,
					       sum(case when due_date < :today then total - amount_paid - amount_credited else 0 end) as overdue,
					       count(*) as invoices
					from invoice
					where customer_id = :customer and kind = 'INVOICE' and status in ('ISSUED', 'PARTIALLY_PAID')
					group by currency order by currency""")
			.param("customer", customerId)
			.param("today", this.today.date())
			.query((rs, i) -> new Balance(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getInt(4)))
			.list();
	}

}
