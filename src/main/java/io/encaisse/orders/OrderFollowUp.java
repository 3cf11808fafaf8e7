package io.encaisse.orders;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.shared.AfterCommit;
import io.encaisse.shared.SignedLinks;
import io.encaisse.shared.Today;
import io.encaisse.shared.mail.MailComposer;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The customer follows their order: a confirmation mailed through the one outbox when it
 * is confirmed, with a signed link (valid a year) to a page showing its status, what was
 * delivered and how many invoices were issued.
 */
@Component
public class OrderFollowUp implements MailComposer {

	private final Orders orders;

	private final Customers customers;

	private final SignedLinks links;

	private final MessageSource messages;

	private final Today today;

	private final OrderConfirmations confirmations;

	OrderFollowUp(OrderConfirmations confirmations, Orders orders, Customers customers, SignedLinks links,
			MessageSource messages, Today today) {
		this.orders = orders;
		this.customers = customers;
		this.links = links;
		this.messages = messages;
		this.today = today;
		this.confirmations = confirmations;
	}

	/** The customer's link to follow the order. */
	public String link(String orderId) {
		this.orders.get(orderId);
		return this.links.url("/portal/orders/"
				+ this.links.token("order", this.today.instant().plus(366, ChronoUnit.DAYS), orderId));
	}

	/** The order a link opens. */
	public OrderView open(String token) {
		String[] fields = this.links.fields("order", token);
		if (fields.length != 1) {
			throw new io.encaisse.shared.Problem.NotFound("link", "(this link is not valid)");
		}
		return this.orders.get(fields[0]);
	}

	/** Mailed at once: an order confirmed on its own. */
	@AfterCommit
	void on(OrderConfirmed confirmed) {
		this.confirmations.sendNow(confirmed.orderId());
	}

	/**
	 * A handful of a file's orders are mailed at once; more are left to the outbox's job.
	 */
	@AfterCommit
	void on(OrdersConfirmed confirmed) {
		if (confirmed.orders().size() <= AT_ONCE) {
			confirmed.orders().forEach(o -> this.confirmations.sendNow(o.orderId()));
		}
	}

	static final int AT_ONCE = 20;

	@Override
	public Set<String> kinds() {
		return Set.of(OrderConfirmations.KIND);
	}

	@Override
	public String documentType(String kind) {
		return Orders.DOCUMENT;
	}

	@Override
	public String auditAction(String kind, String status) {
		return "SENT".equals(status) ? "confirmation mailed" : "confirmation not mailed";
	}

	/** The confirmation with the link to follow the order, in the customer's language. */
	@Override
	public Composed compose(Queued mail) {
		OrderView order = this.orders.get(mail.subjectId());
		CustomerDetails customer = this.customers.get(order.customerId());
		// no address: the outbox skips it, saying so
		String to = customer.email();
		Locale locale = Locale.forLanguageTag(customer.language() == null ? "fr" : customer.language());
		Object[] args = { order.number(), order.totals().total().toPlainString() + " " + order.currency(),
				order.externalReference() == null ? "-" : order.externalReference(), link(order.id()) };
		return new Composed(to, this.messages.getMessage("mail.order.subject", args, locale),
				this.messages.getMessage("mail.order.body", args, locale), List.of());
	}

}
