package io.encaisse.shared.mail;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox's two cluster-safe jobs: sending what is due (every 30 s by default, 100 at
 * a time) and purging what was sent long ago (daily).
 */
@Configuration(proxyBeanMethods = false)
class MailOutboxJobs {

	private static final Logger log = LoggerFactory.getLogger(MailOutboxJobs.class);

	@Bean
	RecurringTask<Void> mailOutboxSending(ObjectProvider<MailOutbox> outbox,
			@Value("${encaisse.mail.interval:PT30S}") Duration interval,
			@Value("${encaisse.mail.batch:100}") int batch) {
		return Tasks.recurring("mail-outbox", FixedDelay.of(interval))
			.execute((instance, context) -> outbox.getObject().sendDue(batch));
	}

	@Bean
	RecurringTask<Void> mailOutboxPurge(ObjectProvider<MailOutbox> outbox) {
		return Tasks.recurring("mail-outbox-purge", FixedDelay.of(Duration.ofDays(1))).execute((instance, context) -> {
			int purged = outbox.getObject().purge();
			if (purged > 0) {
				log.info("Purged {} mails sent more than {} ago", purged, MailOutbox.RETENTION);
			}
		});
	}

	@Bean
	RecurringTask<Void> readMailBounces(MailBounces bounces,
			@Value("${encaisse.mail.bounces.interval:PT5M}") Duration interval) {
		return Tasks.recurring("read-mail-bounces", FixedDelay.of(interval))
			.execute((instance, context) -> bounces.read());
	}

}
