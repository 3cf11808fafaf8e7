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

	public static final String BILL = "hasAnyRole('ADMIN','BILLING','FINANCE')";

	public static final String COLLECT_CASH = "hasAnyRole('ADMIN','BILLING','FINANCE')";

	public static final String READ_RECEIVABLES = "hasAnyRole('ADMIN','BILLING','COLLECTOR','FINANCE','SALES_MANAGER','READ_ONLY')";

	public static final String ADMINISTER = "hasRole('ADMIN')";

}
