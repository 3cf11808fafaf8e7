package io.encaisse.e2e;

import io.encaisse.support.EncaisseTest;

import org.springframework.test.context.TestPropertySource;

/**
 * The same journey on the embedded H2 database, whatever database is configured, so CI
 * covers both.
 */
@EncaisseTest
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:encaisse-journey;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"spring.datasource.username=sa", "spring.datasource.password=" })
class ApiJourneyOnH2Tests extends ApiJourney {

}
