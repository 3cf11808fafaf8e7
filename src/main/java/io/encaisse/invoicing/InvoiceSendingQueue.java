package io.encaisse.invoicing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mail of issued invoices, queued in the issuing transaction (an outbox): one row per
 * invoice to the customer's billing address unless the customer is set not to receive
 * mails, so a mail is sent once the invoice exists, and only once ({@link InvoiceMail}
 * sends them).
 */
@Component
class InvoiceSendingQueue {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Today today;

	InvoiceSendingQueue(JdbcClient jdbc, JdbcTemplate batch, Today today) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.today = today;
	}

	/** The outbox rows of issued invoices (invoice id to customer id), batched. */
	void queue(Map<String, String> customerOfInvoice, Map<String, CustomerDetails> customerDetails) {
		Set<String> customerIds = new HashSet<>(customerOfInvoice.values());
		Map<String, Boolean> byEmail = new HashMap<>();
		Map<String, String> emails = new HashMap<>();
		for (List<String> chunk : Chunks.of(customerIds)) {
			this.jdbc.sql("select customer_id, by_email from invoice_delivery_setting where customer_id in (:c)")
				.param("c", chunk)
				.query((rs, n) -> byEmail.put(rs.getString(1), rs.getBoolean(2)))
				.list();
		}
		for (String customerId : customerIds) {
			Optional.ofNullable(customerDetails.get(customerId))
				.filter(c -> byEmail.getOrDefault(customerId, true) && c.email() != null && !c.email().isBlank())
				.ifPresent(c -> emails.put(customerId, c.email()));
		}
		java.sql.Timestamp at = java.sql.Timestamp.from(this.today.instant());
		List<Object[]> rows = new ArrayList<>();
		customerOfInvoice.forEach((invoiceId, customerId) -> {
			String to = emails.get(customerId);
			if (to != null) {
				rows.add(new Object[] { Ids.next("snd"), invoiceId, to, at, at });
			}
		});
		for (int from = 0; from < rows.size(); from += 1000) {
			this.batch.batchUpdate("""
					insert into invoice_sending (id, invoice_id, channel, recipient, status, attempts, next_attempt_at,
					  created_at)
					values (?, ?, 'EMAIL', ?, 'QUEUED', 0, ?, ?)""",
					rows.subList(from, Math.min(rows.size(), from + 1000)));
		}
	}

}
