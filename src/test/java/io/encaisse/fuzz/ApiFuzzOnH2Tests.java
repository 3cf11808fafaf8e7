package io.encaisse.fuzz;

import io.encaisse.support.EncaisseTest;
import io.encaisse.support.IsolatedDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The bad-input battery on the embedded H2, whatever database the build runs on. */
@EncaisseTest
class ApiFuzzOnH2Tests extends ApiFuzzing {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		// no background job writes while rows are counted around each case
		registry.add("db-scheduler.enabled", () -> "false");
		IsolatedDatabase.register(registry, "fuzz-h2", true);
	}

}
