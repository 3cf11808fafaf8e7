package io.encaisse.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A module's reaction to another module's event: runs once the publishing transaction has
 * committed, in its own transaction, on the same thread, so that the caller sees the
 * whole chain done when its request returns (a quote accepted answers with its order).
 * The event publication registry records each delivery and keeps failed ones for
 * resubmission, so listeners must be idempotent. See ADR 0003.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(propagation = Propagation.REQUIRES_NEW)
@TransactionalEventListener
public @interface AfterCommit {

}
