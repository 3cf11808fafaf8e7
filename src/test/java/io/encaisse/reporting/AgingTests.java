package io.encaisse.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-based aging (open now plus what was settled after the date) gives, at every
 * date, what the definition gives: each invoice issued by then, less the payments,
 * write-offs and credit notes dated by then, put in its bucket. Random invoices over 200
 * days, settled in part, in full, late, after the dates asked, credited in part and in
 * full, including one credited after it was partly paid.
 */
@EncaisseTest
class AgingTests {

	static final LocalDate BASE = LocalDate.of(2026, 6, 30);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Aging aging;

	@Test
	void agingAtAnyDateIsWhatTheDefinitionGives() {
		String run = Long.toString(System.nanoTime(), 36);
		List<String> customers = new ArrayList<>();
		for (int c = 0; c < 5; c++) {
			String id = "agt-" + run + "-" + c;
			customers.add(id);
			this.jdbc
				.sql("""
						insert into customer (id, name, billing_country, payment_terms_days, currency, language, version, created_at)
						values (:id, :name, 'FR', 30, 'EUR', 'fr', 0, current_timestamp)""")
				.param("id", id)
				.param("name", "Aging " + c)
				.update();
		}
		Random random = new Random(7);
		for (int n = 0; n < 300; n++) {
			String id = "agt-" + run + "-inv-" + n;
			String customer = customers.get(random.nextInt(customers.size()));
			String currency = random.nextInt(5) == 0 ? "USD" : "EUR";
			LocalDate issued = BASE.minusDays(200 - random.nextInt(215));
			LocalDate due = issued.plusDays(random.nextInt(3) * 30);
			BigDecimal total = BigDecimal.valueOf(1000 + random.nextInt(100_000), 2);
			List<Object[]> payments = new ArrayList<>();
			BigDecimal credited = BigDecimal.ZERO;
			List<Object[]> creditNotes = new ArrayList<>();
			int shape = random.nextInt(10);
			if (shape < 4) {
				payments.add(new Object[] { total, issued.plusDays(random.nextInt(150)), "PAYMENT" });
			}
			else if (shape < 6) {
				BigDecimal part = total.multiply(BigDecimal.valueOf(30 + random.nextInt(40)))
					.divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
				payments.add(new Object[] { part, issued.plusDays(random.nextInt(60)), "PAYMENT" });
				if (random.nextBoolean()) {
					payments.add(new Object[] { total.subtract(part).subtract(new BigDecimal("0.50")),
							issued.plusDays(random.nextInt(150)), "PAYMENT" });
					payments.add(new Object[] { new BigDecimal("0.50"), issued.plusDays(150), "WRITE_OFF" });
				}
			}
			else if (shape == 6) {
				creditNotes.add(new Object[] { total, issued.plusDays(random.nextInt(100)) });
			}
			else if (shape == 7) {
				BigDecimal part = total.divide(BigDecimal.valueOf(4), 2, java.math.RoundingMode.HALF_UP);
				creditNotes.add(new Object[] { part, issued.plusDays(random.nextInt(100)) });
			}
			else if (shape == 8) {
				// paid in part, then credited in full: over-settled (a refund is owed)
				payments.add(new Object[] { total.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.HALF_UP),
						issued.plusDays(10), "PAYMENT" });
				creditNotes.add(new Object[] { total, issued.plusDays(40) });
			}
			BigDecimal paid = payments.stream().map(p -> (BigDecimal) p[0]).reduce(BigDecimal.ZERO, BigDecimal::add);
			credited = creditNotes.stream().map(c -> (BigDecimal) c[0]).reduce(BigDecimal.ZERO, BigDecimal::add);
			String status = credited.compareTo(total) >= 0 ? "CANCELLED" : paid.add(credited).compareTo(total) >= 0
					? "PAID" : paid.signum() > 0 ? "PARTIALLY_PAID" : "ISSUED";
			invoice(id, "INVOICE", "AGT-" + run + "-" + n, status, customer, currency, issued, due, total, paid,
					credited, null);
			for (int p = 0; p < payments.size(); p++) {
				Object[] row = payments.get(p);
				this.jdbc.sql("""
						insert into invoice_payment (invoice_id, payment_id, amount, paid_on, kind)
						values (:invoice, :payment, :amount, :on, :kind)""")
					.param("invoice", id)
					.param("payment", id + "-p" + p)
					.param("amount", row[0])
					.param("on", row[1])
					.param("kind", row[2])
					.update();
			}
			for (int c = 0; c < creditNotes.size(); c++) {
				Object[] row = creditNotes.get(c);
				invoice(id + "-c" + c, "CREDIT_NOTE", "AGC-" + run + "-" + n + "-" + c, "ISSUED", customer, currency,
						(LocalDate) row[1], null, (BigDecimal) row[0], BigDecimal.ZERO, BigDecimal.ZERO, id);
			}
		}

		// the settlement dates each invoice keeps, as the application keeps them
		// (SettlementDatesTests shows it does) and the migration filled them in
		this.jdbc
			.sql("""
					update invoice set
					  first_settled_on = (select min(s.settled_on) from invoicing_settlement s where s.invoice_id = invoice.id),
					  last_settled_on = (select max(s.settled_on) from invoicing_settlement s where s.invoice_id = invoice.id)
					where id like :ids and kind = 'INVOICE'""")
			.param("ids", "agt-" + run + "-inv-%")
			.update();

		for (int back = -30; back <= 195; back += 15) {
			LocalDate asOf = BASE.minusDays(back);
			Map<String, List<Object>> expected = definition(asOf, customers);
			Map<String, List<Object>> actual = new TreeMap<>();
			for (Aging.Row row : this.aging.asOf(asOf).customers()) {
				if (customers.contains(row.customerId())) {
					actual.put(row.customerId() + "|" + row.currency(), summary(row));
				}
			}
			assertThat(actual).as("aging at %s", asOf).isEqualTo(expected);
			assertThat(expected).as("something is open at %s", asOf).isNotEmpty();

			List<String> late = this.aging.latest(asOf, 1000)
				.stream()
				.filter(i -> customers.contains(i.customerId()))
				.map(i -> i.number() + " " + i.open().amount().stripTrailingZeros().toPlainString() + " "
						+ i.daysPastDue() + " " + i.bucket())
				.toList();
			assertThat(late).as("the late items at %s", asOf).isEqualTo(lateByDefinition(asOf, customers));
		}
	}

	private void invoice(String id, String kind, String number, String status, String customer, String currency,
			LocalDate issued, LocalDate due, BigDecimal total, BigDecimal paid, BigDecimal credited,
			String creditedInvoice) {
		this.jdbc
			.sql("""
					insert into invoice (id, kind, number, status, customer_id, customer_name, credited_invoice_id, issue_date,
					  due_date, currency, total_net, total_tax, total, amount_paid, amount_credited, payment_terms_days, version,
					  created_at, origin, source_ref)
					values (:id, :kind, :number, :status, :customer, :name, :credited, :issued, :due, :currency, :total, 0,
					  :total, :paid, :creditedAmount, 30, 0, current_timestamp, 'IMPORTED', :source)""")
			.param("source", "import:" + number)
			.param("id", id)
			.param("kind", kind)
			.param("number", number)
			.param("status", status)
			.param("customer", customer)
			.param("name", "Aging " + customer.substring(customer.length() - 1))
			.param("credited", creditedInvoice)
			.param("issued", issued)
			.param("due", due)
			.param("currency", currency)
			.param("total", total)
			.param("paid", paid)
			.param("creditedAmount", credited)
			.update();
	}

	/** Each invoice issued by the date less every settlement dated by then. */
	private List<Object[]> openByDefinition(LocalDate asOf, List<String> customers) {
		return this.jdbc
			.sql("""
					select r.number, r.customer_id, r.currency, r.due_date,
					       r.total - coalesce((select sum(s.amount) from invoicing_settlement s
					                           where s.invoice_id = r.invoice_id and s.settled_on <= :asOf), 0) as open_amount
					from invoicing_receivable r
					where r.issue_date <= :asOf and r.customer_id in (:customers)""")
			.param("asOf", asOf)
			.param("customers", customers)
			.query((rs,
					i) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3),
							rs.getObject(4, LocalDate.class), rs.getBigDecimal(5) })
			.list()
			.stream()
			.filter(r -> ((BigDecimal) r[4]).signum() > 0)
			.toList();
	}

	private Map<String, List<Object>> definition(LocalDate asOf, List<String> customers) {
		Map<String, BigDecimal[]> sums = new TreeMap<>();
		Map<String, Integer> counts = new TreeMap<>();
		for (Object[] r : openByDefinition(asOf, customers)) {
			String key = r[1] + "|" + r[2];
			BigDecimal[] buckets = sums.computeIfAbsent(key, k -> zeros());
			long late = ChronoUnit.DAYS.between((LocalDate) r[3], asOf);
			buckets[Aging.Bucket.of(late).ordinal()] = buckets[Aging.Bucket.of(late).ordinal()].add((BigDecimal) r[4]);
			counts.merge(key, 1, Integer::sum);
		}
		Map<String, List<Object>> result = new TreeMap<>();
		sums.forEach((key, buckets) -> {
			List<Object> summary = new ArrayList<>();
			BigDecimal total = BigDecimal.ZERO;
			for (BigDecimal b : buckets) {
				summary.add(b.stripTrailingZeros().toPlainString());
				total = total.add(b);
			}
			summary.add(total.stripTrailingZeros().toPlainString());
			summary.add(counts.get(key));
			result.put(key, summary);
		});
		return result;
	}

	private List<String> lateByDefinition(LocalDate asOf, List<String> customers) {
		return openByDefinition(asOf, customers).stream()
			.filter(r -> ((LocalDate) r[3]).isBefore(asOf))
			.sorted(Comparator.comparing((Object[] r) -> (LocalDate) r[3]).thenComparing(r -> (String) r[0]))
			.map(r -> {
				long late = ChronoUnit.DAYS.between((LocalDate) r[3], asOf);
				return r[0] + " " + ((BigDecimal) r[4]).stripTrailingZeros().toPlainString() + " " + late + " "
						+ Aging.Bucket.of(late);
			})
			.toList();
	}

	private static BigDecimal[] zeros() {
		BigDecimal[] zeros = new BigDecimal[Aging.Bucket.values().length];
		java.util.Arrays.fill(zeros, BigDecimal.ZERO);
		return zeros;
	}

	private static List<Object> summary(Aging.Row row) {
		List<Object> summary = new ArrayList<>();
		for (Aging.Bucket b : Aging.Bucket.values()) {
			summary.add(row.bucket(b).amount().stripTrailingZeros().toPlainString());
		}
		summary.add(row.total().amount().stripTrailingZeros().toPlainString());
		summary.add(row.invoices());
		return summary;
	}

}
