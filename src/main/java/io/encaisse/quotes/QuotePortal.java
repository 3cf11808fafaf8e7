package io.encaisse.quotes;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's link to a quote: signed (HMAC-SHA256 with a key kept in the database,
 * the same on every node), naming one revision, expiring the day after the quote's
 * validity. Through it the customer reads the quote, comments, accepts (typed name and
 * acceptance of the terms; the time, IP address, browser and a SHA-256 of the revision as
 * shown are recorded) or declines with a reason.
 */
@Service
public class QuotePortal {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Quotes quotes;

	private final QuoteComments comments;

	private final AuditTrail audit;

	private final Today today;

	private final io.encaisse.shared.SignedLinks links;

	QuotePortal(JdbcClient jdbc, Quotes quotes, QuoteComments comments, AuditTrail audit, Today today,
			io.encaisse.shared.SignedLinks links) {
		this.links = links;
		this.jdbc = jdbc;
		this.quotes = quotes;
		this.comments = comments;
		this.audit = audit;
		this.today = today;
	}

	/** What the link opens: the quote, and whether it can still be decided on. */
	public record Access(QuoteView quote, int revision, boolean current, boolean open, Instant expiresAt,
			List<QuoteComments.Comment> comments, Decision decision) {

		/**
		 * Whether the page may show the quote's content: only the revision the link
		 * names, and only once sent (a next revision being prepared is never shown).
		 */
		public boolean visible() {
			return this.current && this.quote.status() != QuoteStatus.DRAFT
					&& this.quote.status() != QuoteStatus.PENDING_APPROVAL;
		}

	}

	public record Decision(String decision, String name, Instant at, int revision) {
	}

	/** The link's token for the quote's current revision. */
	public String token(String quoteId) {
		QuoteView quote = this.quotes.get(quoteId);
		return this.links.token("quote", quote.validUntil().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
				quoteId, String.valueOf(quote.revision()));
	}

	public Access open(String token) {
		String[] parts = this.links.fields("quote", token);
		if (parts.length != 2) {
			throw new Problem.NotFound("link", "(this link is not valid)");
		}
		String quoteId = parts[0];
		int revision = Integer.parseInt(parts[1]);
		Instant expires = this.links.expiry("quote", token);
		QuoteView quote = this.quotes.get(quoteId);
		boolean current = quote.revision() == revision;
		boolean open = current && quote.status() == QuoteStatus.SENT && this.today.instant().isBefore(expires);
		Decision decision = this.jdbc.sql("""
				select decision, name, decided_at, revision from quote_decision where quote_id = :q
				order by decided_at desc limit 1""")
			.param("q", quoteId)
			.query((rs, n) -> new Decision(rs.getString(1), rs.getString(2),
					rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getInt(4)))
			.optional()
			.orElse(null);
		return new Access(quote, revision, current, open, expires, this.comments.of(quoteId, true), decision);
	}

	/**
	 * The customer accepts the revision the link names, if it is still the one on offer.
	 */
	@Transactional
	public Access accept(String token, String name, boolean termsAccepted, String ip, String userAgent) {
		return accept(token, name, termsAccepted, ip, userAgent, java.util.Set.of());
	}

	/** The customer accepts, with the optional lines they took. */
	@Transactional
	public Access accept(String token, String name, boolean termsAccepted, String ip, String userAgent,
			java.util.Set<Integer> optionalTaken) {
		Access access = open(token);
		Problem.Errors errors = new Problem.Errors();
		if (name == null || name.isBlank() || name.strip().length() < 3) {
			errors.add("name", "type your full name to sign");
		}
		else if (name.length() > 200) {
			errors.add("name", "must not exceed 200 characters");
		}
		if (!termsAccepted) {
			errors.add("terms", "accept the terms and conditions to sign");
		}
		errors.throwIfAny();
		decidable(access);
		record(access, "ACCEPTED", name.strip(), ip, userAgent, null);
		// the version read with the page: a revision sent meanwhile is not accepted by
		// mistake
		this.quotes.accept(access.quote().id(), access.quote().version(), name.strip() + " (online)",
				optionalTaken == null ? java.util.Set.of() : optionalTaken);
		return open(token);
	}

	/** The customer declines, saying why. */
	@Transactional
	public Access decline(String token, String name, String reason, String ip, String userAgent) {
		Access access = open(token);
		Problem.Errors errors = new Problem.Errors();
		if (name == null || name.isBlank()) {
			errors.add("name", "is required");
		}
		else if (name.length() > 200) {
			errors.add("name", "must not exceed 200 characters");
		}
		if (reason == null || reason.isBlank()) {
			errors.add("reason", "tell us why, so that we can do better");
		}
		else if (reason.length() > 2000) {
			errors.add("reason", "must not exceed 2000 characters");
		}
		errors.throwIfAny();
		decidable(access);
		record(access, "DECLINED", name.strip(), ip, userAgent, reason.strip());
		this.quotes.decline(access.quote().id(), null);
		this.comments.addFromCustomer(access.quote().id(), name.strip(), "Refus : " + reason.strip());
		return open(token);
	}

	/** A question or remark from the customer, visible to the sales team. */
	@Transactional
	public Access comment(String token, String name, String body) {
		Access access = open(token);
		if (!access.current()) {
			// the customer would comment on prices that are no longer the ones on offer
			throw new Problem.StateConflict(
					"this link shows revision " + access.revision() + ", which has been replaced by revision "
							+ access.quote().revision() + "; use the link of the latest email to comment");
		}
		if (!access.visible()) {
			throw new Problem.StateConflict("this quote is not on offer");
		}
		if (name == null || name.isBlank()) {
			throw new Problem.Invalid("name", "is required");
		}
		this.comments.addFromCustomer(access.quote().id(), name.strip(), body);
		return open(token);
	}

	private static void decidable(Access access) {
		if (!access.current()) {
			throw new Problem.StateConflict(
					"this link shows revision " + access.revision() + ", which has been replaced by revision "
							+ access.quote().revision() + "; use the link of the latest email");
		}
		if (!access.open()) {
			throw new Problem.StateConflict(
					"this quote is " + access.quote().status().name().toLowerCase(java.util.Locale.ROOT)
							+ " and can no longer be accepted or declined here");
		}
	}

	private void record(Access access, String decision, String name, String ip, String userAgent, String reason) {
		String hash = revisionHash(access.quote());
		this.jdbc
			.sql("""
					insert into quote_decision (id, quote_id, revision, decision, name, ip, user_agent, revision_hash, reason,
					  decided_at)
					values (:id, :q, :r, :d, :n, :ip, :ua, :h, :reason, :at)""")
			.param("id", Ids.next("qdc"))
			.param("q", access.quote().id())
			.param("r", access.revision())
			.param("d", decision)
			.param("n", name)
			.param("ip", ip == null ? "unknown" : ip.length() > 64 ? ip.substring(0, 64) : ip)
			.param("ua", userAgent == null ? null : userAgent.length() > 300 ? userAgent.substring(0, 300) : userAgent)
			.param("h", hash)
			.param("reason", reason)
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.update();
		this.audit.record(Quotes.DOCUMENT, access.quote().id(),
				decision.equals("ACCEPTED") ? "accepted online" : "declined online", AuditTrail.changes("name", name,
						"revision", access.revision(), "ip", ip, "revisionSha256", hash, "reason", reason));
	}

	/**
	 * SHA-256 of the revision as the customer saw it (lines, prices, totals, validity).
	 */
	static String revisionHash(QuoteView quote) {
		try {
			byte[] content = JSON.writeValueAsBytes(QuoteRevisions.Revision.of(quote));
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
