package io.encaisse.shared.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the bounce mailbox (where the SMTP envelope sender, {@code mail.smtp.from}, sends
 * undeliverable mail back) over IMAP or POP3, and marks the sendings that came back
 * BOUNCED. Delivery status notifications (RFC 3464, {@code multipart/report}) are read
 * for their action, status and diagnostic, and for the original headers (our
 * {@code X-Encaisse-Sending} header or the Message-ID). A permanent failure (5.x.x)
 * bounces; a delay (4.x.x) is only a warning and is left alone. Processed notifications
 * are deleted from the mailbox; anything else stays for a person.
 */
@Component
public class MailBounces {

	private static final Logger log = LoggerFactory.getLogger(MailBounces.class);

	private static final Pattern ACTION = Pattern.compile("(?im)^Action:\\s*(\\S+)");

	private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*([245]\\.\\d{1,3}\\.\\d{1,3})");

	private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^Diagnostic-Code:\\s*(.+)$");

	private static final Pattern SENDING = Pattern
		.compile("(?im)^" + MailOutbox.BOUNCE_HEADER + ":\\s*([A-Za-z0-9_-]{1,40})");

	private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\s]{1,240}>)");

	private static final int MAX_PART = 256 * 1024;

	private final MailOutbox mail;

	private final String host;

	private final int port;

	private final String protocol;

	private final String username;

	private final String password;

	MailBounces(MailOutbox mail, @Value("${encaisse.mail.bounces.host:}") String host,
			@Value("${encaisse.mail.bounces.port:993}") int port,
			@Value("${encaisse.mail.bounces.protocol:imaps}") String protocol,
			@Value("${encaisse.mail.bounces.username:}") String username,
			@Value("${encaisse.mail.bounces.password:}") String password) {
		this.mail = mail;
		this.host = host;
		this.port = port;
		this.protocol = protocol;
		this.username = username;
		this.password = password;
	}

	public boolean configured() {
		return !this.host.isBlank();
	}

	/** What a notification says: which sending, and whether it failed for good, why. */
	record Notice(String sendingId, String messageId, boolean permanent, String reason) {
	}

	/** Reads the mailbox once; answers how many sendings were marked bounced. */
	public int read() {
		if (!configured()) {
			return 0;
		}
		Properties props = new Properties();
		props.put("mail." + this.protocol + ".connectiontimeout", "10000");
		props.put("mail." + this.protocol + ".timeout", "20000");
		int bounced = 0;
		try {
			Store store = Session.getInstance(props).getStore(this.protocol);
			store.connect(this.host, this.port, this.username, this.password);
			try {
				Folder inbox = store.getFolder("INBOX");
				inbox.open(Folder.READ_WRITE);
				try {
					for (Message message : inbox.getMessages()) {
						Notice notice = notice(message);
						if (notice == null) {
							continue;
						}
						if (notice.permanent()
								&& !this.mail.bounced(notice.sendingId(), notice.messageId(), notice.reason())
									.isEmpty()) {
							bounced++;
							// what matched nothing (a delay, another system's mail) stays
							// for a person
							message.setFlag(Flags.Flag.DELETED, true);
						}
					}
				}
				finally {
					inbox.close(true);
				}
			}
			finally {
				store.close();
			}
		}
		catch (MessagingException | IOException ex) {
			log.warn("could not read the bounce mailbox {}@{}: {}", this.username, this.host, ex.toString());
		}
		return bounced;
	}

	/**
	 * A delivery status notification about one of our mails, or null when the message is
	 * something else (left in the mailbox).
	 */
	static Notice notice(Message message) throws MessagingException, IOException {
		if (!message.isMimeType("multipart/report")) {
			return null;
		}
		Object content = message.getContent();
		if (!(content instanceof Multipart parts)) {
			return null;
		}
		String status = null;
		String original = null;
		for (int i = 0; i < parts.getCount(); i++) {
			Part part = parts.getBodyPart(i);
			if (part.isMimeType("message/delivery-status")) {
				status = text(part);
			}
			else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")) {
				original = text(part);
			}
		}
		if (status == null || original == null) {
			return null;
		}
		String sending = first(SENDING, original);
		String messageId = first(MESSAGE_ID, original);
		if (sending == null && messageId == null) {
			return null;
		}
		String action = first(ACTION, status);
		String code = first(STATUS, status);
		boolean permanent = "failed".equalsIgnoreCase(action) || (code != null && code.startsWith("5"));
		String diagnostic = first(DIAGNOSTIC, status);
		String reason = (code == null ? "" : code + " ") + (diagnostic == null ? "" : diagnostic.trim());
		return new Notice(sending, messageId, permanent, reason.isBlank() ? null : reason.trim());
	}

	private static String first(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		return m.find() ? m.group(1) : null;
	}

	/** A part's raw text, at most 256 KB (a hostile report cannot fill the memory). */
	private static String text(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			return new String(in.readNBytes(MAX_PART), StandardCharsets.UTF_8);
		}
	}

}
