package io.encaisse.collections;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.shared.LocalizedText;
import io.encaisse.shared.Money;
import io.encaisse.shared.mail.MailComposer;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The mail of a penalty note: a few words, the note's PDF as issued attached. */
@Component
class PenaltyNoteMail implements MailComposer {

	private final PenaltyNotes notes;

	private final Customers customers;

	private final MessageSource messages;

	PenaltyNoteMail(PenaltyNotes notes, Customers customers, MessageSource messages) {
		this.notes = notes;
		this.customers = customers;
		this.messages = messages;
	}

	@Override
	public Set<String> kinds() {
		return Set.of(PenaltyNotes.MAIL_KIND);
	}

	@Override
	public String documentType(String kind) {
		return PenaltyNotes.DOCUMENT;
	}

	@Override
	public String auditAction(String kind, String status) {
		return "SENT".equals(status) ? "mailed" : "not mailed";
	}

	@Override
	public Composed compose(Queued mail) {
		PenaltyNotes.Note note = this.notes.get(mail.subjectId());
		if (note.status() == PenaltyNotes.Status.CANCELLED) {
			throw new CannotSend("the penalty note was cancelled");
		}
		CustomerDetails customer = this.customers.get(note.customerId());
		if (customer.email() == null || customer.email().isBlank()) {
			throw new CannotSend("the customer has no billing email");
		}
		Locale locale = Locale.forLanguageTag("en".equals(customer.language()) ? "en" : "fr");
		String interest = LocalizedText.money(Money.of(note.interest(), note.currency()), locale);
		String indemnity = LocalizedText.money(Money.of(note.indemnity(), "EUR"), locale);
		return new Composed(customer.email(),
				this.messages.getMessage("mail.penalty.subject", new Object[] { note.number(), note.invoiceNumber() },
						locale),
				this.messages.getMessage("mail.penalty.body",
						new Object[] { customer.name(), note.invoiceNumber(), note.daysLate(), interest, indemnity },
						locale),
				List.of(new Attachment(note.number() + ".pdf", this.notes.pdf(note.id()), "application/pdf")));
	}

}
