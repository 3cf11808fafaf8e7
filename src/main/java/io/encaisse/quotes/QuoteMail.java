package io.encaisse.quotes;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.shared.AfterCommit;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Today;
import io.encaisse.shared.mail.MailComposer;
import io.encaisse.shared.mail.MailOutbox;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A sent quote is mailed to the customer's billing address, in their language, with the
 * link where they read, comment, accept or decline it, through the one outbox (ADR 0020):
 * mailed at once, tried again by the outbox's policy while the quote is still on offer at
 * that revision; it can be sent again from the quote.
 */
@Component
public class QuoteMail implements MailComposer {

	static final String KIND = "QUOTE";

	private final Quotes quotes;

	private final QuotePortal portal;

	private final Customers customers;

	private final MessageSource messages;

	private final Today today;

	private final io.encaisse.shared.SignedLinks links;

	private final QuotePdf pdf;

	private final MailOutbox outbox;

	QuoteMail(Quotes quotes, QuotePortal portal, Customers customers, MessageSource messages, Today today,
			io.encaisse.shared.SignedLinks links, QuotePdf pdf, MailOutbox outbox) {
		this.pdf = pdf;
		this.quotes = quotes;
		this.portal = portal;
		this.customers = customers;
		this.messages = messages;
		this.today = today;
		this.links = links;
		this.outbox = outbox;
	}

	/** One mailing of a quote: the revision mailed, to whom, where it stands. */
	public record Sending(String id, int revision, String recipient, String status, String lastError, Instant sentAt) {

		static Sending of(MailOutbox.Sending s) {
			String label = s.label() == null ? "r0" : s.label();
			return new Sending(s.id(), Integer.parseInt(label.substring(1)), s.recipient() == null ? "" : s.recipient(),
					s.status(), s.lastError(), s.sentAt());
		}

	}

	@AfterCommit
	void on(QuoteSent sent) {
		// once per revision sent, however often the event is delivered
		QuoteView quote = this.quotes.get(sent.quoteId());
		queueAndSend(quote, KIND + ":" + quote.id() + ":r" + quote.revision());
	}

	/** The customer's link to the quote's current revision. */
	public String link(String quoteId) {
		return this.links.url("/portal/quotes/" + this.portal.token(quoteId));
	}

	/**
	 * Mails the quote's current revision with its link again, now; answers the sending.
	 */
	public Sending send(String quoteId) {
		return queueAndSend(this.quotes.get(quoteId), KIND + ":" + quoteId + ":" + Ids.next("qsn"));
	}

	private Sending queueAndSend(QuoteView quote, String key) {
		CustomerDetails customer = this.customers.get(quote.customerId());
		MailOutbox.Sending queued = this.outbox
			.queueNow(new MailOutbox.ToQueue(KIND, quote.id(), key, "r" + quote.revision(), customer.email()));
		return Sending.of(this.outbox.sendNow(queued.id()));
	}

	public List<Sending> of(String quoteId) {
		return this.outbox.of(quoteId, List.of(KIND)).stream().map(Sending::of).toList();
	}

	@Override
	public Set<String> kinds() {
		return Set.of(KIND);
	}

	@Override
	public String documentType(String kind) {
		return Quotes.DOCUMENT;
	}

	@Override
	public String auditAction(String kind, String status) {
		return switch (status) {
			case "SENT" -> "mailed";
			case "SKIPPED" -> "not mailed";
			default -> "mailing failed";
		};
	}

	/**
	 * The quote's revision as it was queued, while it is still on offer: a quote revised,
	 * accepted, declined or expired since is not mailed any more.
	 */
	@Override
	public Composed compose(Queued mail) {
		QuoteView quote = this.quotes.get(mail.subjectId());
		if (!("r" + quote.revision()).equals(mail.label())) {
			throw new CannotSend("the quote was revised since (now revision " + quote.revision() + ")");
		}
		if (quote.status() != QuoteStatus.SENT || quote.validUntil().isBefore(this.today.date())) {
			throw new CannotSend("the quote is no longer on offer (" + quote.status() + ")");
		}
		CustomerDetails customer = this.customers.get(quote.customerId());
		String to = mail.recipient() != null ? mail.recipient() : customer.email();
		Locale locale = Locale.forLanguageTag(customer.language() == null ? "fr" : customer.language());
		Object[] args = { quote.number(), quote.totals().total().toPlainString() + " " + quote.currency(),
				String.valueOf(quote.validUntil()), link(quote.id()) };
		// the quote itself, printed, beside the link where it is signed
		return new Composed(to, this.messages.getMessage("mail.quote.subject", args, locale),
				this.messages.getMessage("mail.quote.body", args, locale),
				List.of(new Attachment(quote.number() + "-r" + quote.revision() + ".pdf", this.pdf.render(quote),
						"application/pdf")));
	}

}
