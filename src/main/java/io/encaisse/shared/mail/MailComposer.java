package io.encaisse.shared.mail;

import java.util.List;
import java.util.Set;

/**
 * What a module mails, written when it leaves: the module that queued a kind of mail
 * composes it from its document's data as they are at that moment (an invoice's PDF, a
 * quote's current revision and link, an order's follow-up link).
 */
public interface MailComposer {

	/** The kinds of mail this composer writes ({@code INVOICE}, {@code QUOTE}...). */
	Set<String> kinds();

	/**
	 * The mail of a queued row, or a {@link CannotSend} when trying again cannot help (no
	 * address, the quote was revised since, the invoice is paid).
	 */
	Composed compose(Queued mail);

	/** The document type the audit trail records this kind's sendings under. */
	String documentType(String kind);

	/**
	 * What the document's history says of a mail of this kind that ended in this status
	 * (SENT, FAILED, SKIPPED): by default "sent", "sending failed", "not sent"
	 */
	default String auditAction(String kind, String status) {
		return switch (status) {
			case "SENT" -> "sent";
			case "SKIPPED" -> "not sent";
			default -> "sending failed";
		};
	}

	/** A queued mail as the outbox holds it. */
	record Queued(String id, String kind, String subjectId, String label, String recipient, int attempts) {
	}

	/** A mail ready to leave. */
	record Composed(String to, String subject, String text, List<Attachment> attachments) {

		public Composed {
			attachments = List.copyOf(attachments);
		}

	}

	/** A file joined to the mail. */
	record Attachment(String name, byte[] content, String contentType) {
	}

	/**
	 * This mail cannot leave and trying again will not change that: the row is SKIPPED.
	 */
	class CannotSend extends RuntimeException {

		public CannotSend(String reason) {
			super(reason);
		}

	}

}
