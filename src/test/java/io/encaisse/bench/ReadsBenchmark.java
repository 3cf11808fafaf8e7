package io.encaisse.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.encaisse.EncaisseApplication;

import org.jsoup.Jsoup;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads at scale (issue 28): a company's history written straight into PostgreSQL
 * (invoices over three years, most paid, some credited, some partly paid, the rest open;
 * a line each; the payments that paid them; one customer with 2,000 invoices), then the
 * dashboard, aging now and at past dates, DSO, the lists, a search, a document and the
 * big customer's page timed over HTTP, p50 and p95 per call, and the plans of the heavy
 * queries. Run with {@code bench/reads.sh [invoices]}; PostgreSQL only.
 */
public final class ReadsBenchmark {

	private static final String KEY = "bench-reads-admin-key-0123456789";

	private static final String PASSWORD = "bench-reads-password";

	private ReadsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int invoices = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
		boolean reuse = "true".equals(System.getenv("BENCH_REUSE"));
		try (ConfigurableApplicationContext app = SpringApplication.run(EncaisseApplication.class, "--server.port=0",
				"--encaisse.demo-data=false", "--encaisse.einvoicing.connector=none",
				"--encaisse.einvoicing.submit-interval=PT10H", "--encaisse.invoicing.mail-interval=PT10H",
				"--encaisse.mail.interval=PT10H", "--logging.level.root=WARN", "--ENCAISSE_BOOTSTRAP_API_KEY=" + KEY,
				"--ENCAISSE_ADMIN_PASSWORD=" + PASSWORD,
				// a database kept from an earlier run may carry an earlier form of this
				// branch's migrations
				"--spring.flyway.validate-on-migrate=" + !reuse)) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			LocalDate today = app.getBean(io.encaisse.shared.Today.class).date();
			Integer loaded = jdbc.queryForObject("select count(*) from invoice where kind = 'INVOICE'", Integer.class);
			if (!reuse || loaded == null || loaded < invoices) {
				load(jdbc, invoices, today);
			}
			System.out.printf(Locale.ROOT, "%s%n",
					jdbc.queryForObject(
							"""
									select count(*) filter (where kind = 'INVOICE') || ' invoices (' ||
									       count(*) filter (where kind = 'INVOICE' and status in ('ISSUED', 'PARTIALLY_PAID')) || ' open, ' ||
									       count(*) filter (where status = 'CANCELLED') || ' credited in full), ' ||
									       count(*) filter (where kind = 'CREDIT_NOTE') || ' credit notes'
									from invoice""",
							String.class));
			System.out.printf(Locale.ROOT, "%d settlements, %d payments, %d customers; database %s%n",
					jdbc.queryForObject("select count(*) from invoice_payment", Long.class),
					jdbc.queryForObject("select count(*) from payment", Long.class),
					jdbc.queryForObject("select count(*) from customer", Long.class),
					jdbc.queryForObject("select pg_size_pretty(pg_database_size(current_database()))", String.class));

			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			Http http = new Http("http://localhost:" + port);
			http.login();
			String someInvoice = jdbc.queryForObject(
					"select id from invoice where kind = 'INVOICE' and customer_id = 'bcu-big' order by id desc limit 1",
					String.class);
			String middle = jdbc.queryForObject("select id from invoice where number = ?", String.class,
					String.format(Locale.ROOT, "B-%09d", invoices / 2));
			LocalDate lastMonthEnd = today.withDayOfMonth(1).minusDays(1);
			LocalDate yearAgo = today.minusYears(1);
			LocalDate twoYearsAgo = today.minusYears(2);
			Map<String, Supplier<HttpResponse<String>>> calls = new java.util.LinkedHashMap<>();
			calls.put("dashboard (/)", () -> http.page("/"));
			calls.put("aging now (API)", () -> http.api("/api/v1/reports/aging"));
			calls.put("aging at last month end (API)", () -> http.api("/api/v1/reports/aging?asOf=" + lastMonthEnd));
			calls.put("aging a year ago (API)", () -> http.api("/api/v1/reports/aging?asOf=" + yearAgo));
			calls.put("aging two years ago (API)", () -> http.api("/api/v1/reports/aging?asOf=" + twoYearsAgo));
			calls.put("aging page (/reports/aging)", () -> http.page("/reports/aging"));
			calls.put("DSO now (API)", () -> http.api("/api/v1/reports/dso"));
			calls.put("DSO a year ago (API)", () -> http.api("/api/v1/reports/dso?asOf=" + yearAgo));
			calls.put("invoices, 100 (API)", () -> http.api("/api/v1/invoices?limit=100"));
			calls.put("invoices, 100 from the middle (API)",
					() -> http.api("/api/v1/invoices?limit=100&startingAfter=" + middle));
			calls.put("open invoices, 100 (API)", () -> http.api("/api/v1/invoices?status=ISSUED&limit=100"));
			calls.put("overdue invoices, 100 (API)", () -> http.api("/api/v1/invoices?overdue=true&limit=100"));
			calls.put("a customer's invoices, 100 (API)",
					() -> http.api("/api/v1/invoices?customerId=bcu-big&limit=100"));
			calls.put("invoice list page (/invoices)", () -> http.page("/invoices"));
			calls.put("customers, 100 (API)", () -> http.api("/api/v1/customers?limit=100"));
			calls.put("customer search (/customers?q=)", () -> http.page("/customers?q=Client%2012"));
			calls.put("payments, 100 (API)", () -> http.api("/api/v1/payments?limit=100"));
			calls.put("payment queue (/payments/queue)", () -> http.page("/payments/queue"));
			calls.put("an invoice (API)", () -> http.api("/api/v1/invoices/" + someInvoice));
			calls.put("an invoice page (/invoices/{id})", () -> http.page("/invoices/" + someInvoice));
			calls.put("customer page, 2,000 invoices", () -> http.page("/customers/bcu-big"));

			System.out.printf(Locale.ROOT,
					"%n| call | p50 ms | p95 ms | max ms | status, bytes |%n|---|---:|---:|---:|---|%n");
			for (Map.Entry<String, Supplier<HttpResponse<String>>> call : calls.entrySet()) {
				HttpResponse<String> first = call.getValue().get();
				call.getValue().get();
				long[] times = new long[runs];
				for (int r = 0; r < runs; r++) {
					long t0 = System.nanoTime();
					call.getValue().get();
					times[r] = System.nanoTime() - t0;
				}
				Arrays.sort(times);
				System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %d, %d |%n", call.getKey(),
						times[runs / 2] / 1e6, times[(int) Math.ceil(runs * 0.95) - 1] / 1e6, times[runs - 1] / 1e6,
						first.statusCode(), first.body().length());
			}

			System.out.println();
			explain(jdbc, "aging now", today);
			explain(jdbc, "aging a year ago", yearAgo);
		}
	}

	private static void explain(JdbcTemplate jdbc, String what, LocalDate asOf) {
		// the report's own statement (Aging), its parameters bound as literals
		String sql = agingSql().replace(":asOf", "date '" + asOf + "'")
			.replace(":d30", "date '" + asOf.minusDays(30) + "'")
			.replace(":d60", "date '" + asOf.minusDays(60) + "'")
			.replace(":d90", "date '" + asOf.minusDays(90) + "'");
		System.out.println("EXPLAIN (ANALYZE, BUFFERS) of " + what + ":");
		jdbc.queryForList("explain (analyze, buffers, costs off) " + sql, String.class)
			.forEach(line -> System.out.println("    " + line));
	}

	private static String agingSql() {
		return io.encaisse.reporting.Aging.customerRows(true);
	}

	/** Three years of history ending today, written set-based on the server. */
	private static void load(JdbcTemplate jdbc, int n, LocalDate today) {
		int customers = Math.max(10, n / 500);
		int every = Math.max(1, n / 2000);
		long t0 = System.nanoTime();
		jdbc.execute(
				"""
						truncate table payment_allocation, payment_suggestion, invoice_payment, invoice_line, invoice_adjustment,
						  invoice_lifecycle, mail_outbox, payment cascade""");
		jdbc.execute("delete from invoice");
		// the tables' own indexes (not those behind constraints) set aside during the
		// load and built again after it, as a restore would: the same indexes, built once
		List<String> indexes = jdbc.queryForList("""
				select pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid
				join pg_class t on t.oid = i.indrelid
				where t.relname in ('invoice', 'invoice_payment', 'invoice_line', 'payment', 'payment_allocation')
				  and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)""", String.class);
		List<String> names = jdbc.queryForList("""
				select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid
				join pg_class t on t.oid = i.indrelid
				where t.relname in ('invoice', 'invoice_payment', 'invoice_line', 'payment', 'payment_allocation')
				  and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)""", String.class);
		names.forEach(name -> jdbc.execute("drop index " + name));
		jdbc.execute("delete from customer where id like 'bcu-%'");
		jdbc.update(
				"""
						insert into customer (id, name, billing_country, payment_terms_days, currency, language, version, created_at)
						select 'bcu-' || lpad(c::text, 7, '0'), 'Client ' || c, 'FR', 30, 'EUR', 'fr', 0, now()
						from generate_series(1, ?) c""",
				customers);
		jdbc.update(
				"""
						insert into customer (id, name, billing_country, payment_terms_days, currency, language, version, created_at)
						values ('bcu-big', 'Grand Compte SA', 'FR', 30, 'EUR', 'fr', 0, now())""");
		// the shape of each invoice, from its number: 88 % paid 10 to 70 days after
		// issue,
		// 3 % credited in full after 15 days, 3 % paid half after 25 days and the rest
		// after
		// 90, 5 % paid late (60 to 240 days), 1 % never paid and written off after 400
		// days;
		// whatever is dated after today has not happened yet
		jdbc.update(
				"""
						create temporary table bench_shape as
						select g,
						       'binv-' || lpad(g::text, 9, '0') as id,
						       'B-' || lpad(g::text, 9, '0') as number,
						       case when g % ? = 0 then 'bcu-big' else 'bcu-' || lpad((1 + g % ?)::text, 7, '0') end as customer_id,
						       (?::date - 1095 + (g::bigint * 1095 / ?)::int) as issue_date,
						       (100 + (g::bigint * 7 % 9900))::numeric + 0.50 as total,
						       (g::bigint * 7919 % 100) as r,
						       (g::bigint * 31 % 60) as lag
						from generate_series(1, ?) g""",
				every, customers, today, n, n);
		jdbc.execute("""
				alter table bench_shape add column pay1 numeric, add column pay1_on date, add column pay2 numeric,
				  add column pay2_on date, add column pay2_kind varchar(20), add column credited numeric,
				  add column credited_on date, add column paid numeric, add column status varchar(20)""");
		jdbc.update(
				"""
						update bench_shape set
						  pay1 = case when r < 88 or r between 94 and 98 then total when r between 91 and 93 then round(total / 2, 2) end,
						  pay1_on = case when r < 88 then issue_date + 10 + lag::int when r between 94 and 98 then issue_date + 60 + 3 * lag::int
						                 when r between 91 and 93 then issue_date + 25 end,
						  pay2 = case when r between 91 and 93 then total - round(total / 2, 2) when r = 99 then total end,
						  pay2_on = case when r between 91 and 93 then issue_date + 90 when r = 99 then issue_date + 400 end,
						  pay2_kind = case when r = 99 then 'WRITE_OFF' else 'PAYMENT' end,
						  credited = case when r between 88 and 90 then total end,
						  credited_on = case when r between 88 and 90 then issue_date + 15 end""");
		jdbc.update(
				"""
						update bench_shape set
						  pay1 = case when pay1_on <= ?::date then pay1 end, pay1_on = case when pay1_on <= ?::date then pay1_on end,
						  pay2 = case when pay2_on <= ?::date then pay2 end, pay2_on = case when pay2_on <= ?::date then pay2_on end,
						  credited = case when credited_on <= ?::date then credited end,
						  credited_on = case when credited_on <= ?::date then credited_on end""",
				today, today, today, today, today, today);
		jdbc.update(
				"""
						update bench_shape set paid = coalesce(pay1, 0) + coalesce(pay2, 0), credited = coalesce(credited, 0)""");
		jdbc.update("""
				update bench_shape set status = case when credited > 0 then 'CANCELLED' when paid = total then 'PAID'
				  when paid > 0 then 'PARTIALLY_PAID' else 'ISSUED' end""");
		jdbc.update(
				"""
						insert into invoice (id, kind, number, status, customer_id, customer_name, issue_date, due_date, currency,
						  total_net, total_tax, total, amount_paid, amount_credited, payment_terms_days, version, created_at, origin,
						  first_settled_on, last_settled_on)
						select s.id, 'INVOICE', s.number, s.status, s.customer_id,
						       case when s.customer_id = 'bcu-big' then 'Grand Compte SA' else 'Client ' || ltrim(substr(s.customer_id, 5), '0') end,
						       s.issue_date, s.issue_date + 30, 'EUR', round(s.total / 1.2, 2), s.total - round(s.total / 1.2, 2),
						       s.total, s.paid, s.credited, 30, 0, now(), 'IMPORTED',
						       least(s.pay1_on, s.pay2_on, s.credited_on), greatest(s.pay1_on, s.pay2_on, s.credited_on)
						from bench_shape s order by s.g""");
		jdbc.update(
				"""
						insert into invoice (id, kind, number, status, customer_id, customer_name, credited_invoice_id, reason,
						  issue_date, currency, total_net, total_tax, total, amount_paid, amount_credited, payment_terms_days, version,
						  created_at, origin)
						select 'bcn-' || lpad(s.g::text, 9, '0'), 'CREDIT_NOTE', 'BC-' || lpad(s.g::text, 9, '0'), 'ISSUED',
						       s.customer_id, 'Client', s.id, 'returned', s.credited_on, 'EUR', round(s.total / 1.2, 2),
						       s.total - round(s.total / 1.2, 2), s.total, 0, 0, 30, 0, now(), 'IMPORTED'
						from bench_shape s where s.credited > 0 order by s.g""");
		jdbc.update(
				"""
						insert into invoice_line (invoice_id, line_index, sku, description, unit, quantity, unit_price,
						  discount_percent, tax_rate, net_amount, price_source, tax_category)
						select s.id, 0, 'SRV-1', 'Prestation', 'C62', 1, round(s.total / 1.2, 2), 0, 20, round(s.total / 1.2, 2),
						       'CATALOG', 'S'
						from bench_shape s order by s.g""");
		// the money received: one payment per settlement paid (write-offs are not money)
		jdbc.update(
				"""
						insert into payment (id, customer_id, amount, currency, received_on, reference, status, unallocated, version,
						  created_at)
						select p.id, p.customer_id, p.amount, 'EUR', p.on_date, p.number, 'MATCHED', 0, 0, now()
						from (select 'bpa-' || lpad(g::text, 9, '0') as id, customer_id, pay1 as amount, pay1_on as on_date, number, g, 1 as k
						      from bench_shape where pay1 is not null
						      union all
						      select 'bpb-' || lpad(g::text, 9, '0'), customer_id, pay2, pay2_on, number, g, 2
						      from bench_shape where pay2 is not null and pay2_kind = 'PAYMENT') p
						order by p.on_date, p.g, p.k""");
		jdbc.update("""
				insert into payment_allocation (payment_id, line_index, invoice_id, invoice_number, amount)
				select 'bpa-' || lpad(g::text, 9, '0'), 0, id, number, pay1 from bench_shape where pay1 is not null
				union all
				select 'bpb-' || lpad(g::text, 9, '0'), 0, id, number, pay2 from bench_shape
				where pay2 is not null and pay2_kind = 'PAYMENT'""");
		jdbc.update(
				"""
						insert into invoice_payment (invoice_id, payment_id, amount, paid_on, kind)
						select id, 'bpa-' || lpad(g::text, 9, '0'), pay1, pay1_on, 'PAYMENT' from bench_shape where pay1 is not null
						union all
						select id, case when pay2_kind = 'PAYMENT' then 'bpb-' else 'bwo-' end || lpad(g::text, 9, '0'), pay2, pay2_on,
						       pay2_kind
						from bench_shape where pay2 is not null""");
		jdbc.execute("drop table bench_shape");
		long t1 = System.nanoTime();
		jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) con -> {
			try (java.sql.Statement statement = con.createStatement()) {
				statement.execute("set maintenance_work_mem = '1GB'");
				for (String index : indexes) {
					statement.execute(index);
				}
			}
			return null;
		});
		long t2 = System.nanoTime();
		jdbc.execute("vacuum (analyze) invoice");
		jdbc.execute("vacuum (analyze) invoice_payment");
		jdbc.execute("vacuum (analyze) invoice_line");
		jdbc.execute("vacuum (analyze) payment");
		jdbc.execute("vacuum (analyze) payment_allocation");
		jdbc.execute("vacuum (analyze) customer");
		System.out.printf(Locale.ROOT,
				"loaded %d invoices in %.0f s, %d indexes built in %.0f s, vacuumed and analyzed in %.0f s%n", n,
				(t1 - t0) / 1e9, indexes.size(), (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9);
	}

	/** The API with the bench's key, the pages with a logged-in session. */
	static final class Http {

		private final String base;

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		Http(String base) {
			this.base = base;
		}

		void login() throws Exception {
			String csrf = Jsoup.parse(page("/login").body()).select("input[name=_csrf]").attr("value");
			String form = "username=admin&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(csrf, StandardCharsets.UTF_8);
			HttpResponse<String> in = this.client.send(HttpRequest.newBuilder(URI.create(this.base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (in.headers().firstValue("Location").orElse("/login").contains("/login")) {
				throw new IllegalStateException("login refused: " + in.statusCode());
			}
		}

		HttpResponse<String> page(String path) {
			return send(HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept-Language", "fr"));
		}

		HttpResponse<String> api(String path) {
			return send(HttpRequest.newBuilder(URI.create(this.base + path)).header("Authorization", "Bearer " + KEY));
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				HttpResponse<String> response = this.client.send(
						request.timeout(java.time.Duration.ofMinutes(10)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() >= 400) {
					throw new IllegalStateException(response.statusCode() + " " + response.uri() + ": "
							+ response.body().substring(0, Math.min(300, response.body().length())));
				}
				return response;
			}
			catch (java.io.IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
