package io.encaisse.shared.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Today;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one outbox of every mail Encaisse sends (ADR 0020). A module queues a row in the
 * transaction that decides the mail; one cluster-safe job (and whoever wants a mail out
 * at once) sends it: the row is claimed (SENDING) and committed before the mail leaves,
 * so it never leaves twice; the module's {@link MailComposer} writes it from the document
 * as it is then; an SMTP failure makes it FAILED and due again by the
 * {@link RetryPolicy}; a mail that cannot succeed is SKIPPED with why; a bounce makes it
 * BOUNCED. Without an SMTP server configured, rows stay QUEUED.
 */
@Service
public class MailOutbox {

	/** The header each mail carries with its row's id, which a bounce quotes. */
	public static final String BOUNCE_HEADER = "X-Encaisse-Sending";

	/**
	 * Rows sent or skipped are kept this long, then purged (the audit trail keeps the
	 * fact).
	 */
	static final Duration RETENTION = Duration.ofDays(400);

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final TransactionTemplate transactions;

	private final AuditTrail audit;

	private final Today today;

	private final JavaMailSender mail;

	private final String from;

	private final ObjectProvider<MailComposer> composerBeans;

	private volatile Map<String, MailComposer> composers;

	MailOutbox(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions, AuditTrail audit,
			Today today, ObjectProvider<JavaMailSender> mail, ObjectProvider<MailComposer> composers,
			@Value("${encaisse.seller.email:facturation@atelier-numerique.example}") String from) {
		this.jdbc = jdbc;
		this.batch = batch;
		// the outbox's own steps commit on their own, whoever calls (a listener after
		// commit included): a claim is committed before the mail leaves
		this.transactions = new TransactionTemplate(transactions);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.audit = audit;
		this.today = today;
		this.mail = mail.getIfAvailable();
		this.from = from;
		// the modules' composers need the outbox to queue: found when the first mail
		// leaves
		this.composerBeans = composers;
	}

	private MailComposer composer(String kind) {
		Map<String, MailComposer> byKind = this.composers;
		if (byKind == null) {
			Map<String, MailComposer> found = new HashMap<>();
			this.composerBeans.orderedStream().forEach(c -> c.kinds().forEach(k -> found.put(k, c)));
			this.composers = byKind = found;
		}
		return byKind.get(kind);
	}

	/** A row of the outbox: one mail, where it stands. */
	public record Sending(String id, String kind, String subjectId, String label, String recipient, String status,
			int attempts, String lastError, Instant sentAt, Instant nextAttemptAt) {

		public boolean left() {
			return "SENT".equals(this.status) || "BOUNCED".equals(this.status);
		}

	}

	/** A mail to queue: its kind, its document, what makes it once-only, a label. */
	public record ToQueue(String kind, String subjectId, String dedupeKey, String label, String recipient) {
	}

	/** Whether an SMTP server is configured. */
	public boolean canSend() {
		return this.mail != null;
	}

	/**
	 * Queues mails in the caller's transaction; one whose {@code dedupeKey} is queued
	 * already is left as it is (a mail that may leave once leaves once).
	 */
	public void queue(List<ToQueue> mails) {
		java.sql.Timestamp at = java.sql.Timestamp.from(this.today.instant());
		List<Object[]> rows = new ArrayList<>(mails.size());
		for (ToQueue m : mails) {
			rows.add(new Object[] { Ids.next("mob"), m.kind(), m.subjectId(), m.dedupeKey(), m.label(), m.recipient(),
					at, at });
		}
		for (int from = 0; from < rows.size(); from += 1000) {
			this.batch.batchUpdate("""
					insert into mail_outbox (id, kind, subject_id, dedupe_key, label, recipient, status, attempts,
					  next_attempt_at, created_at)
					values (?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?) on conflict do nothing""",
					rows.subList(from, Math.min(rows.size(), from + 1000)));
		}
	}

	/**
	 * Queues one mail and commits it at once, whatever the caller's transaction (to be
	 * sent right after); answers its row (the one queued before under the same key, if
	 * any).
	 */
	public Sending queueNow(ToQueue mail) {
		this.transactions.executeWithoutResult(tx -> queue(List.of(mail)));
		return byKey(mail.dedupeKey()).orElseThrow();
	}

	public Optional<Sending> byKey(String dedupeKey) {
		return select("dedupe_key = :k", Map.of("k", dedupeKey)).stream().findFirst();
	}

	public Optional<Sending> get(String id) {
		return select("id = :id", Map.of("id", id)).stream().findFirst();
	}

	/** A document's mails of the given kinds, oldest first. */
	public List<Sending> of(String subjectId, Collection<String> kinds) {
		return select("subject_id = :s and kind in (:k)", Map.of("s", subjectId, "k", kinds));
	}

	private List<Sending> select(String where, Map<String, ?> params) {
		return this.jdbc.sql("""
				select id, kind, subject_id, label, recipient, status, attempts, last_error, sent_at, next_attempt_at
				from mail_outbox where %s order by created_at, id""".formatted(where))
			.params(params)
			.query((rs, n) -> new Sending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), instant(rs.getTimestamp(9)),
					instant(rs.getTimestamp(10))))
			.list();
	}

	private static Instant instant(java.sql.Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	/**
	 * Sends what is due (queued, or failed and due again), at most {@code max}; answers
	 * how many were tried.
	 */
	public int sendDue(int max) {
		return sendDue(max, null);
	}

	/** The same for some kinds of mail only (all when {@code kinds} is null). */
	public int sendDue(int max, Collection<String> kinds) {
		if (this.mail == null) {
			return 0;
		}
		List<String> due = this.jdbc
			.sql("""
					select id from mail_outbox where status in ('QUEUED', 'FAILED') and next_attempt_at <= :now
					and attempts < :max %s order by next_attempt_at, id fetch first %d rows only"""
				.formatted(kinds == null ? "" : "and kind in (:kinds)", max))
			.param("now", this.today.instant().atOffset(ZoneOffset.UTC))
			.param("max", RetryPolicy.MAX_ATTEMPTS)
			.params(kinds == null ? Map.of() : Map.of("kinds", kinds))
			.query(String.class)
			.list();
		due.forEach(this::send);
		return due.size();
	}

	/**
	 * Sends one row now, whatever its backoff, unless it left already, is being sent, was
	 * skipped or spent its attempts; answers the row as it then stands.
	 */
	public Sending sendNow(String id) {
		send(id);
		return get(id).orElseThrow();
	}

	private void send(String id) {
		if (this.mail == null) {
			return;
		}
		// claim: one node, one thread, one attempt at a time
		Integer claimed = this.transactions.execute(tx -> this.jdbc.sql("""
				update mail_outbox set status = 'SENDING', attempts = attempts + 1
				where id = :id and status in ('QUEUED', 'FAILED') and attempts < :max""")
			.param("id", id)
			.param("max", RetryPolicy.MAX_ATTEMPTS)
			.update());
		if (claimed == null || claimed == 0) {
			return;
		}
		Sending row = get(id).orElseThrow();
		MailComposer composer = composer(row.kind());
		MailComposer.Composed composed;
		try {
			if (composer == null) {
				throw new MailComposer.CannotSend("no composer for mails of kind " + row.kind());
			}
			composed = composer.compose(new MailComposer.Queued(row.id(), row.kind(), row.subjectId(), row.label(),
					row.recipient(), row.attempts()));
			if (composed.to() == null || composed.to().isBlank()) {
				throw new MailComposer.CannotSend("the customer has no billing email");
			}
		}
		catch (MailComposer.CannotSend ex) {
			finish(row, composer, "SKIPPED", null, ex.getMessage(), null, null);
			return;
		}
		catch (RuntimeException ex) {
			failed(row, composer, row.recipient(), ex);
			return;
		}
		String messageId;
		try {
			MimeMessage message = this.mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, !composed.attachments().isEmpty(), "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(composed.to());
			helper.setSubject(composed.subject());
			helper.setText(composed.text());
			for (MailComposer.Attachment a : composed.attachments()) {
				helper.addAttachment(a.name(), new ByteArrayResource(a.content()), a.contentType());
			}
			message.setHeader(BOUNCE_HEADER, row.id());
			this.mail.send(message);
			messageId = message.getMessageID();
		}
		catch (jakarta.mail.MessagingException | RuntimeException ex) {
			failed(row, composer, composed.to(), ex);
			return;
		}
		// it left: recording it may fail, it is never sent again (the row stays SENDING)
		finish(row, composer, "SENT", composed.to(), null, this.today.instant(), messageId);
	}

	private void failed(Sending row, MailComposer composer, String to, Exception ex) {
		String reason = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		Instant next = RetryPolicy.nextAttempt(row.attempts(), this.today.instant()).orElse(null);
		this.transactions.executeWithoutResult(tx -> {
			this.jdbc
				.sql("""
						update mail_outbox set status = 'FAILED', recipient = coalesce(:to, recipient), last_error = :reason,
						  next_attempt_at = coalesce(:next, next_attempt_at)
						where id = :id""")
				.param("to", to)
				.param("reason", cut(reason))
				.param("next", next == null ? null : next.atOffset(ZoneOffset.UTC))
				.param("id", row.id())
				.update();
			if (composer != null) {
				this.audit.record(composer.documentType(row.kind()), row.subjectId(),
						composer.auditAction(row.kind(), "FAILED"),
						AuditTrail.changes("to", to, "attempt", row.attempts(), "reason", reason, "next",
								next == null ? "none (attempts spent)" : next));
			}
		});
	}

	private void finish(Sending row, MailComposer composer, String status, String to, String reason, Instant sentAt,
			String messageId) {
		this.transactions.executeWithoutResult(tx -> {
			this.jdbc.sql("""
					update mail_outbox set status = :status, recipient = coalesce(:to, recipient), last_error = :reason,
					  sent_at = :at, message_id = :mid
					where id = :id""")
				.param("status", status)
				.param("to", to)
				.param("reason", cut(reason))
				.param("at", sentAt == null ? null : sentAt.atOffset(ZoneOffset.UTC))
				.param("mid", messageId)
				.param("id", row.id())
				.update();
			if (composer != null) {
				this.audit.record(composer.documentType(row.kind()), row.subjectId(),
						composer.auditAction(row.kind(), status),
						AuditTrail.changes("to", to == null ? row.recipient() : to, "reason", reason));
			}
		});
	}

	private static String cut(String s) {
		return s == null || s.length() <= 500 ? s : s.substring(0, 500);
	}

	/**
	 * A mail came back (a delivery status notification): the row, found by its id or by
	 * the Message-ID it left with, is BOUNCED with the receiving server's reason. Answers
	 * the rows found.
	 */
	public List<Sending> bounced(String id, String messageId, String reason) {
		String why = reason == null ? "returned by the receiving server" : reason;
		List<Sending> found = new ArrayList<>();
		this.transactions.executeWithoutResult(tx -> {
			List<String> ids = this.jdbc.sql("""
					select id from mail_outbox where status = 'SENT' and (id = :id or message_id = :mid)""")
				.param("id", id == null ? "" : id)
				.param("mid", messageId == null ? "" : messageId)
				.query(String.class)
				.list();
			for (String each : ids) {
				this.jdbc.sql("update mail_outbox set status = 'BOUNCED', last_error = :why where id = :id")
					.param("why", cut(why))
					.param("id", each)
					.update();
				Sending row = get(each).orElseThrow();
				MailComposer composer = composer(row.kind());
				if (composer != null) {
					this.audit.record(composer.documentType(row.kind()), row.subjectId(), "mail bounced",
							AuditTrail.changes("to", row.recipient(), "reason", why));
				}
				found.add(row);
			}
		});
		return found;
	}

	/**
	 * Deletes the rows sent, bounced or skipped more than {@link #RETENTION} ago; answers
	 * how many.
	 */
	public int purge() {
		Integer purged = this.transactions.execute(tx -> this.jdbc.sql("""
				delete from mail_outbox where status in ('SENT', 'BOUNCED', 'SKIPPED') and created_at < :before""")
			.param("before", this.today.instant().minus(RETENTION).atOffset(ZoneOffset.UTC))
			.update());
		return purged == null ? 0 : purged;
	}

}
