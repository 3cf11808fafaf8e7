package io.encaisse.payments;

import java.math.BigDecimal;
import java.util.List;

import io.encaisse.payments.domain.Payment;
import io.encaisse.shared.AggregateBatch;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payments a person must look at: received, nothing applied from them yet, not kept
 * on account. The AR clerks' worklist.
 */
@Service
@Transactional(readOnly = true)
public class PaymentQueue {

	private final JdbcClient jdbc;

	private final AggregateBatch aggregates;

	PaymentQueue(JdbcClient jdbc, AggregateBatch aggregates) {
		this.jdbc = jdbc;
		this.aggregates = aggregates;
	}

	/**
	 * The AR clerks' queue: payments nothing was applied from yet, those with the most
	 * certain candidates first, then the largest.
	 */
	public List<PaymentView> of(int limit) {
		List<String> ids = this.jdbc.sql("""
				select id from payment where unallocated > 0 and on_account = false
				order by received_on, id limit :limit""")
			.param("limit", Math.max(1, Math.min(limit, 500)))
			.query(String.class)
			.list();
		// the queue's payments whole in one statement per table, whatever its length
		return this.aggregates.load(Payment.class, ids)
			.stream()
			.map(Payments::view)
			.sorted(java.util.Comparator
				.comparing((PaymentView p) -> p.suggestions().isEmpty() ? BigDecimal.ZERO
						: p.suggestions().get(0).confidence())
				.reversed()
				.thenComparing(p -> p.amount().amount(), java.util.Comparator.reverseOrder()))
			.toList();
	}

	/** How many payments wait for a person. */
	public int waiting() {
		return this.jdbc.sql("select count(*) from payment where unallocated > 0 and on_account = false")
			.query(Integer.class)
			.single();
	}

}
