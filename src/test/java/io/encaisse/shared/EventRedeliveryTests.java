package io.encaisse.shared;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event whose listener failed is kept, not lost, and delivered again; the listener
 * then applies it once.
 */
@EncaisseTest
@Import(EventRedeliveryTests.FlakyListener.class)
class EventRedeliveryTests {

	record Ping(String id) {
	}

	@TestConfiguration
	static class FlakyListener {

		final AtomicInteger calls = new AtomicInteger();

		final Set<String> handled = ConcurrentHashMap.newKeySet();

		@AfterCommit
		void on(Ping ping) {
			if (this.calls.incrementAndGet() == 1) {
				throw new IllegalStateException("the first delivery fails");
			}
			this.handled.add(ping.id());
		}

		// through a method: the bean is a transactional proxy, its fields are not the
		// listener's
		Set<String> handled() {
			return this.handled;
		}

	}

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	FlakyListener listener;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFailedDeliveryStaysIncompleteUntilItIsResubmitted() {
		this.transactions.executeWithoutResult(status -> this.events.publishEvent(new Ping("p-1")));
		assertThat(this.listener.handled()).isEmpty();
		assertThat(incompletePings()).isEqualTo(1);

		this.incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);

		assertThat(this.listener.handled()).containsExactly("p-1");
		assertThat(incompletePings()).isZero();
	}

	private int incompletePings() {
		return this.jdbc
			.sql("select count(*) from event_publication where completion_date is null and event_type like :type")
			.param("type", "%Ping")
			.query(Integer.class)
			.single();
	}

}
