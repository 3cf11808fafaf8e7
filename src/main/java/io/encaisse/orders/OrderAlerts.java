package io.encaisse.orders;

import java.time.Duration;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sales administration is told by mail, once a day by default, which orders wait too long
 * at a step ({@link OrderTimers}); {@code encaisse.orders.alerts-to} says where (no
 * address, no mail).
 */
@Component
public class OrderAlerts {

	private static final Logger log = LoggerFactory.getLogger(OrderAlerts.class);

	private final OrderTimers timers;

	private final JavaMailSender mail;

	private final String to;

	private final String from;

	private final io.encaisse.shared.SignedLinks links;

	OrderAlerts(OrderTimers timers, ObjectProvider<JavaMailSender> mail,
			@Value("${encaisse.orders.alerts-to:}") String to,
			@Value("${encaisse.seller.email:facturation@atelier-numerique.example}") String from,
			io.encaisse.shared.SignedLinks links) {
		this.timers = timers;
		this.mail = mail.getIfAvailable();
		this.to = to;
		this.from = from;
		this.links = links;
	}

	/** Mails the late orders; answers how many were listed (0: nothing sent). */
	public int alert() {
		List<OrderTimers.Late> late = this.timers.late();
		if (late.isEmpty() || this.to.isBlank() || this.mail == null) {
			return 0;
		}
		StringBuilder body = new StringBuilder("Commandes en attente trop longtemps / orders waiting too long:\n\n");
		for (OrderTimers.Late l : late) {
			body.append(l.number())
				.append(" · ")
				.append(l.customerName())
				.append(" · ")
				.append(l.step())
				.append(" depuis/since ")
				.append(l.since())
				.append(" · +")
				.append(l.workingDaysOver())
				.append(" j. ouvrés/working days\n");
		}
		body.append("\n").append(this.links.url("/orders/exceptions")).append('\n');
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(this.to);
		message.setSubject("Encaisse : " + late.size() + " commande(s) en retard d'étape");
		message.setText(body.toString());
		try {
			this.mail.send(message);
		}
		catch (RuntimeException ex) {
			log.warn("the late-orders alert could not be mailed to {}: {}", this.to, ex.toString());
			return 0;
		}
		return late.size();
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> orderStepAlerts(ObjectProvider<OrderAlerts> alerts,
				@Value("${encaisse.orders.alerts-interval:P1D}") Duration every) {
			return Tasks.recurring("order-step-alerts", FixedDelay.of(every))
				.execute((instance, context) -> alerts.getObject().alert());
		}

	}

}
