package io.encaisse.fuzz;

import io.encaisse.support.EncaisseTest;
import io.encaisse.support.IsolatedDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web UI's bad-input battery on the database the build runs on, in a schema of its
 * own with the demo data.
 */
@EncaisseTest
class WebFuzzTests extends WebFuzzing {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("db-scheduler.enabled", () -> "false");
		registry.add("encaisse.demo-data", () -> "true");
		IsolatedDatabase.register(registry, "webfuzz", false);
	}

}
