package io.encaisse.orders;

import java.util.List;

import io.encaisse.shared.mail.MailOutbox;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Order confirmations in the one outbox (ADR 0020): a row queued with each confirmed
 * order, in its transaction, so that no confirmation is lost and none is mailed for an
 * order that was rolled back; mailed at once for a handful of orders, by the outbox's job
 * for a file's worth, tried again by its policy ({@link OrderFollowUp} writes them).
 */
@Component
public class OrderConfirmations {

	static final String KIND = "ORDER_CONFIRMATION";

	private final MailOutbox outbox;

	OrderConfirmations(MailOutbox outbox) {
		this.outbox = outbox;
	}

	static String key(String orderId) {
		return KIND + ":" + orderId;
	}

	/** One confirmation to mail, in the order's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void queue(String orderId) {
		queueAll(List.of(orderId));
	}

	/** A file's confirmations, in its transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	void queueAll(List<String> orderIds) {
		// the address is the customer's when the mail leaves
		this.outbox.queue(orderIds.stream().map(o -> new MailOutbox.ToQueue(KIND, o, key(o), null, null)).toList());
	}

	/**
	 * Mails it now unless it left or is leaving (whatever its retry wait); answers
	 * whether it left.
	 */
	boolean sendNow(String orderId) {
		return this.outbox.byKey(key(orderId)).map(s -> this.outbox.sendNow(s.id()).left()).orElse(false);
	}

}
