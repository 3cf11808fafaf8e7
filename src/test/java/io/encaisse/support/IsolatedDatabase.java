package io.encaisse.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of one's own for a battery that changes settings every test shares (the
 * discount policy, the invoice layout) or that must count every row: a schema of its own
 * on the PostgreSQL the build runs on, an in-memory H2 of its own otherwise, or H2 when
 * asked even where a PostgreSQL is configured.
 */
public final class IsolatedDatabase {

	private IsolatedDatabase() {
	}

	public static final String H2_OPTIONS = ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

	/** The configured PostgreSQL, if the build runs on one. */
	public static String postgres() {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		return url != null && url.startsWith("jdbc:postgresql:") ? url : null;
	}

	public static void register(DynamicPropertyRegistry registry, String name, boolean h2) {
		String postgres = postgres();
		if (postgres == null || h2) {
			registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + H2_OPTIONS);
			registry.add("spring.datasource.username", () -> "sa");
			registry.add("spring.datasource.password", () -> "");
			return;
		}
		registry.add("spring.datasource.url", () -> withSchema(postgres, name));
		registry.add("spring.flyway.schemas", () -> name);
		registry.add("spring.flyway.default-schema", () -> name);
	}

	/** The PostgreSQL URL with {@code currentSchema} set to this schema. */
	public static String withSchema(String url, String schema) {
		return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

}
