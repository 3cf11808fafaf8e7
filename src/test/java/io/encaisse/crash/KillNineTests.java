package io.encaisse.crash;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseProcess;
import io.encaisse.support.Fixtures;
import io.encaisse.support.IsolatedDatabase;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 (issue 21): Encaisse runs as a process of its own on the embedded H2 default
 * and on PostgreSQL, and is killed with SIGKILL right after an invoice is issued, then in
 * the middle of a bulk run and of a statement import sent with an
 * {@code Idempotency-Key}. Started again on the same data: every number given before the
 * kill is still its invoice's and is never given again, the run's progress has not gone
 * back and the run resumes by itself within two minutes, the statement is there whole or
 * not at all, and the retry with the same key is answered (after the crashed request's
 * lease, if it was cut) instead of a 409 for ever.
 */
class KillNineTests {

	private static final Logger log = LoggerFactory.getLogger(KillNineTests.class);

	static final int DRAFTS = 2000;

	static final int ENTRIES = 20_000;

	@Test
	void nothingCommittedIsLostAndNothingIsBlockedForEver() throws Exception {
		Path root = Path.of("target", "kill-nine", Long.toString(System.currentTimeMillis())).toAbsolutePath();
		List<CompletableFuture<Void>> runs = new ArrayList<>();
		runs.add(CompletableFuture.runAsync(() -> scenario(root.resolve("h2"), Map.of(), Map.of())));
		String postgres = IsolatedDatabase.postgres();
		String schema = "kill_nine_" + Long.toString(System.nanoTime(), 36);
		if (postgres != null) {
			Map<String, String> env = Map.of("SPRING_DATASOURCE_URL", IsolatedDatabase.withSchema(postgres, schema),
					"SPRING_DATASOURCE_USERNAME", System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", ""),
					"SPRING_DATASOURCE_PASSWORD", System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", ""));
			runs.add(CompletableFuture.runAsync(() -> scenario(root.resolve("postgresql"), env,
					Map.of("spring.flyway.schemas", schema, "spring.flyway.default-schema", schema))));
		}
		try {
			CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
		}
		finally {
			if (postgres != null) {
				try (Connection c = DriverManager.getConnection(postgres, System.getenv("SPRING_DATASOURCE_USERNAME"),
						System.getenv("SPRING_DATASOURCE_PASSWORD"))) {
					c.createStatement().execute("drop schema if exists " + schema + " cascade");
				}
			}
		}
	}

	private void scenario(Path dir, Map<String, String> env, Map<String, String> properties) {
		try {
			run(dir, env, properties);
		}
		catch (Exception | AssertionError ex) {
			throw new AssertionError(dir + ": " + ex.getMessage(), ex);
		}
	}

	private void run(Path dir, Map<String, String> env, Map<String, String> properties) throws Exception {
		// 1. issue four invoices, the last one's PDF downloaded, and kill at once
		String customer;
		String sku;
		Map<String, String> numbers = new LinkedHashMap<>();
		try (EncaisseProcess first = EncaisseProcess.start(dir, env, properties, "app-1.log")) {
			Api api = first.api();
			Fixtures fixtures = new Fixtures(api);
			customer = fixtures.customer();
			sku = fixtures.product("100.00", "20.00");
			List<String> drafts = drafts(api, customer, sku, 4);
			for (String draft : drafts) {
				Api.Response issued = api.post("/api/v1/invoices/" + draft + "/issue", null);
				assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
				numbers.put(draft, issued.get("number"));
			}
			api.bytes("/api/v1/invoices/" + drafts.get(3) + "/pdf");
			first.kill();
		}
		log.info("{}: issued {} and killed", dir, numbers.values());

		// 2. the numbers survived and are not given again; a bulk run and a statement
		// import with an Idempotency-Key are killed half way
		String runId;
		int doneBeforeKill;
		String idempotencyKey = Fixtures.unique("statement");
		byte[] statement = statement(ENTRIES);
		List<String> runDrafts;
		String fifthNumber;
		try (EncaisseProcess second = EncaisseProcess.start(dir, env, properties, "app-2.log")) {
			Api api = second.api();
			numbers.forEach((id, number) -> {
				Api.Response invoice = api.get("/api/v1/invoices/" + id);
				assertThat(invoice.get("status")).as("invoice %s after the crash", number).isEqualTo("ISSUED");
				assertThat(invoice.get("number")).isEqualTo(number);
			});
			String fifth = drafts(api, customer, sku, 1).get(0);
			fifthNumber = api.post("/api/v1/invoices/" + fifth + "/issue", null).get("number");
			assertThat(fifthNumber).isEqualTo(next(lastOf(numbers)));
			assertThat(api
				.post("/api/v1/bank-accounts",
						map("name", "Crash", "iban", "FR7630006000011234567890189", "currency", "EUR"))
				.status()).isEqualTo(201);
			runDrafts = drafts(api, customer, sku, DRAFTS);
			Api.Response started = api.post("/api/v1/invoice-runs", map("kind", "ISSUE", "invoiceIds", runDrafts));
			assertThat(started.status()).as(started.toString()).isEqualTo(202);
			runId = started.get("id");
			String halfWay = runId;
			// a statement goes in while the run works, and everything is killed as soon
			// as the run is a little way in (waiting longer let a fast machine finish it)
			ExecutorService background = Executors.newSingleThreadExecutor();
			Future<Api.Response> importing = background
				.submit(() -> api.sendWithKey("/api/v1/bank-statements", statement, "application/xml", idempotencyKey));
			org.awaitility.Awaitility.await("the run a little way in")
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(5))
				.until(() -> api.get("/api/v1/invoice-runs/" + halfWay).json().get("done").asInt() >= 250);
			int done = api.get("/api/v1/invoice-runs/" + runId).json().get("done").asInt();
			assertThat(done).as("the run ended before it could be killed").isLessThan(DRAFTS);
			doneBeforeKill = done;
			boolean cut = !importing.isDone();
			second.kill();
			background.shutdownNow();
			assertThat(doneBeforeKill).as("killed half way").isLessThan(DRAFTS);
			log.info("{}: killed with the run at {} of {}, the statement import {}", dir, doneBeforeKill, DRAFTS,
					cut ? "cut" : "answered " + importing.get().status());
		}

		// 3. started again: progress kept, run resumed, statement whole or absent, key
		// answered
		try (EncaisseProcess third = EncaisseProcess.start(dir, env, properties, "app-3.log")) {
			Api api = third.api();
			Instant restarted = Instant.now();
			// H2 shows a commit to other sessions a moment before its pages are on the
			// disk
			// (PostgreSQL only once its WAL is): the chunk seen last may be the one a
			// kill
			// cut in that moment, never one before it (ADR 0016)
			int chunk = env.isEmpty() ? 250 : 0;
			int doneAfter = api.get("/api/v1/invoice-runs/" + runId).json().get("done").asInt();
			log.info("{}: the run's progress: {} seen before the kill, {} after the restart", dir, doneBeforeKill,
					doneAfter);
			assertThat(doneAfter).as("the run's progress after the crash")
				.isGreaterThanOrEqualTo(doneBeforeKill - chunk);

			Api.Response imported = api.sendWithKey("/api/v1/bank-statements", statement, "application/xml",
					idempotencyKey);
			while (imported.status() == 409) {
				assertThat(Duration.between(restarted, Instant.now())).isLessThan(Duration.ofSeconds(150));
				Thread.sleep(Long.parseLong(imported.headers().getOrDefault("retry-after", "5")) * 1000);
				imported = api.sendWithKey("/api/v1/bank-statements", statement, "application/xml", idempotencyKey);
			}
			assertThat(imported.status()).as(imported.toString()).isIn(200, 201);
			assertThat(imported.json().get("entries").asInt()).isEqualTo(ENTRIES);
			Api.Response again = api.sendWithKey("/api/v1/bank-statements", statement, "application/xml",
					idempotencyKey);
			assertThat(again.headers().get("idempotent-replayed")).isEqualTo("true");
			assertThat(again.get("id")).isEqualTo(imported.get("id"));

			boolean sawResuming = false;
			Api.Response run = api.get("/api/v1/invoice-runs/" + runId);
			while (!"DONE".equals(run.get("status"))) {
				sawResuming |= "RESUMING".equals(run.get("status"));
				assertThat(Duration.between(restarted, Instant.now())).as("the run resumes within two minutes")
					.isLessThan(Duration.ofSeconds(150));
				Thread.sleep(500);
				run = api.get("/api/v1/invoice-runs/" + runId);
			}
			log.info("{}: run done {} s after the restart (seen resuming: {})", dir,
					Duration.between(restarted, Instant.now()).toSeconds(), sawResuming);
			assertThat(run.json().get("done").asInt()).isEqualTo(DRAFTS);
			TreeSet<Integer> sequence = new TreeSet<>();
			List<String> all = new ArrayList<>(numbers.values());
			all.add(fifthNumber);
			for (String id : runDrafts) {
				all.add(api.get("/api/v1/invoices/" + id).get("number"));
			}
			all.forEach(n -> assertThat(sequence.add(Integer.parseInt(n.substring(n.lastIndexOf('-') + 1))))
				.as("%s given once", n)
				.isTrue());
			assertThat(sequence.last() - sequence.first() + 1).as("no gap in %s", sequence).isEqualTo(all.size());
		}
	}

	private static List<String> drafts(Api api, String customer, String sku, int count) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> created = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				created.add(pool.submit(() -> {
					Api.Response draft = api.post("/api/v1/invoices", map("customerId", customer, "currency", "EUR",
							"lines", List.of(map("sku", sku, "quantity", "1"))));
					assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
					return draft.get("id");
				}));
			}
			List<String> ids = new ArrayList<>();
			for (Future<String> f : created) {
				ids.add(f.get());
			}
			Collections.sort(ids);
			return ids;
		}
		finally {
			pool.shutdown();
		}
	}

	private static String lastOf(Map<String, String> numbers) {
		return new ArrayList<>(numbers.values()).get(numbers.size() - 1);
	}

	private static String next(String number) {
		int dash = number.lastIndexOf('-');
		String digits = number.substring(dash + 1);
		return number.substring(0, dash + 1)
				+ String.format("%0" + digits.length() + "d", Integer.parseInt(digits) + 1);
	}

	/** A camt.053 of as many credits as asked, naming no invoice (left unmatched). */
	private static byte[] statement(int entries) {
		StringBuilder xml = new StringBuilder();
		for (int i = 0; i < entries; i++) {
			xml.append("<Ntry><Amt Ccy=\"EUR\">")
				.append(10 + i % 90)
				.append(".00</Amt><CdtDbtInd>CRDT</CdtDbtInd>")
				.append("<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-20</Dt></BookgDt><AcctSvcrRef>KILL-")
				.append(i)
				.append("</AcctSvcrRef><NtryDtls><TxDtls><RmtInf><Ustrd>DIVERS ")
				.append(i)
				.append("</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n");
		}
		return ("""
				<?xml version="1.0" encoding="UTF-8"?>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
				<GrpHdr><MsgId>KILL-NINE</MsgId><CreDtTm>2026-11-20T08:00:00</CreDtTm></GrpHdr>
				<Stmt><Id>KILL-NINE</Id><Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id></Acct>
				""" + xml + "</Stmt></BkToCstmrStmt></Document>\n").getBytes(StandardCharsets.UTF_8);
	}

}
