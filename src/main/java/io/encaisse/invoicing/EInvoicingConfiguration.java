package io.encaisse.invoicing;

import java.nio.file.Path;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.encaisse.invoicing.lifecycle.FileDropConnector;
import io.encaisse.invoicing.lifecycle.PlatformConnector;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform connector chosen by {@code encaisse.einvoicing.connector} (only
 * {@code file-drop} so far; {@code none} sends nothing), and the cluster-safe job that
 * hands the issued invoices to it.
 */
@Configuration(proxyBeanMethods = false)
class EInvoicingConfiguration {

	@Bean
	@ConditionalOnProperty(name = "encaisse.einvoicing.connector", havingValue = "file-drop")
	PlatformConnector fileDropConnector(@Value("${encaisse.einvoicing.file-drop.dir}") Path directory) {
		return new FileDropConnector(directory);
	}

	@Bean
	RecurringTask<Void> queueInvoiceReminders(InvoiceMail mail,
			@Value("${encaisse.invoicing.mail-interval:PT30S}") Duration interval) {
		// the reminders due are queued; the outbox's own job sends them
		return Tasks.recurring("queue-invoice-reminders", FixedDelay.of(interval))
			.execute((instance, context) -> mail.queueReminders());
	}

	@Bean
	RecurringTask<Void> submitIssuedInvoices(EInvoicing eInvoicing,
			@Value("${encaisse.einvoicing.submit-interval:PT30S}") Duration interval) {
		return Tasks.recurring("submit-issued-invoices", FixedDelay.of(interval))
			.execute((instance, context) -> eInvoicing.submitPending(200));
	}

}
