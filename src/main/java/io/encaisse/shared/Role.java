package io.encaisse.shared;

/**
 * The jobs people and programs do in Encaisse. A role grants exactly what that job needs;
 * see {@code docs/guide/roles.md} for the matrix that the tests walk.
 */
public enum Role {

	ADMIN, SALES, SALES_MANAGER, SALES_ADMIN, PROJECT_MANAGER, BILLING, COLLECTOR, FINANCE, READ_ONLY;

	/** The Spring Security authority for the role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
