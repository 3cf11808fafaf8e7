package io.encaisse.access;

import io.encaisse.support.EncaisseTest;
import io.encaisse.support.OnEmbeddedH2;

/** The access matrix on the embedded H2, whatever database the build runs on. */
@EncaisseTest
@OnEmbeddedH2
class AccessMatrixOnH2Tests extends AccessMatrix {

}
