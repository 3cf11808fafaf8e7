package io.encaisse.collections;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily dunning run at today's date (one node at a time, db-scheduler).
 */
@Configuration(proxyBeanMethods = false)
class DunningSchedule {

	@Bean
	RecurringTask<Void> dailyDunningRun(ObjectProvider<DunningRuns> runs,
			@Value("${encaisse.collections.run-interval:PT24H}") Duration every) {
		return Tasks.recurring("dunning-run", FixedDelay.of(every))
			.execute((instance, context) -> runs.getObject().run(new DunningRuns.Request(null, false)));
	}

}
