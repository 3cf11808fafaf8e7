package io.encaisse.invoicing;

import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk issue and bulk send with progress: a run takes every ticked invoice, records each
 * outcome (a draft lacking mandatory data is not issued, with the reason), and the others
 * go on; the mails go through a real SMTP server.
 */
@EncaisseTest
class InvoiceRunTests {

	@LocalServerPort
	int port;

	private static JsonNode finished(Api api, String runId) {
		return org.awaitility.Awaitility.await("the run to finish")
			.atMost(java.time.Duration.ofSeconds(30))
			.pollInterval(java.time.Duration.ofMillis(100))
			.until(() -> api.get("/api/v1/invoice-runs/" + runId).json(),
					run -> "DONE".equals(run.get("status").asString()));
	}

	@Test
	void aBillingRunIssuesTheCompleteDraftsAndSaysWhyTheOthersWait() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String complete = fixtures.customer();
		String incomplete = api
			.post("/api/v1/customers",
					map("name", Fixtures.unique("Incomplet"), "email", "x@y.example", "billingAddress",
							map("line1", "1 rue A", "postalCode", "69001", "city", "Lyon")))
			.get("id");
		String sku = fixtures.product("100.00", "20");
		List<String> drafts = new ArrayList<>();
		for (String customer : List.of(complete, incomplete, complete, complete)) {
			drafts.add(api.post("/api/v1/invoices",
					map("customerId", customer, "lines", List.of(map("sku", sku, "quantity", "1"))))
				.get("id"));
		}
		Api.Response started = api.post("/api/v1/invoice-runs", map("kind", "ISSUE", "invoiceIds", drafts));
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		assertThat(started.get("total")).isEqualTo("4");
		JsonNode run = finished(api, started.get("id"));
		assertThat(run.get("done").asInt()).isEqualTo(3);
		assertThat(run.get("failed").asInt()).isEqualTo(1);
		assertThat(run.get("failures").get(0).get("invoiceId").asString()).isEqualTo(drafts.get(1));
		assertThat(run.get("failures").get(0).get("message").asString()).contains("customer.legalId");
		// consecutive numbers in the order given
		List<Integer> numbers = new ArrayList<>();
		for (int i : List.of(0, 2, 3)) {
			String number = api.get("/api/v1/invoices/" + drafts.get(i)).get("number");
			numbers.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
		}
		assertThat(numbers.get(1)).isEqualTo(numbers.get(0) + 1);
		assertThat(numbers.get(2)).isEqualTo(numbers.get(1) + 1);
		assertThat(api.get("/api/v1/invoices/" + drafts.get(1)).get("status")).isEqualTo("DRAFT");
		// the issued ones were queued for mail like any other
		assertThat(api.get("/api/v1/invoices/" + drafts.get(0) + "/sendings").json().get("data").size()).isEqualTo(1);

		// and a sending run sends them, through SMTP
		GreenMail smtp = new GreenMail(new ServerSetup(3025, "localhost", "smtp"));
		smtp.start();
		try {
			Api.Response send = api.post("/api/v1/invoice-runs",
					map("kind", "SEND", "invoiceIds", List.of(drafts.get(0), drafts.get(2), drafts.get(1))));
			assertThat(send.status()).as(send.toString()).isEqualTo(202);
			JsonNode sent = finished(api, send.get("id"));
			assertThat(sent.get("done").asInt()).isEqualTo(2);
			assertThat(sent.get("failed").asInt()).isEqualTo(1);
			assertThat(smtp.getReceivedMessages()).hasSize(2);
		}
		finally {
			smtp.stop();
		}
		// the page shows the run
		assertThat(api.get("/api/v1/invoice-runs/nope").status()).isEqualTo(404);
		assertThat(api.post("/api/v1/invoice-runs", map("kind", "PRINT")).status()).isEqualTo(422);
	}

}
