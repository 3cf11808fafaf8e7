package io.encaisse.bench;

import java.time.LocalDate;
import java.util.Locale;

import io.encaisse.EncaisseApplication;
import io.encaisse.collections.DunningRuns;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dunning run at scale (issue 23): open invoices of many customers written straight
 * into PostgreSQL, due between 1 and 120 days ago (so every level of the default policy
 * has its share), a few disputed, promised or of customers excluded from dunning; then a
 * dry run and a real run at today's date, timed; the real run writes the notices and
 * messages and queues the mails in the outbox (composed when they leave, not timed here);
 * then a second run the same day (nothing new). Run with
 * {@code bench/dunning-run.sh [invoices=1000000] [customers=100000]}; PostgreSQL only.
 */
public final class DunningRunBenchmark {

	private DunningRunBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int invoices = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		int customers = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
		try (ConfigurableApplicationContext app = SpringApplication.run(EncaisseApplication.class, "--server.port=0",
				"--encaisse.demo-data=false", "--encaisse.einvoicing.connector=none",
				"--encaisse.einvoicing.submit-interval=PT10H", "--encaisse.invoicing.mail-interval=PT10H",
				"--encaisse.mail.interval=PT10H", "--encaisse.collections.run-interval=PT10H",
				"--logging.level.root=WARN", "--logging.level.io.encaisse.collections=DEBUG")) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			LocalDate today = app.getBean(io.encaisse.shared.Today.class).date();
			long t0 = System.nanoTime();
			load(jdbc, invoices, customers, today);
			long t1 = System.nanoTime();
			System.out.printf(Locale.ROOT, "loaded %d open invoices of %d customers in %.1f s%n", invoices, customers,
					(t1 - t0) / 1e9);
			DunningRuns runs = app.getBean(DunningRuns.class);
			long d0 = System.nanoTime();
			DunningRuns.Run dry = runs.run(new DunningRuns.Request(today, true));
			long d1 = System.nanoTime();
			System.out.printf(Locale.ROOT, "dry run: %d messages, %d invoices in %.1f s%n", dry.messageCount(),
					dry.noticeCount(), (d1 - d0) / 1e9);
			long r0 = System.nanoTime();
			DunningRuns.Run run = runs.run(new DunningRuns.Request(today, false));
			long r1 = System.nanoTime();
			Long queued = jdbc.queryForObject("select count(*) from mail_outbox where kind = 'DUNNING'", Long.class);
			System.out.printf(Locale.ROOT, "run: %d messages, %d notices, %d mails queued in %.1f s%n",
					run.messageCount(), run.noticeCount(), queued, (r1 - r0) / 1e9);
			long s0 = System.nanoTime();
			DunningRuns.Run again = runs.run(new DunningRuns.Request(today, false));
			long s1 = System.nanoTime();
			System.out.printf(Locale.ROOT, "the same day again: %d messages in %.1f s%n", again.messageCount(),
					(s1 - s0) / 1e9);
			System.out.printf(Locale.ROOT, "notices by level: %s%n",
					jdbc.queryForList(
							"select level || ': ' || count(*) from dunning_notice group by level order by level",
							String.class));
		}
	}

	private static void load(JdbcTemplate jdbc, int invoices, int customers, LocalDate today) {
		jdbc.update("""
				insert into customer (id, name, email, billing_country, payment_terms_days, currency, language, version,
				  created_at)
				select 'bdc-' || lpad(c::text, 7, '0'), 'Client ' || c, 'compta' || c || '@bench.example', 'FR', 30,
				  'EUR', 'fr', 0, now()
				from generate_series(1, ?) c""", customers);
		jdbc.update(
				"""
						insert into invoice (id, kind, number, status, customer_id, customer_name, issue_date, due_date, currency,
						  total_net, total_tax, total, amount_paid, amount_credited, payment_terms_days, version, created_at)
						select 'bdi-' || lpad(g::text, 9, '0'), 'INVOICE', 'D-' || lpad(g::text, 9, '0'),
						  case when g % 10 = 0 then 'PARTIALLY_PAID' else 'ISSUED' end,
						  'bdc-' || lpad((1 + g % ?)::text, 7, '0'), 'Client ' || (1 + g % ?),
						  ?::date - 30 - (1 + g % 120), ?::date - (1 + g % 120), 'EUR', 1000, 200, 1200,
						  case when g % 10 = 0 then 500 else 0 end, 0, 30, 0, now()
						from generate_series(1, ?) g""",
				customers, customers, today, today, invoices);
		// one invoice in a hundred disputed, one in a hundred promised, one customer in
		// a thousand excluded
		jdbc.update("""
				insert into invoice_dispute (id, invoice_id, customer_id, reason, amount, currency, status, opened_by,
				  opened_at, version)
				select 'bdd-' || id, id, customer_id, 'PRICE', 1200, 'EUR', 'OPEN', 'bench', now(), 0
				from invoice where id like 'bdi-%' and substr(id, 5)::int % 100 = 7""");
		jdbc.update(
				"""
						insert into payment_promise (id, customer_id, amount, currency, promised_on, status, created_by, created_at)
						select 'bdp-' || id, customer_id, 1200, 'EUR', ?::date + 10, 'OPEN', 'bench', now()
						from invoice where id like 'bdi-%' and substr(id, 5)::int % 100 = 13""",
				today);
		jdbc.update("""
				insert into payment_promise_invoice (promise_id, invoice_id)
				select 'bdp-' || id, id from invoice where id like 'bdi-%' and substr(id, 5)::int % 100 = 13""");
		jdbc.update("""
				insert into collection_setting (customer_id, excluded, updated_at)
				select id, true, now() from customer where id like 'bdc-%' and substr(id, 5)::int % 1000 = 1""");
		jdbc.execute("analyze");
	}

}
