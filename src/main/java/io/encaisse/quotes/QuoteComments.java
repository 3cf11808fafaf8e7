package io.encaisse.quotes;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on a quote, with author and time: INTERNAL ones stay between us, CUSTOMER ones
 * are what the customer sees and writes.
 */
@Service
@Transactional(readOnly = true)
public class QuoteComments {

	private final JdbcClient jdbc;

	private final Quotes quotes;

	private final AuditTrail audit;

	private final Today today;

	QuoteComments(JdbcClient jdbc, Quotes quotes, AuditTrail audit, Today today) {
		this.jdbc = jdbc;
		this.quotes = quotes;
		this.audit = audit;
		this.today = today;
	}

	public record Comment(String id, String author, String visibility, String body, Instant at) {
	}

	/**
	 * The quote's comments, oldest first; {@code customerOnly} leaves the internal ones
	 * out.
	 */
	public List<Comment> of(String quoteId, boolean customerOnly) {
		this.quotes.get(quoteId);
		return this.jdbc.sql("""
				select id, author, visibility, body, created_at from quote_comment
				where quote_id = :id and (:all = true or visibility = 'CUSTOMER') order by created_at, id""")
			.param("id", quoteId)
			.param("all", !customerOnly)
			.query((rs, i) -> new Comment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

	/**
	 * A comment the customer wrote through their link: visible to them, signed with their
	 * name.
	 */
	@Transactional
	public Comment addFromCustomer(String quoteId, String name, String body) {
		String text = body == null ? "" : body.strip();
		if (text.isEmpty()) {
			throw new Problem.Invalid("body", "is required");
		}
		if (text.length() > 4000) {
			throw new Problem.Invalid("body", "must not exceed 4000 characters");
		}
		String id = Ids.next("qcm");
		Instant now = this.today.instant();
		String author = "customer:" + (name.length() > 80 ? name.substring(0, 80) : name);
		this.jdbc.sql("""
				insert into quote_comment (id, quote_id, author, visibility, body, created_at)
				values (:id, :quote, :author, 'CUSTOMER', :body, :at)""")
			.param("id", id)
			.param("quote", quoteId)
			.param("author", author)
			.param("body", text)
			.param("at", now.atOffset(ZoneOffset.UTC))
			.update();
		this.audit.record(Quotes.DOCUMENT, quoteId, "commented by the customer", AuditTrail.changes("name", name));
		return new Comment(id, author, "CUSTOMER", text, now);
	}

	@Transactional
	public Comment add(String quoteId, String body, String visibility) {
		this.quotes.get(quoteId);
		Problem.Errors errors = new Problem.Errors();
		String text = body == null ? "" : body.strip();
		if (text.isEmpty()) {
			errors.add("body", "is required");
		}
		else if (text.length() > 4000) {
			errors.add("body", "must not exceed 4000 characters");
		}
		String seen = visibility == null || visibility.isBlank() ? "INTERNAL" : visibility.trim();
		if (!seen.equals("INTERNAL") && !seen.equals("CUSTOMER")) {
			errors.add("visibility", "must be INTERNAL or CUSTOMER");
		}
		errors.throwIfAny();
		String id = Ids.next("qcm");
		Instant now = this.today.instant();
		String author = AuditTrail.currentActor();
		this.jdbc.sql("""
				insert into quote_comment (id, quote_id, author, visibility, body, created_at)
				values (:id, :quote, :author, :visibility, :body, :at)""")
			.param("id", id)
			.param("quote", quoteId)
			.param("author", author)
			.param("visibility", seen)
			.param("body", text)
			.param("at", now.atOffset(ZoneOffset.UTC))
			.update();
		this.audit.record(Quotes.DOCUMENT, quoteId, "commented", AuditTrail.changes("visibility", seen));
		return new Comment(id, author, seen, text, now);
	}

}
