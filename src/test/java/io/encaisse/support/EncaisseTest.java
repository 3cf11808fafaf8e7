package io.encaisse.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, on PostgreSQL when one is configured and on
 * in-memory H2 otherwise. Tests share one context; each creates its own data and never
 * assumes an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface EncaisseTest {

	String ADMIN_KEY = "test-admin-key-0123456789";

	String ADMIN_PASSWORD = "admin-password-for-tests";

}
