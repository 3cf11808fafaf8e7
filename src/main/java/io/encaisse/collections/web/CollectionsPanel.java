package io.encaisse.collections.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.encaisse.collections.CollectionsKpis;
import io.encaisse.collections.PayingHabits;
import io.encaisse.shared.web.DashboardPanel;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The dashboard's collections panel: the collection effectiveness of the last 90 days,
 * the share of promises kept, and the customers whose paying habits worsened most. The
 * figures read a year and a half of invoices: a node computes them at most every ten
 * minutes (the page is the home page; the report API is always computed afresh).
 */
@Component
class CollectionsPanel implements DashboardPanel {

	private final PayingHabits habits;

	private final CollectionsKpis kpis;

	private final MessageSource messages;

	private final io.encaisse.shared.Today today;

	CollectionsPanel(PayingHabits habits, CollectionsKpis kpis, MessageSource messages,
			io.encaisse.shared.Today today) {
		this.today = today;
		this.habits = habits;
		this.kpis = kpis;
		this.messages = messages;
	}

	/** The figures of a day, and when they were read. */
	private record Figures(java.time.LocalDate day, java.time.Instant at, List<PayingHabits.Cei> cei,
			List<PayingHabits.Habit> worse, String kept) {
	}

	private volatile Figures figures;

	private Figures figures() {
		var day = this.today.date();
		var now = this.today.instant();
		Figures last = this.figures;
		if (last != null && last.day().equals(day) && last.at().plusSeconds(600).isAfter(now)) {
			return last;
		}
		List<PayingHabits.Habit> worse = this.habits.changed(20)
			.stream()
			.filter(h -> new java.math.BigDecimal(h.change()).signum() > 0)
			.limit(5)
			.toList();
		// the currency that sells most first: the panel speaks of the main book
		List<PayingHabits.Cei> cei = this.habits.cei(day.minusDays(PayingHabits.DSO_DAYS), day, null)
			.stream()
			.sorted(java.util.Comparator.comparing((PayingHabits.Cei c) -> new java.math.BigDecimal(c.sales()))
				.reversed())
			.toList();
		Figures fresh = new Figures(day, now, cei, worse, this.kpis.promises().keptRate());
		this.figures = fresh;
		return fresh;
	}

	@Override
	public Optional<Panel> panel(Locale locale) {
		Figures f = figures();
		List<PayingHabits.Cei> cei = f.cei();
		if (cei.isEmpty()) {
			return Optional.empty();
		}
		List<PayingHabits.Habit> worse = f.worse();
		String kept = f.kept();
		List<Item> items = worse.stream()
			.map(h -> new Item(h.customerName(),
					this.messages.getMessage("dashboard.collections.habit",
							new Object[] { h.recentDaysLate(), h.earlierDaysLate() }, locale),
					"/collections/customers/" + h.customerId()))
			.toList();
		return Optional.of(new Panel("collections", this.messages.getMessage("dashboard.collections", null, locale),
				this.messages.getMessage("dashboard.collections.summary",
						new Object[] { cei.get(0).cei() == null ? "—" : cei.get(0).cei(), kept == null ? "—" : kept },
						locale),
				worse.isEmpty() ? "ok" : "warn", items, "/collections",
				this.messages.getMessage("dashboard.collections.all", null, locale)));
	}

	@Override
	public int order() {
		return 20;
	}

}
