package io.encaisse.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.invoicing.Invoicing;
import io.encaisse.shared.LocalizedText;
import io.encaisse.shared.Money;
import io.encaisse.shared.Today;
import io.encaisse.shared.mail.MailComposer;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a dunning message when it leaves, in the customer's language: each invoice of
 * the message still open (paid ones since the run are left out; none left, nothing
 * leaves), its days late, what is due, the late-payment interest to date and the fixed
 * indemnity, and how to pay (our IBAN, each invoice's payment reference).
 */
@Component
public class DunningMail implements MailComposer {

	private final JdbcClient jdbc;

	private final Customers customers;

	private final Invoicing invoicing;

	private final LateChargesOfInvoices charges;

	private final MessageSource messages;

	private final Today today;

	private final CustomerStatements statements;

	private final StatementPdf statementPdf;

	private final DunningTemplates templates;

	private final DunningPolicies policies;

	private final CustomerAccountLinks links;

	DunningMail(JdbcClient jdbc, Customers customers, Invoicing invoicing, LateChargesOfInvoices charges,
			MessageSource messages, Today today, CustomerStatements statements, StatementPdf statementPdf,
			DunningTemplates templates, DunningPolicies policies, CustomerAccountLinks links) {
		this.links = links;
		this.templates = templates;
		this.policies = policies;
		this.statements = statements;
		this.statementPdf = statementPdf;
		this.jdbc = jdbc;
		this.customers = customers;
		this.invoicing = invoicing;
		this.charges = charges;
		this.messages = messages;
		this.today = today;
	}

	@Override
	public Set<String> kinds() {
		return Set.of(DunningRuns.MAIL_KIND);
	}

	@Override
	public String documentType(String kind) {
		return "customer";
	}

	@Override
	public String auditAction(String kind, String status) {
		return "SENT".equals(status) ? "reminder mailed" : "reminder not mailed";
	}

	@Override
	public Composed compose(Queued mail) {
		return compose(mail.subjectId(), true);
	}

	/**
	 * The words of a message to print as a letter (the same as its mail, without the
	 * statement: the letter prints it after).
	 */
	Composed letter(String messageId) {
		return compose(messageId, false);
	}

	private Composed compose(String messageId, boolean mailed) {
		record Head(String customerId, int level, String channel, String currency) {
		}
		Head head = this.jdbc.sql("select customer_id, level, channel, currency from dunning_message where id = :id")
			.param("id", messageId)
			.query((rs, n) -> new Head(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
			.optional()
			.orElseThrow(() -> new CannotSend("no dunning message " + messageId));
		CustomerDetails customer = this.customers.get(head.customerId());
		if (mailed && (customer.email() == null || customer.email().isBlank())) {
			throw new CannotSend("the customer has no billing email");
		}
		String policy = this.jdbc.sql("""
				select n.policy_id from dunning_message m
				join dunning_notice n on n.run_id = m.run_id and n.customer_id = m.customer_id and n.level = m.level
				  and n.currency = m.currency
				where m.id = :id fetch first 1 rows only""")
			.param("id", messageId)
			.query(String.class)
			.optional()
			.orElse(null);
		List<Due> dues = this.jdbc
			.sql("""
					select r.invoice_id, r.number, r.issue_date, r.due_date, r.open_amount - coalesce(d.disputed, 0)
					from dunning_message m
					join dunning_notice n on n.run_id = m.run_id and n.customer_id = m.customer_id and n.level = m.level
					  and n.currency = m.currency
					join invoicing_receivable r on r.invoice_id = n.invoice_id
					left join (select invoice_id, sum(amount) as disputed from invoice_dispute where status = 'OPEN'
					           group by invoice_id) d on d.invoice_id = r.invoice_id
					where m.id = :id and r.status in ('ISSUED', 'PARTIALLY_PAID')
					  and r.open_amount - coalesce(d.disputed, 0) > 0
					  and not exists (select 1 from payment_promise_invoice pi join payment_promise p on p.id = pi.promise_id
					                  where pi.invoice_id = r.invoice_id and p.status = 'OPEN' and p.promised_on >= :today)
					order by r.due_date, r.number""")
			.param("id", messageId)
			.param("today", this.today.date())
			.query((rs, n) -> new Due(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class), rs.getBigDecimal(5)))
			.list();
		if (dues.isEmpty()) {
			throw new CannotSend("every invoice of the reminder was paid, disputed or promised since the run");
		}
		return write(customer, policy, head.level(), head.channel(), head.currency(), dues, mailed, true);
	}

	/**
	 * The most invoices a reminder carries as attachments (the statement lists them all).
	 */
	static final int INVOICES_ATTACHED = 10;

	/**
	 * A level's built-in wording, its figures as placeholders: where a wording of one's
	 * own starts from.
	 */
	public record Wording(String subject, String body) {
	}

	public Wording builtIn(DunningChannel channel, String language) {
		Locale locale = LocalizedText.readerOf(language);
		String kind = channel == DunningChannel.FORMAL_NOTICE ? "FORMAL_NOTICE" : "EMAIL";
		return new Wording(
				this.messages.getMessage("mail.dunning.subject." + kind, new Object[] { "{{count}}", "{{total}}" },
						locale),
				this.messages.getMessage("mail.dunning.body", new Object[] { "{{customer}}",
						this.messages.getMessage("mail.dunning.opening." + kind, null, locale), "{{invoices}}",
						"{{total}}", "{{interest}}", "{{rate}}", "{{payee}}", "{{iban}}", "{{bic}}", "{{link}}",
						this.messages.getMessage("mail.dunning.indemnity", new Object[] { "40 EUR", 1 }, locale) },
						locale));
	}

	/**
	 * The indemnity clause: 40 EUR per invoice late and not waived; none, nothing said.
	 */
	private String indemnity(int invoices, Locale locale) {
		return invoices == 0 ? "" : this.messages.getMessage("mail.dunning.indemnity",
				new Object[] { LocalizedText.money(
						Money.of(LateCharges.INDEMNITY.amount().multiply(BigDecimal.valueOf(invoices)), "EUR"), locale),
						invoices },
				locale);
	}

	/** An invoice of a reminder: what is left to pay on it. */
	record Due(String invoiceId, String number, LocalDate issued, LocalDate due, BigDecimal open) {
	}

	/**
	 * What a level would send this customer today for its overdue invoices (the first
	 * currency), in the customer's language: to see a template before it is used.
	 */
	public Composed preview(String policyId, int level, String customerId) {
		CustomerDetails customer = this.customers.get(customerId);
		DunningPolicies.Level found = this.policies.get(policyId)
			.levels()
			.stream()
			.filter(l -> l.level() == level)
			.findFirst()
			.orElseThrow(() -> new io.encaisse.shared.Problem.NotFound("level", String.valueOf(level)));
		record Overdue(Due due, String currency) {
		}
		List<Overdue> overdue = this.jdbc.sql("""
				select invoice_id, number, issue_date, due_date, open_amount, currency from invoicing_receivable
				where customer_id = :c and status in ('ISSUED', 'PARTIALLY_PAID') and due_date < :today
				order by currency, due_date, number""")
			.param("c", customerId)
			.param("today", this.today.date())
			.query((rs,
					n) -> new Overdue(new Due(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
							rs.getObject(4, LocalDate.class), rs.getBigDecimal(5)), rs.getString(6)))
			.list();
		if (overdue.isEmpty()) {
			throw new io.encaisse.shared.Problem.StateConflict("the customer has nothing overdue to preview with");
		}
		String currency = overdue.get(0).currency();
		List<Due> dues = overdue.stream().filter(o -> o.currency().equals(currency)).map(Overdue::due).toList();
		return write(customer, policyId, level, found.channel().name(), currency, dues, false, false);
	}

	/**
	 * The words of a reminder; {@code withStatement}: the statement and invoices attached
	 * (a mail); {@code realLink}: a working link to the customer's account (not in a
	 * preview, which staff read).
	 */
	private Composed write(CustomerDetails customer, String policyId, int level, String channelName, String currency,
			List<Due> dues, boolean withStatement, boolean realLink) {
		Locale locale = LocalizedText.readerOf(customer.language());
		LocalDate asOf = this.today.date();
		var rates = this.charges.rates();
		Money total = Money.zero(currency);
		Money interest = Money.zero(currency);
		int indemnities = 0;
		String rate = null;
		List<String> lines = new ArrayList<>();
		for (Due d : dues) {
			Money open = Money.of(d.open(), currency);
			total = total.plus(open);
			LateChargesOfInvoices.Charges c = this.charges.of(d.invoiceId(), asOf, rates);
			interest = interest.plus(c.interestDue());
			indemnities += new BigDecimal(c.indemnity()).signum() > 0 ? 1 : 0;
			rate = c.rate();
			String reference = this.invoicing.findById(d.invoiceId())
				.map(i -> i.paymentReference() == null ? "-" : i.paymentReference())
				.orElse("-");
			lines.add("- " + this.messages.getMessage("mail.dunning.line",
					new Object[] { d.number(), LocalizedText.date(d.issued(), locale),
							LocalizedText.date(d.due(), locale), c.daysLate(), LocalizedText.money(open, locale),
							reference },
					locale));
		}
		Invoicing.PayTo payTo = this.invoicing.payTo();
		String link = realLink ? this.links.of(customer.id()).url() : this.links.placeholder();
		String channel = "FORMAL_NOTICE".equals(channelName) ? "FORMAL_NOTICE" : "EMAIL";
		String language = "en".equals(locale.getLanguage()) ? "en" : "fr";
		var template = policyId == null ? java.util.Optional.<DunningTemplates.Template>empty()
				: this.templates.find(policyId, level, language);
		String subject;
		String body;
		if (template.isPresent()) {
			java.util.Map<String, String> values = java.util.Map.of("customer", customer.name(), "invoices",
					String.join("\n", lines), "count", String.valueOf(dues.size()), "total",
					LocalizedText.money(total, locale), "interest", LocalizedText.money(interest, locale), "rate",
					LocalizedText.rate(rate, locale), "payee", payTo.payee(), "iban", payTo.iban(), "bic", payTo.bic(),
					"link", link);
			subject = DunningTemplates.render(template.get().subject(), values);
			body = DunningTemplates.render(template.get().body(), values);
			if (!template.get().body().contains("{{link}}")) {
				// every reminder carries the customer's link, whatever its wording
				body = body + "\n\n" + this.messages.getMessage("mail.dunning.linkLine", new Object[] { link }, locale);
			}
		}
		else {
			subject = this.messages.getMessage("mail.dunning.subject." + channel,
					new Object[] { dues.size(), LocalizedText.money(total, locale) }, locale);
			body = this.messages.getMessage("mail.dunning.body",
					new Object[] { customer.name(),
							this.messages.getMessage("mail.dunning.opening." + channel, null, locale),
							String.join("\n", lines), LocalizedText.money(total, locale),
							LocalizedText.money(interest, locale), LocalizedText.rate(rate, locale), payTo.payee(),
							payTo.iban(), payTo.bic(), link, indemnity(indemnities, locale) },
					locale);
		}
		if (!withStatement) {
			return new Composed(customer.email(), subject, body, List.of());
		}
		// the statement of account at the day the reminder leaves, and the invoices (the
		// first few: a mail stays a mail)
		byte[] statement = this.statementPdf.render(this.statements.of(customer.id(), asOf));
		List<Attachment> attachments = new ArrayList<>();
		attachments.add(
				new Attachment(("fr".equals(locale.getLanguage()) ? "releve-de-compte-" : "statement-") + asOf + ".pdf",
						statement, "application/pdf"));
		for (Due d : dues.subList(0, Math.min(dues.size(), INVOICES_ATTACHED))) {
			try {
				attachments.add(new Attachment(d.number() + ".pdf", this.invoicing.document(d.invoiceId(), "pdf"),
						"application/pdf"));
			}
			catch (io.encaisse.shared.Problem.StateConflict noDocument) {
				// an invoice imported from another system: that system holds its document
			}
		}
		return new Composed(customer.email(), subject, body, attachments);
	}

}
