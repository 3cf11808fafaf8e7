package io.encaisse.e2e;

import io.encaisse.support.EncaisseTest;
import io.encaisse.support.OnEmbeddedH2;

/**
 * The same journey on the embedded H2 database, whatever database is configured, so CI
 * covers both.
 */
@EncaisseTest
@OnEmbeddedH2
class ApiJourneyOnH2Tests extends ApiJourney {

}
