package io.encaisse.quotes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.encaisse.shared.Problem;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The superseded revisions of quotes, each kept whole as it was (lines, prices, totals,
 * validity, deposit), and the comparison of any two revisions line by line.
 */
@Component
public class QuoteRevisions {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	QuoteRevisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A revision as it was: amounts as written, so nothing is lost on the way back. */
	public record Revision(int revision, String status, LocalDate validUntil, String notes, String currency,
			String depositPercent, List<Line> lines, String totalNet, String totalTax, String total) {

		static Revision of(QuoteView q) {
			return new Revision(q.revision(), q.status().name(), q.validUntil(), q.notes(), q.currency(),
					q.depositPercent() == null ? null : q.depositPercent().stripTrailingZeros().toPlainString(),
					q.lines()
						.stream()
						.map(l -> new Line(l.lineNumber(), l.sku(), l.description(), l.unit(),
								l.quantity().stripTrailingZeros().toPlainString(), l.unitPrice().toUnitPriceString(),
								l.discountPercent().stripTrailingZeros().toPlainString(),
								l.taxRate().stripTrailingZeros().toPlainString(), l.net().toPlainString(),
								l.priceSource(), l.optional(),
								l.billing() == null ? io.encaisse.shared.BillingTerm.DEFAULT.name() : l.billing(),
								l.period()))
						.toList(),
					q.totals().net().toPlainString(), q.totals().tax().toPlainString(),
					q.totals().total().toPlainString());
		}

	}

	/**
	 * A line as it was; {@code billing} is null in revisions kept before billing terms
	 * existed (read as ON_DELIVERY).
	 */
	public record Line(int lineNumber, String sku, String description, String unit, String quantity, String unitPrice,
			String discountPercent, String taxRate, String net, String source, boolean optional, String billing,
			String period) {
	}

	/** A revision in the list: its number, total, and when it was superseded. */
	public record Summary(int revision, String total, LocalDate validUntil, Instant supersededAt, String supersededBy) {
	}

	/** What changed from one revision to another, line by line, side by side. */
	public record Diff(int from, int to, List<Change> lines, String totalFrom, String totalTo, LocalDate validFrom,
			LocalDate validTo) {
	}

	/** ADDED, REMOVED, CHANGED or SAME, with both sides (either may be missing). */
	public record Change(String kind, Line before, Line after) {
	}

	void keep(String quoteId, QuoteView current, Instant at, String by) {
		this.jdbc.sql("""
				insert into quote_revision (quote_id, revision, content, superseded_at, superseded_by)
				values (:q, :r, :c, :at, :by)""")
			.param("q", quoteId)
			.param("r", current.revision())
			.param("c", JSON.writeValueAsString(Revision.of(current)))
			.param("at", at.atOffset(java.time.ZoneOffset.UTC))
			.param("by", by)
			.update();
	}

	public List<Summary> of(String quoteId) {
		List<Summary> list = new ArrayList<>();
		this.jdbc.sql("""
				select revision, content, superseded_at, superseded_by from quote_revision where quote_id = :q
				order by revision""").param("q", quoteId).query((rs, n) -> {
			Revision r = JSON.readValue(rs.getString(2), Revision.class);
			return new Summary(rs.getInt(1), r.total(), r.validUntil(),
					rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getString(4));
		}).list().forEach(list::add);
		return list;
	}

	/** A superseded revision, or the current one. */
	Revision get(String quoteId, int revision, QuoteView current) {
		if (revision == current.revision()) {
			return Revision.of(current);
		}
		return this.jdbc.sql("select content from quote_revision where quote_id = :q and revision = :r")
			.param("q", quoteId)
			.param("r", revision)
			.query(String.class)
			.optional()
			.map(c -> JSON.readValue(c, Revision.class))
			.orElseThrow(() -> new Problem.NotFound("quote revision", quoteId + "/" + revision));
	}

	/**
	 * Lines are paired by product (by description for lines off the catalog), in order:
	 * what one revision has and the other does not is ADDED or REMOVED.
	 */
	static Diff diff(Revision from, Revision to) {
		Map<String, List<Line>> before = new LinkedHashMap<>();
		from.lines().forEach(l -> before.computeIfAbsent(key(l), k -> new ArrayList<>()).add(l));
		List<Change> changes = new ArrayList<>();
		for (Line after : to.lines()) {
			List<Line> same = before.get(key(after));
			if (same == null || same.isEmpty()) {
				changes.add(new Change("ADDED", null, after));
				continue;
			}
			Line was = same.remove(0);
			boolean equal = Objects.equals(was.quantity(), after.quantity())
					&& Objects.equals(was.unitPrice(), after.unitPrice())
					&& Objects.equals(was.discountPercent(), after.discountPercent())
					&& Objects.equals(was.taxRate(), after.taxRate())
					&& Objects.equals(was.description(), after.description()) && was.optional() == after.optional()
					&& Objects.equals(billing(was), billing(after)) && Objects.equals(was.period(), after.period());
			changes.add(new Change(equal ? "SAME" : "CHANGED", was, after));
		}
		before.values().forEach(rest -> rest.forEach(l -> changes.add(new Change("REMOVED", l, null))));
		return new Diff(from.revision(), to.revision(), changes, from.total(), to.total(), from.validUntil(),
				to.validUntil());
	}

	private static String key(Line l) {
		return "OFF-CATALOG".equals(l.sku()) || l.sku() == null ? "off:" + l.description() : l.sku();
	}

	private static String billing(Line l) {
		return l.billing() == null ? io.encaisse.shared.BillingTerm.DEFAULT.name() : l.billing();
	}

}
