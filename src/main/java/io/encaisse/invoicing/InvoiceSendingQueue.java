package io.encaisse.invoicing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.shared.mail.MailOutbox;

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

	private final MailOutbox outbox;

	InvoiceSendingQueue(JdbcClient jdbc, MailOutbox outbox) {
		this.jdbc = jdbc;
		this.outbox = outbox;
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
		List<MailOutbox.ToQueue> mails = new ArrayList<>();
		customerOfInvoice.forEach((invoiceId, customerId) -> {
			String to = emails.get(customerId);
			if (to != null) {
				mails.add(new MailOutbox.ToQueue(InvoiceMail.INVOICE, invoiceId, InvoiceMail.INVOICE + ":" + invoiceId,
						null, to));
			}
		});
		this.outbox.queue(mails);
	}

}
