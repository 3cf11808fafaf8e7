package io.encaisse.collections;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.shared.Ids;
import io.encaisse.shared.LocalizedText;
import io.encaisse.shared.Today;
import io.encaisse.shared.mail.MailComposer;
import io.encaisse.shared.mail.MailOutbox;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statement of account mailed on demand (a customer asks where they stand): queued
 * through the outbox, composed when it leaves with the statement of that day attached and
 * the link to the customer's account.
 */
@Component
public class StatementMail implements MailComposer {

	static final String MAIL_KIND = "STATEMENT";

	private final MailOutbox outbox;

	private final Customers customers;

	private final CustomerStatements statements;

	private final StatementPdf pdf;

	private final CustomerAccountLinks links;

	private final MessageSource messages;

	private final Today today;

	StatementMail(MailOutbox outbox, Customers customers, CustomerStatements statements, StatementPdf pdf,
			CustomerAccountLinks links, MessageSource messages, Today today) {
		this.outbox = outbox;
		this.customers = customers;
		this.statements = statements;
		this.pdf = pdf;
		this.links = links;
		this.messages = messages;
		this.today = today;
	}

	/** Queues the customer's statement of today; answers the outbox row. */
	@Transactional
	public MailOutbox.Sending send(String customerId) {
		return send(customerId, null);
	}

	/**
	 * Queues the customer's statement at a date (today by default); answers the outbox
	 * row.
	 */
	@Transactional
	public MailOutbox.Sending send(String customerId, java.time.LocalDate asOf) {
		java.time.LocalDate day = asOf == null ? this.today.date() : asOf;
		if (day.isAfter(this.today.date())) {
			throw new io.encaisse.shared.Problem.Invalid("asOf", "must not be after today (" + this.today.date() + ")");
		}
		CustomerDetails customer = this.customers.get(customerId);
		if (customer.email() == null || customer.email().isBlank()) {
			throw new io.encaisse.shared.Problem.StateConflict("the customer has no billing email");
		}
		String key = MAIL_KIND + ":" + customerId + ":" + Ids.next("st");
		// the label keeps the statement's date: the mail says where the account stood
		// then
		this.outbox
			.queue(List.of(new MailOutbox.ToQueue(MAIL_KIND, customerId, key, day.toString(), customer.email())));
		return this.outbox.byKey(key).orElseThrow();
	}

	@Override
	public Set<String> kinds() {
		return Set.of(MAIL_KIND);
	}

	@Override
	public String documentType(String kind) {
		return "customer";
	}

	@Override
	public String auditAction(String kind, String status) {
		return "SENT".equals(status) ? "statement mailed" : "statement not mailed";
	}

	@Override
	public Composed compose(Queued mail) {
		CustomerDetails customer = this.customers.get(mail.subjectId());
		if (customer.email() == null || customer.email().isBlank()) {
			throw new CannotSend("the customer has no billing email");
		}
		Locale locale = Locale.forLanguageTag("en".equals(customer.language()) ? "en" : "fr");
		java.time.LocalDate asOf = mail.label() == null ? null : java.time.LocalDate.parse(mail.label());
		var statement = this.statements.of(customer.id(), asOf);
		String day = LocalizedText.date(statement.asOf(), locale);
		return new Composed(customer.email(),
				this.messages.getMessage("mail.statement.subject", new Object[] { day }, locale),
				this.messages.getMessage("mail.statement.body",
						new Object[] { customer.name(), day, this.links.of(customer.id()).url() }, locale),
				List.of(new Attachment(("fr".equals(locale.getLanguage()) ? "releve-de-compte-" : "statement-")
						+ statement.asOf() + ".pdf", this.pdf.render(statement), "application/pdf")));
	}

}
