package io.encaisse.e2e;

import io.encaisse.support.EncaisseTest;

/** The API journey on the configured database: PostgreSQL in CI, H2 on a bare machine. */
@EncaisseTest
class ApiJourneyTests extends ApiJourney {

}
