package io.encaisse.shared;

/**
 * The jobs people and programs do in Encaisse. A role grants exactly what that job needs:
 * each controller states it with {@link Roles}, and the table of
 * {@code access.RolePermissionTests} (every API operation, every role) is the matrix the
 * access battery walks.
 */
public enum Role {

	ADMIN, SALES, SALES_MANAGER, SALES_ADMIN, PROJECT_MANAGER, BILLING, COLLECTOR, FINANCE, READ_ONLY;

	/** The Spring Security authority for the role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
