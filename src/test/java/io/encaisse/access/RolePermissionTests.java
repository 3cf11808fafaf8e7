package io.encaisse.access;

import io.encaisse.support.EncaisseTest;

/** The access matrix on the database the build runs on (PostgreSQL in CI). */
@EncaisseTest
class RolePermissionTests extends AccessMatrix {

}
