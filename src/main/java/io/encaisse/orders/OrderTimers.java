package io.encaisse.orders;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.encaisse.shared.Today;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Orders waiting too long at a step, against targets in working days (Monday to Friday):
 * on hold longer than {@code encaisse.orders.target.hold-days} (1), confirmed and not
 * started or delivered after {@code target.start-days} (5), and promised (estimated, else
 * requested) delivery dates passed with something left to deliver.
 */
@Service
public class OrderTimers {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final JdbcClient jdbc;

	private final Today today;

	private final int holdDays;

	private final int startDays;

	OrderTimers(JdbcClient jdbc, Today today, @Value("${encaisse.orders.target.hold-days:1}") int holdDays,
			@Value("${encaisse.orders.target.start-days:5}") int startDays) {
		this.jdbc = jdbc;
		this.today = today;
		this.holdDays = holdDays;
		this.startDays = startDays;
	}

	/** An order late at a step: since when, the target, and by how many working days. */
	public record Late(String orderId, String number, String customerName, String step, LocalDate since, int targetDays,
			int workingDaysOver) {
	}

	public List<Late> late() {
		LocalDate now = this.today.date();
		List<Late> late = new ArrayList<>();
		this.jdbc.sql("""
				select o.id, o.number, c.name, o.status, o.created_at, o.ordered_on, o.estimated_delivery,
				       o.requested_delivery
				from customer_order o join customers_name c on c.customer_id = o.customer_id
				where o.status in ('ON_HOLD', 'CONFIRMED', 'IN_PROGRESS', 'PARTIALLY_DELIVERED')
				order by o.created_at, o.id limit 2000""").query((rs, n) -> {
			String status = rs.getString(4);
			LocalDate created = rs.getObject(5, java.time.OffsetDateTime.class).atZoneSameInstant(PARIS).toLocalDate();
			LocalDate ordered = rs.getObject(6, LocalDate.class);
			LocalDate promised = rs.getObject(7, LocalDate.class) != null ? rs.getObject(7, LocalDate.class)
					: rs.getObject(8, LocalDate.class);
			if ("ON_HOLD".equals(status)) {
				add(late, rs.getString(1), rs.getString(2), rs.getString(3), "ON_HOLD", created, this.holdDays, now);
			}
			else if ("CONFIRMED".equals(status)) {
				add(late, rs.getString(1), rs.getString(2), rs.getString(3), "NOT_STARTED", ordered, this.startDays,
						now);
			}
			if (!"ON_HOLD".equals(status) && promised != null && now.isAfter(promised)) {
				late.add(new Late(rs.getString(1), rs.getString(2), rs.getString(3), "DELIVERY_LATE", promised, 0,
						workingDays(promised, now)));
			}
			return null;
		}).list();
		late.sort(java.util.Comparator.comparing(Late::workingDaysOver).reversed());
		return late;
	}

	private static void add(List<Late> late, String id, String number, String name, String step, LocalDate since,
			int target, LocalDate now) {
		int waited = workingDays(since, now);
		if (waited > target) {
			late.add(new Late(id, number, name, step, since, target, waited - target));
		}
	}

	/**
	 * Working days (Monday to Friday) after {@code from}, up to and including {@code to}.
	 */
	static int workingDays(LocalDate from, LocalDate to) {
		int days = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to) && days < 10_000; d = d.plusDays(1)) {
			if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
				days++;
			}
		}
		return days;
	}

}
