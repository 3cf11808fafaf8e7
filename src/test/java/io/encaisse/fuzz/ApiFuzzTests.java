package io.encaisse.fuzz;

import io.encaisse.support.EncaisseTest;
import io.encaisse.support.IsolatedDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bad-input battery on the database the build runs on (PostgreSQL in CI), in a schema
 * of its own: it changes shared settings and counts every row.
 */
@EncaisseTest
class ApiFuzzTests extends ApiFuzzing {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		// no background job writes while rows are counted around each case
		registry.add("db-scheduler.enabled", () -> "false");
		IsolatedDatabase.register(registry, "fuzz", false);
	}

}
