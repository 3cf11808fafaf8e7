package io.encaisse.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.encaisse.shared.Money;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Billing leakage: what should have been billed and was not. Deliveries without their
 * invoice, accepted quotes with nothing invoiced after some days, and invoice lines
 * billed away from the price book (a typed price, an off-catalog line, a discount a
 * manager approved) for review. Read from what each module publishes for reporting.
 */
@Service
@Transactional(readOnly = true)
public class Leakage {

	static final int LIMIT = 500;

	private final JdbcClient jdbc;

	private final Today today;

	Leakage(JdbcClient jdbc, Today today) {
		this.jdbc = jdbc;
		this.today = today;
	}

	public record UnbilledDelivery(String deliveryId, String orderId, String orderNumber, String customerId,
			String customerName, LocalDate deliveredOn, Money net, long daysWaiting) {
	}

	public record UnbilledQuote(String quoteId, String number, String customerId, String customerName,
			LocalDate acceptedOn, String orderId, long days) {
	}

	public record OffBookLine(String invoiceId, String number, String customerName, LocalDate issueDate, int lineNumber,
			String sku, String description, BigDecimal discountPercent, String priceSource, Money net,
			String approvedBy) {
	}

	/**
	 * A line billed below what the price book (the customer's agreement included) gave
	 * for it: the net billed, what the book would have billed, and the difference.
	 */
	public record BelowBookLine(String invoiceId, String number, String customerName, LocalDate issueDate,
			int lineNumber, String sku, String description, BigDecimal quantity, BigDecimal discountPercent,
			String priceSource, Money net, Money atBook, Money shortfall) {
	}

	/** A milestone marked ready to bill that no invoice bills yet. */
	public record ReadyMilestone(String orderId, String orderNumber, String customerName, int milestone, String label,
			LocalDate readyOn, long daysWaiting) {
	}

	/**
	 * A recurring line a customer accepted: a subscription must bill it every period (no
	 * module does yet, so every one is listed).
	 */
	public record AcceptedRecurring(String quoteId, String number, String customerName, LocalDate acceptedOn,
			String description, String period, Money net) {
	}

	public record Report(int quoteDays, List<UnbilledDelivery> deliveries, List<UnbilledQuote> quotes,
			List<OffBookLine> offBook, List<BelowBookLine> belowBook, List<ReadyMilestone> milestones,
			List<AcceptedRecurring> recurring) {

		/** What the lines below the price book left uncharged, per currency. */
		public java.util.Map<String, Money> shortfall() {
			java.util.Map<String, Money> sums = new java.util.TreeMap<>();
			this.belowBook.forEach(l -> sums.merge(l.shortfall().currencyCode(), l.shortfall(), Money::plus));
			return sums;
		}

	}

	public Report report(Integer quoteDays) {
		int days = quoteDays == null ? 30 : quoteDays;
		if (days < 0 || days > 3650) {
			throw new Problem.Invalid("quoteDays", "must be between 0 and 3650");
		}
		LocalDate today = this.today.date();
		List<UnbilledDelivery> deliveries = this.jdbc
			.sql("""
					select d.delivery_id, d.order_id, d.order_number, d.customer_id, c.name, d.delivered_on, d.currency, d.net
					from orders_delivery d left join customers_name c on c.customer_id = d.customer_id
					where not exists (select 1 from invoicing_billed_source b where b.source_ref = concat('delivery:', d.delivery_id))
					and not exists (select 1 from orders_billed_by_milestones m where m.order_id = d.order_id)
					order by d.delivered_on, d.delivery_id limit :limit""")
			.param("limit", LIMIT)
			.query((rs, i) -> {
				LocalDate on = rs.getObject(6, LocalDate.class);
				return new UnbilledDelivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), on,
						Money.of(rs.getBigDecimal(8).setScale(2, RoundingMode.HALF_UP), rs.getString(7)),
						ChronoUnit.DAYS.between(on, today));
			})
			.list();
		List<UnbilledQuote> quotes = this.jdbc.sql("""
				select q.quote_id, q.number, q.customer_id, c.name, q.accepted_at, q.order_id
				from quotes_accepted q left join customers_name c on c.customer_id = q.customer_id
				where q.accepted_at < :before
				and not exists (select 1 from invoicing_billed_source b where b.order_id = q.order_id)
				order by q.accepted_at, q.quote_id limit :limit""")
			.param("before", this.today.instant().minus(java.time.Duration.ofDays(days)).atOffset(ZoneOffset.UTC))
			.param("limit", LIMIT)
			.query((rs, i) -> {
				LocalDate on = rs.getTimestamp(5).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
				return new UnbilledQuote(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), on,
						rs.getString(6), ChronoUnit.DAYS.between(on, today));
			})
			.list();
		List<OffBookLine> lines = this.jdbc
			.sql("""
					select l.invoice_id, l.number, l.customer_name, l.issue_date, l.line_index, l.sku, l.description,
					       l.discount_percent, l.price_source, l.currency, l.net_amount, q.approved_by
					from invoicing_billed_line l left join quotes_accepted q on q.order_id = l.order_id
					where l.price_source in ('MANUAL', 'OFF_CATALOG') or (l.discount_percent > 0 and q.approved_by is not null)
					order by l.issue_date desc, l.number, l.line_index limit :limit""")
			.param("limit", LIMIT)
			.query((rs, i) -> new OffBookLine(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getInt(5) + 1, rs.getString(6), rs.getString(7),
					rs.getBigDecimal(8), rs.getString(9), Money.of(rs.getBigDecimal(11), rs.getString(10)),
					rs.getString(12)))
			.list();
		List<BelowBookLine> below = this.jdbc.sql("""
				select l.invoice_id, l.number, l.customer_name, l.issue_date, l.line_index, l.sku, l.description,
				       l.quantity, l.discount_percent, l.price_source, l.currency, l.net_amount, l.book_price
				from invoicing_billed_line l
				where l.book_price is not null and l.net_amount < round(l.book_price * l.quantity, 2)
				order by l.issue_date desc, l.number, l.line_index limit :limit""")
			.param("limit", LIMIT)
			.query((rs, i) -> {
				String currency = rs.getString(11);
				Money net = Money.of(rs.getBigDecimal(12), currency);
				Money atBook = Money.of(rs.getBigDecimal(13).multiply(rs.getBigDecimal(8)), currency).rounded();
				return new BelowBookLine(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getObject(4, LocalDate.class), rs.getInt(5) + 1, rs.getString(6), rs.getString(7),
						rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10), net, atBook, atBook.minus(net));
			})
			.list();
		List<ReadyMilestone> milestones = this.jdbc.sql("""
				select m.order_id, m.order_number, c.name, m.position, m.label, m.ready_on
				from orders_milestone_ready m left join customers_name c on c.customer_id = m.customer_id
				order by m.ready_on, m.order_number, m.position limit :limit""")
			.param("limit", LIMIT)
			.query((rs, i) -> {
				LocalDate on = rs.getObject(6, LocalDate.class);
				return new ReadyMilestone(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
						rs.getString(5), on, on == null ? 0 : ChronoUnit.DAYS.between(on, today));
			})
			.list();
		List<AcceptedRecurring> recurring = this.jdbc.sql("""
				select r.quote_id, r.number, c.name, r.accepted_at, r.description, r.billing_period, r.currency, r.net
				from quotes_recurring_accepted r left join customers_name c on c.customer_id = r.customer_id
				order by r.accepted_at, r.number, r.line_index limit :limit""")
			.param("limit", LIMIT)
			.query((rs, i) -> new AcceptedRecurring(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant().atZone(ZoneOffset.UTC).toLocalDate(), rs.getString(5),
					rs.getString(6), Money.of(rs.getBigDecimal(8), rs.getString(7))))
			.list();
		return new Report(days, deliveries, quotes, lines, below, milestones, recurring);
	}

}
