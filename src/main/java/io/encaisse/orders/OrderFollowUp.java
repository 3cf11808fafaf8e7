package io.encaisse.orders;

import java.time.temporal.ChronoUnit;
import java.util.Locale;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.shared.AfterCommit;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.SignedLinks;
import io.encaisse.shared.Today;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The customer follows their order: a confirmation mailed when it is confirmed, with a
 * signed link (valid a year) to a page showing its status, what was delivered and how
 * many invoices were issued.
 */
@Component
public class OrderFollowUp {

	private final Orders orders;

	private final Customers customers;

	private final SignedLinks links;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final Today today;

	private final JavaMailSender mail;

	private final String from;

	private final OrderConfirmations confirmations;

	OrderFollowUp(OrderConfirmations confirmations, Orders orders, Customers customers, SignedLinks links,
			MessageSource messages, AuditTrail audit, Today today, ObjectProvider<JavaMailSender> mail,
			@Value("${encaisse.seller.email:facturation@atelier-numerique.example}") String from) {
		this.orders = orders;
		this.customers = customers;
		this.links = links;
		this.messages = messages;
		this.audit = audit;
		this.today = today;
		this.mail = mail.getIfAvailable();
		this.from = from;
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
		mailIfDue(confirmed.orderId());
	}

	/** A handful of a file's orders are mailed at once; more are left to the job. */
	@AfterCommit
	void on(OrdersConfirmed confirmed) {
		if (confirmed.orders().size() <= AT_ONCE) {
			confirmed.orders().forEach(o -> mailIfDue(o.orderId()));
		}
	}

	static final int AT_ONCE = 20;

	/** Mails the confirmations due (new ones, and failed ones whose delay has passed). */
	public int mailDue() {
		int mailed = 0;
		for (String orderId : this.confirmations.due(200)) {
			if (mailIfDue(orderId)) {
				mailed++;
			}
		}
		return mailed;
	}

	/** Mails one confirmation unless it was mailed or someone else is mailing it. */
	boolean mailIfDue(String orderId) {
		if (!this.confirmations.take(orderId)) {
			return false;
		}
		try {
			return confirm(orderId);
		}
		catch (RuntimeException ex) {
			// whatever failed before the mail could leave (the order, the customer, the
			// link) counts as an attempt, so that it is not taken again for ever; once it
			// left, it is not sent again
			boolean left = this.confirmations.of(orderId).map(c -> "SENT".equals(c.status())).orElse(false);
			if (!left) {
				this.confirmations.failed(orderId, ex.toString(), true);
			}
			return left;
		}
	}

	/** Mails the confirmation with the link; answers whether it left. */
	private boolean confirm(String orderId) {
		OrderView order = this.orders.get(orderId);
		CustomerDetails customer = this.customers.get(order.customerId());
		String to = customer.email();
		String error = null;
		if (to == null || to.isBlank()) {
			error = "the customer has no billing email";
		}
		else if (this.mail == null) {
			error = "no SMTP server is configured (SPRING_MAIL_HOST)";
		}
		else {
			try {
				Locale locale = Locale.forLanguageTag(customer.language() == null ? "fr" : customer.language());
				Object[] args = { order.number(), order.totals().total().toPlainString() + " " + order.currency(),
						order.externalReference() == null ? "-" : order.externalReference(), link(orderId) };
				MimeMessage message = this.mail.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
				helper.setFrom(this.from);
				helper.setTo(to);
				helper.setSubject(this.messages.getMessage("mail.order.subject", args, locale));
				helper.setText(this.messages.getMessage("mail.order.body", args, locale));
				this.mail.send(message);
			}
			catch (jakarta.mail.MessagingException | RuntimeException ex) {
				error = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
			}
		}
		// the outcome first (its own transaction), the audit after
		if (error == null) {
			this.confirmations.sent(orderId);
		}
		else {
			// without an address, trying again cannot help
			this.confirmations.failed(orderId, error, to != null && !to.isBlank());
		}
		this.audit.record(Orders.DOCUMENT, orderId, error == null ? "confirmation mailed" : "confirmation not mailed",
				AuditTrail.changes("to", to, "reason", error));
		return error == null;
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class Schedule {

		@org.springframework.context.annotation.Bean
		com.github.kagkarlsson.scheduler.task.helper.RecurringTask<Void> orderConfirmationMailing(
				ObjectProvider<OrderFollowUp> followUp,
				@Value("${encaisse.orders.confirmations-interval:PT30S}") java.time.Duration every) {
			return com.github.kagkarlsson.scheduler.task.helper.Tasks
				.recurring("order-confirmations", com.github.kagkarlsson.scheduler.task.schedule.FixedDelay.of(every))
				.execute((instance, context) -> followUp.getObject().mailDue());
		}

	}

}
