package io.encaisse.shared;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Delivers again the events whose listener failed: one cluster-safe job (db-scheduler
 * picks one node) resubmits the publications still incomplete after a grace period.
 * Listeners are idempotent, so a delivery that happens twice applies once. See ADR 0003.
 */
@Configuration(proxyBeanMethods = false)
class EventRedelivery {

	private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

	@Bean
	RecurringTask<Void> resubmitIncompleteEventPublications(IncompleteEventPublications incomplete,
			@Value("${encaisse.events.redelivery-interval:PT1M}") Duration interval,
			@Value("${encaisse.events.redelivery-grace:PT1M}") Duration grace) {
		return Tasks.recurring("resubmit-incomplete-event-publications", FixedDelay.of(interval))
			.execute((instance, context) -> {
				log.debug("Resubmitting event publications incomplete for more than {}", grace);
				incomplete.resubmitIncompletePublicationsOlderThan(grace);
			});
	}

}
