package io.encaisse.invoicing;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.Customers;
import io.encaisse.shared.mail.MailComposer;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes an invoice's mails in the customer's language when they leave: the invoice or
 * credit note with its Factur-X attached, or the courtesy reminder of an invoice still
 * open (one paid or cancelled meanwhile is not reminded).
 */
@Component
class InvoiceMailComposer implements MailComposer {

	private final Invoicing invoicing;

	private final Customers customers;

	private final MessageSource messages;

	InvoiceMailComposer(Invoicing invoicing, Customers customers, MessageSource messages) {
		this.invoicing = invoicing;
		this.customers = customers;
		this.messages = messages;
	}

	@Override
	public Set<String> kinds() {
		return Set.of(InvoiceMail.INVOICE, InvoiceMail.REMINDER);
	}

	@Override
	public String documentType(String kind) {
		return Invoicing.DOCUMENT;
	}

	@Override
	public String auditAction(String kind, String status) {
		return (InvoiceMail.REMINDER.equals(kind) ? "reminder " : "") + MailComposer.super.auditAction(kind, status);
	}

	@Override
	public Composed compose(Queued mail) {
		boolean reminder = InvoiceMail.REMINDER.equals(mail.kind());
		InvoiceView invoice = this.invoicing.get(mail.subjectId());
		if (reminder && !invoice.status().isOpen()) {
			throw new CannotSend(
					"the invoice is " + invoice.status().name().toLowerCase(Locale.ROOT) + ": no reminder");
		}
		Locale locale = Locale
			.forLanguageTag(this.customers.find(invoice.customerId()).map(CustomerDetails::language).orElse("fr"));
		String kind = reminder ? "mail.reminder"
				: invoice.kind().equals("CREDIT_NOTE") ? "mail.creditNote" : "mail.invoice";
		Object[] args = { invoice.number(),
				(reminder ? invoice.amountDue() : invoice.total()).toPlainString() + " " + invoice.currency(),
				String.valueOf(invoice.dueDate()),
				invoice.paymentReference() == null ? "" : invoice.paymentReference() };
		return new Composed(mail.recipient(), this.messages.getMessage(kind + ".subject", args, locale),
				this.messages.getMessage(kind + ".body", args, locale),
				List.of(new Attachment(invoice.number() + ".pdf", this.invoicing.document(invoice.id(), "pdf"),
						"application/pdf")));
	}

}
