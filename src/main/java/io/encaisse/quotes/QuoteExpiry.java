package io.encaisse.quotes;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Quotes expire by themselves: a cluster-safe job stores the expiry of those past their
 * validity.
 */
@Configuration(proxyBeanMethods = false)
class QuoteExpiry {

	@Bean
	RecurringTask<Void> expireQuotes(Quotes quotes, @Value("${encaisse.quotes.expiry-interval:PT1H}") Duration every) {
		return Tasks.recurring("expire-quotes", FixedDelay.of(every))
			.execute((instance, context) -> quotes.expireDue());
	}

}
