package io.encaisse.invoicing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@EncaisseTest
class InvoiceNumberingIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void invoicesIssuedConcurrentlyTakeConsecutiveNumbersWithoutGapsOrDuplicates() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("10.00", "20");
		int orders = 8;
		List<String> orderIds = new ArrayList<>();
		for (int i = 0; i < orders; i++) {
			orderIds.add(fixtures.acceptedOrder(customer, sku, "3"));
		}
		ExecutorService pool = Executors.newFixedThreadPool(orders);
		List<Future<List<String>>> results = new ArrayList<>();
		for (String order : orderIds) {
			results.add(pool.submit(() -> {
				List<String> invoices = new ArrayList<>();
				for (int d = 0; d < 3; d++) {
					invoices.add(fixtures.deliver(order, sku, "1"));
				}
				return invoices;
			}));
		}
		List<Integer> numbers = new ArrayList<>();
		for (Future<List<String>> f : results) {
			for (String invoice : f.get()) {
				String number = api.get("/api/v1/invoices/" + invoice).get("number");
				numbers.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
			}
		}
		pool.shutdown();
		assertThat(numbers).hasSize(orders * 3).doesNotHaveDuplicates();
		int min = numbers.stream().min(Integer::compare).orElseThrow();
		int max = numbers.stream().max(Integer::compare).orElseThrow();
		assertThat(max - min + 1).as("no gap between the first and the last number").isEqualTo(orders * 3);
	}

	@Test
	void fortyFiveDaysEndOfMonthRunsToTheLastDayOfTheMonth() {
		var draft = io.encaisse.invoicing.domain.Invoice.draft("inv_y",
				io.encaisse.invoicing.domain.Invoice.Kind.INVOICE, "cus_x", "X", null, null, null, null, "EUR", 45,
				true, List.of(), java.time.Instant.EPOCH);
		draft.issue("FA-2026-000002", java.time.LocalDate.of(2026, 1, 20), "RF00");
		assertThat(draft.dueDate()).isEqualTo(java.time.LocalDate.of(2026, 3, 31));
	}

	@Test
	void anIssuedInvoiceCannotBeIssuedAgain() {
		var draft = io.encaisse.invoicing.domain.Invoice.draft("inv_x",
				io.encaisse.invoicing.domain.Invoice.Kind.INVOICE, "cus_x", "X", null, null, null, null, "EUR", 30,
				false, List.of(), java.time.Instant.EPOCH);
		draft.issue("FA-2026-000001", java.time.LocalDate.of(2026, 1, 5), "RF00");
		assertThat(draft.dueDate()).isEqualTo(java.time.LocalDate.of(2026, 2, 4));
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> draft.issue("FA-2026-000002", java.time.LocalDate.of(2026, 1, 6), "RF00"))
			.isInstanceOf(io.encaisse.shared.Problem.StateConflict.class);
	}

}
