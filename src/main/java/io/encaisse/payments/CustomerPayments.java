package io.encaisse.payments;

import java.time.LocalDate;
import java.util.List;

import io.encaisse.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's payments as the customer's page lists them: one row each from one
 * statement (issue 28: each payment was loaded whole before, with its allocations and
 * suggestions, two more statements apiece).
 */
@Service
@Transactional(readOnly = true)
public class CustomerPayments {

	/** A line of the list. */
	public record Summary(String id, String reference, PaymentStatus status, Money amount, LocalDate receivedOn) {
	}

	private final JdbcClient jdbc;

	CustomerPayments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many payments the customer made. */
	public long count(String customerId) {
		return this.jdbc.sql("select count(*) from payment where customer_id = :customer")
			.param("customer", customerId)
			.query(Long.class)
			.single();
	}

	/** The newest, at most {@code limit}. */
	public List<Summary> of(String customerId, int limit) {
		return this.jdbc.sql("""
				select id, reference, status, amount, currency, received_on from payment
				where customer_id = :customer order by id desc limit :limit""")
			.param("customer", customerId)
			.param("limit", limit)
			.query((rs, n) -> new Summary(rs.getString("id"), rs.getString("reference"),
					PaymentStatus.valueOf(rs.getString("status")),
					Money.of(rs.getBigDecimal("amount"), rs.getString("currency")),
					rs.getObject("received_on", LocalDate.class)))
			.list();
	}

}
