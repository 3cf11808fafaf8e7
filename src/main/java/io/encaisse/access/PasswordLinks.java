package io.encaisse.access;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.encaisse.shared.Ids;
import io.encaisse.shared.Problem;
import io.encaisse.shared.SignedLinks;
import io.encaisse.shared.Today;
import io.encaisse.shared.mail.MailComposer;
import io.encaisse.shared.mail.MailOutbox;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The links that let a person set their password: mailed when an admin invites them or
 * sends a new one, valid 7 days, signed, and good once (they carry the user's credential
 * version, which setting a password bumps).
 */
@Component
public class PasswordLinks implements MailComposer {

	static final String PURPOSE = "password";

	static final String INVITE = "USER_INVITE";

	static final String RESET = "PASSWORD_RESET";

	private final StaffUsers users;

	private final SignedLinks links;

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final Today today;

	PasswordLinks(StaffUsers users, SignedLinks links, MailOutbox outbox, MessageSource messages, Today today) {
		this.users = users;
		this.links = links;
		this.outbox = outbox;
		this.messages = messages;
		this.today = today;
	}

	/** The address of the page where the user sets a password. */
	String url(String username) {
		String token = this.links.token(PURPOSE, this.today.instant().plus(7, ChronoUnit.DAYS), username,
				String.valueOf(this.users.credentialVersion(username)));
		return this.links.url("/password/" + token);
	}

	/** Invites a person: the user made and the invitation queued, both or neither. */
	@Transactional
	public StaffUsers.StaffUser invite(StaffUsers.Input input) {
		StaffUsers.StaffUser user = this.users
			.invite(input == null ? new StaffUsers.Input(null, null, null, null) : input);
		send(user.username(), true);
		return this.users.get(user.username());
	}

	/** Mails the user a link (an invitation, or a new password). */
	@Transactional
	public MailOutbox.Sending send(String username, boolean invitation) {
		StaffUsers.StaffUser user = this.users.get(username);
		if (user.email() == null) {
			throw new Problem.StateConflict("'" + username + "' has no email to send the link to");
		}
		String kind = invitation ? INVITE : RESET;
		String key = kind + ":" + username + ":" + Ids.next("pw");
		// a new link spends the ones mailed before; the mail carries the version it is
		// for
		this.users.bump(username);
		this.outbox.queue(List.of(new MailOutbox.ToQueue(kind, username, key,
				String.valueOf(this.users.credentialVersion(username)), user.email())));
		return this.outbox.byKey(key).orElseThrow();
	}

	/** The user a link is for, while it is good. */
	public String open(String token) {
		return opened(token)[0];
	}

	/** The user and the credential version of a good link. */
	private String[] opened(String token) {
		String[] fields = this.links.fields(PURPOSE, token);
		if (fields.length < 2 || !String.valueOf(this.users.credentialVersion(fields[0])).equals(fields[1])
				|| !this.users.get(fields[0]).enabled()) {
			throw new Problem.StateConflict("this link was used already or replaced; ask for a new one");
		}
		return fields;
	}

	/** Sets the password the link is for (twice the same), and spends the link. */
	@Transactional
	public String set(String token, String password, String again) {
		String[] link = opened(token);
		if (password != null && !password.equals(again)) {
			throw new Problem.Invalid("again", "the two passwords differ");
		}
		this.users.setPassword(link[0], Integer.parseInt(link[1]), password);
		return link[0];
	}

	@Override
	public Set<String> kinds() {
		return Set.of(INVITE, RESET);
	}

	@Override
	public String documentType(String kind) {
		return StaffUsers.DOCUMENT;
	}

	@Override
	public String auditAction(String kind, String status) {
		return ("SENT".equals(status) ? "mailed " : "not mailed ")
				+ (INVITE.equals(kind) ? "invitation" : "new password link");
	}

	@Override
	public Composed compose(Queued mail) {
		StaffUsers.StaffUser user = this.users.find(mail.subjectId())
			.orElseThrow(() -> new CannotSend("no user " + mail.subjectId()));
		if (!user.enabled()) {
			throw new CannotSend("the user is disabled");
		}
		if (!String.valueOf(this.users.credentialVersion(user.username())).equals(mail.label())) {
			// a password was set, or a newer link sent, since this one was queued
			throw new CannotSend("the link this mail was for is spent");
		}
		Locale locale = Locale.FRENCH;
		String kind = INVITE.equals(mail.kind()) ? "invite" : "reset";
		return new Composed(user.email(), this.messages.getMessage("mail.user." + kind + ".subject", null, locale),
				this.messages.getMessage("mail.user." + kind + ".body",
						new Object[] { user.displayName(), user.username(), url(user.username()) }, locale),
				List.of());
	}

}
