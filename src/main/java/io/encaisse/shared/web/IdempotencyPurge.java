package io.encaisse.shared.web;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deletes the {@code Idempotency-Key} answers past their 24 hours (one cluster-safe job):
 * what a retry may still replay is all that is kept.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyPurge {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

	@Bean
	RecurringTask<Void> purgeIdempotencyKeys(IdempotencyRecords records,
			@Value("${encaisse.idempotency.purge-interval:PT1H}") Duration interval) {
		return Tasks.recurring("purge-idempotency-keys", FixedDelay.of(interval)).execute((instance, context) -> {
			int purged = records.purge();
			if (purged > 0) {
				log.info("Purged {} Idempotency-Key answers older than {}", purged, IdempotencyRecords.RETENTION);
			}
		});
	}

}
