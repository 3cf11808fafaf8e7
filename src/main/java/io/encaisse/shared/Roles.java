package io.encaisse.shared;

/**
 * Who may do what, as {@code @PreAuthorize} expressions, so that every controller (page
 * or API) states its permission with one shared name.
 */
public final class Roles {

	private Roles() {
	}

	public static final String ANY = "isAuthenticated()";

	public static final String MANAGE_CUSTOMERS = "hasAnyRole('ADMIN','SALES','SALES_MANAGER','SALES_ADMIN','BILLING','FINANCE')";

	public static final String MANAGE_CATALOG = "hasAnyRole('ADMIN','SALES_MANAGER','FINANCE')";

	/** Customer price agreements: negotiated by sales management, checked by finance. */
	public static final String NEGOTIATE_PRICES = "hasAnyRole('ADMIN','SALES_MANAGER','FINANCE')";

	public static final String SELL = "hasAnyRole('ADMIN','SALES','SALES_MANAGER')";

	public static final String RECORD_ACCEPTANCE = "hasAnyRole('ADMIN','SALES','SALES_MANAGER','SALES_ADMIN')";

	public static final String DELIVER = "hasAnyRole('ADMIN','SALES_ADMIN','PROJECT_MANAGER')";

	/** Taking in orders and handling the exceptions queue: sales administration. */
	public static final String TAKE_ORDERS = "hasAnyRole('ADMIN','SALES','SALES_MANAGER','SALES_ADMIN')";

	public static final String BILL = "hasAnyRole('ADMIN','BILLING','FINANCE')";

	public static final String COLLECT_CASH = "hasAnyRole('ADMIN','BILLING','FINANCE')";

	/** Collections: dunning runs, disputes, promises, late charges (issue 23). */
	public static final String COLLECT = "hasAnyRole('ADMIN','COLLECTOR','BILLING','FINANCE')";

	public static final String READ_RECEIVABLES = "hasAnyRole('ADMIN','BILLING','COLLECTOR','FINANCE','SALES_MANAGER','READ_ONLY')";

	public static final String ADMINISTER = "hasRole('ADMIN')";

	public static final String SET_POLICIES = "hasAnyRole('ADMIN','FINANCE')";

	/**
	 * Who may approve a discount above its author's limit (their own limit must cover
	 * it).
	 */
	public static final String APPROVE_DISCOUNTS = "hasAnyRole('ADMIN','SALES_MANAGER','FINANCE')";

	/** Whether whoever is acting now holds one of these roles. */
	public static boolean currentHasAny(Role... roles) {
		java.util.Set<Role> held = current();
		return java.util.Arrays.stream(roles).anyMatch(held::contains);
	}

	/**
	 * The roles of whoever is acting now; empty for work nobody triggered (the system
	 * itself).
	 */
	public static java.util.Set<Role> current() {
		var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		java.util.Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
		if (auth != null) {
			for (var authority : auth.getAuthorities()) {
				for (Role role : Role.values()) {
					if (role.authority().equals(authority.getAuthority())) {
						roles.add(role);
					}
				}
			}
		}
		return roles;
	}

}
