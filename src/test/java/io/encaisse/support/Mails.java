package io.encaisse.support;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** The mails a test's GreenMail received, picked by their subject. */
public final class Mails {

	private Mails() {
	}

	/** The messages whose subject contains {@code text}. */
	public static List<MimeMessage> withSubject(GreenMail smtp, String text) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(text)).toList();
	}

	public static String subject(MimeMessage message) {
		try {
			return message.getSubject() == null ? "" : message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
