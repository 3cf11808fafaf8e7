package io.encaisse.customers;

import java.util.List;

import io.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer list pages by name (issue 28: it rendered every customer): a page, then
 * the next after its last customer, until none is left; a search takes its text literally
 * ({@code %} and {@code _} are no wildcards).
 */
@EncaisseTest
class CustomersByNameTests {

	@Autowired
	Customers customers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void pagesByNameAndSearchesLiterally() {
		String run = Long.toString(System.nanoTime(), 36);
		for (String name : List.of("Zeta", "Alpha", "Mu", "Alpha")) {
			this.jdbc
				.sql("""
						insert into customer (id, name, billing_country, payment_terms_days, currency, language, version, created_at)
						values (:id, :name, 'FR', 30, 'EUR', 'fr', 0, current_timestamp)""")
				.param("id", "cbn-" + run + "-" + System.nanoTime())
				.param("name", "Paged " + run + " " + name)
				.update();
		}
		Customers.ByName first = this.customers.byName("paged " + run, null, 3);
		assertThat(first.customers()).extracting(CustomerDetails::name)
			.containsExactly("Paged " + run + " Alpha", "Paged " + run + " Alpha", "Paged " + run + " Mu");
		assertThat(first.next()).isEqualTo(first.customers().get(2).id());
		Customers.ByName second = this.customers.byName("paged " + run, first.next(), 3);
		assertThat(second.customers()).extracting(CustomerDetails::name).containsExactly("Paged " + run + " Zeta");
		assertThat(second.next()).isNull();

		assertThat(this.customers.byName("paged%" + run, null, 10).customers()).isEmpty();
		assertThat(this.customers.byName("paged_" + run, null, 10).customers()).isEmpty();
	}

}
