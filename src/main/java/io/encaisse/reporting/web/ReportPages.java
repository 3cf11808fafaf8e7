package io.encaisse.reporting.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.encaisse.reporting.Aging;
import io.encaisse.shared.Money;
import io.encaisse.shared.Roles;
import io.encaisse.shared.Today;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class ReportPages {

	private final Aging aging;

	private final Today today;

	private final io.encaisse.reporting.Leakage leakage;

	private final org.springframework.beans.factory.ObjectProvider<io.encaisse.shared.web.DashboardPanel> panels;

	ReportPages(Aging aging, Today today, io.encaisse.reporting.Leakage leakage,
			org.springframework.beans.factory.ObjectProvider<io.encaisse.shared.web.DashboardPanel> panels) {
		this.panels = panels;
		this.leakage = leakage;
		this.aging = aging;
		this.today = today;
	}

	/**
	 * The finance manager's first look: what is owed, what is late, how fast customers
	 * pay.
	 */
	@GetMapping("/")
	@PreAuthorize(Roles.ANY)
	String dashboard(Model model) {
		LocalDate date = this.today.date();
		List<Aging.Row> totals = this.aging.totals(date);
		model.addAttribute("asOf", date);
		model.addAttribute("totals", totals);
		model.addAttribute("bars", totals.stream().map(ReportPages::bars).toList());
		model.addAttribute("dso",
				totals.stream()
					.collect(java.util.stream.Collectors.toMap(Aging.Row::currency,
							r -> this.aging.dso(date, r.total(), 90).map(BigDecimal::toPlainString).orElse("—"))));
		model.addAttribute("late", this.aging.latest(date, 10));
		// what the other modules put on the dashboard (late orders...), each on its own
		model.addAttribute("panels",
				this.panels.stream()
					.sorted(java.util.Comparator.comparingInt(io.encaisse.shared.web.DashboardPanel::order))
					.map(p -> p.panel(org.springframework.context.i18n.LocaleContextHolder.getLocale()))
					.flatMap(java.util.Optional::stream)
					.toList());
		return "reports/dashboard";
	}

	/** What should have been billed and was not. */
	@GetMapping("/reports/leakage")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	String leakage(@RequestParam(required = false) Integer quoteDays, Model model) {
		model.addAttribute("report", this.leakage.report(quoteDays));
		return "reports/leakage";
	}

	@GetMapping("/reports/aging")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	String aging(@RequestParam(required = false) LocalDate asOf, Model model) {
		LocalDate date = asOf == null ? this.today.date() : asOf;
		Aging.Report report = this.aging.asOf(date);
		model.addAttribute("report", report);
		// the largest balances; the rest are in the totals (and in the API's full list)
		model.addAttribute("shown", report.customers().subList(0, Math.min(report.customers().size(), 200)));
		model.addAttribute("buckets", Aging.Bucket.values());
		model.addAttribute("bars", report.totals().stream().map(ReportPages::bars).toList());
		return "reports/aging";
	}

	/** Bar widths (percent of the largest bucket) for the aging chart of one currency. */
	public record Bars(String currency, List<Bar> bars) {
	}

	public record Bar(Aging.Bucket bucket, Money amount, int percent) {
	}

	static Bars bars(Aging.Row row) {
		BigDecimal max = row.buckets()
			.values()
			.stream()
			.map(Money::amount)
			.max(BigDecimal::compareTo)
			.orElse(BigDecimal.ONE);
		return new Bars(row.currency(),
				row.buckets()
					.entrySet()
					.stream()
					.map((Map.Entry<Aging.Bucket, Money> e) -> new Bar(e.getKey(), e.getValue(),
							max.signum() == 0 ? 0
									: e.getValue()
										.amount()
										.multiply(BigDecimal.valueOf(100))
										.divide(max, 0, java.math.RoundingMode.HALF_UP)
										.intValue()))
					.toList());
	}

}
