package io.encaisse.orders.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.encaisse.orders.OrderTimers;
import io.encaisse.shared.web.DashboardPanel;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The dashboard's alert for orders waiting too long at a step (on hold, confirmed and not
 * started, past their promised date), the five furthest over their target first.
 */
@Component
class LateOrdersPanel implements DashboardPanel {

	private final OrderTimers timers;

	private final MessageSource messages;

	LateOrdersPanel(OrderTimers timers, MessageSource messages) {
		this.timers = timers;
		this.messages = messages;
	}

	@Override
	public Optional<Panel> panel(Locale locale) {
		List<OrderTimers.Late> late = this.timers.late();
		if (late.isEmpty()) {
			return Optional.empty();
		}
		List<Item> items = late.stream()
			.sorted(java.util.Comparator.comparingInt(OrderTimers.Late::workingDaysOver).reversed())
			.limit(5)
			.map(l -> new Item(l.number() + " · " + l.customerName(),
					this.messages.getMessage("orders.step." + l.step(), null, l.step(), locale) + " · "
							+ this.messages.getMessage("dashboard.lateOrders.over",
									new Object[] { l.workingDaysOver() }, locale),
					"/orders/" + l.orderId()))
			.toList();
		return Optional.of(new Panel("late-orders", this.messages.getMessage("dashboard.lateOrders", null, locale),
				this.messages.getMessage("dashboard.lateOrders.summary", new Object[] { late.size() }, locale),
				late.stream().anyMatch(l -> l.workingDaysOver() > 2) ? "alert" : "warn", items, "/orders/exceptions",
				this.messages.getMessage("dashboard.lateOrders.all", null, locale)));
	}

	@Override
	public int order() {
		return 10;
	}

}
