package io.encaisse.reporting.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.encaisse.reporting.Aging;
import io.encaisse.shared.Amounts;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Roles;
import io.encaisse.shared.Today;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports")
class ReportApi {

	private final Aging aging;

	private final Today today;

	private final io.encaisse.reporting.Leakage leakage;

	ReportApi(Aging aging, Today today, io.encaisse.reporting.Leakage leakage) {
		this.leakage = leakage;
		this.aging = aging;
		this.today = today;
	}

	record AgingResponse(LocalDate asOf, List<RowResponse> totals, List<RowResponse> customers) {
	}

	record RowResponse(String customerId, String customerName, String currency, String current, String days1to30,
			String days31to60, String days61to90, String over90, String total, int invoices) {

		static RowResponse of(Aging.Row r) {
			return new RowResponse(r.customerId(), r.customerName(), r.currency(),
					r.bucket(Aging.Bucket.CURRENT).toPlainString(), r.bucket(Aging.Bucket.DAYS_1_30).toPlainString(),
					r.bucket(Aging.Bucket.DAYS_31_60).toPlainString(),
					r.bucket(Aging.Bucket.DAYS_61_90).toPlainString(), r.bucket(Aging.Bucket.OVER_90).toPlainString(),
					r.total().toPlainString(), r.invoices());
		}

	}

	@GetMapping("/aging")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	AgingResponse aging(@RequestParam(required = false) LocalDate asOf) {
		Aging.Report report = this.aging.asOf(asOf == null ? this.today.date() : asOf);
		return new AgingResponse(report.asOf(), report.totals().stream().map(RowResponse::of).toList(),
				report.customers().stream().map(RowResponse::of).toList());
	}

	@GetMapping("/dso")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	Map<String, Object> dso(@RequestParam(required = false) LocalDate asOf,
			@RequestParam(defaultValue = "EUR") String currency, @RequestParam(defaultValue = "90") int days) {
		LocalDate date = asOf == null ? this.today.date() : asOf;
		Problem.Errors errors = new Problem.Errors();
		Amounts.currency(errors, "currency", currency);
		if (days < 1 || days > 3660) {
			errors.add("days", "must be between 1 and 3660");
		}
		errors.throwIfAny();
		return Map.of("asOf", date, "currency", currency, "periodDays", days, "dso",
				this.aging.dso(date, currency, days).map(d -> (Object) d.toPlainString()).orElse("n/a"));
	}

	/**
	 * Billing leakage: deliveries without their invoice, accepted quotes with nothing
	 * invoiced after {@code quoteDays} days, lines billed away from the price book.
	 */
	@GetMapping("/leakage")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	LeakageResponse leakage(@RequestParam(required = false) Integer quoteDays) {
		io.encaisse.reporting.Leakage.Report r = this.leakage.report(quoteDays);
		return new LeakageResponse(r.quoteDays(),
				r.deliveries()
					.stream()
					.map(d -> new DeliveryResponse(d.deliveryId(), d.orderId(), d.orderNumber(), d.customerId(),
							d.customerName(), d.deliveredOn(), d.net().toPlainString(), d.net().currencyCode(),
							d.daysWaiting()))
					.toList(),
				r.quotes(),
				r.offBook()
					.stream()
					.map(l -> new LineResponse(l.invoiceId(), l.number(), l.customerName(), l.issueDate(),
							l.lineNumber(), l.sku(), l.description(), l.discountPercent().toPlainString(),
							l.priceSource(), l.net().toPlainString(), l.net().currencyCode(), l.approvedBy()))
					.toList(),
				r.belowBook()
					.stream()
					.map(l -> new BelowBookResponse(l.invoiceId(), l.number(), l.customerName(), l.issueDate(),
							l.lineNumber(), l.sku(), l.description(), l.quantity().stripTrailingZeros().toPlainString(),
							l.discountPercent().toPlainString(), l.priceSource(), l.net().toPlainString(),
							l.atBook().toPlainString(), l.shortfall().toPlainString(), l.net().currencyCode()))
					.toList(),
				r.milestones(),
				r.recurring()
					.stream()
					.map(x -> new RecurringResponse(x.quoteId(), x.number(), x.customerName(), x.acceptedOn(),
							x.description(), x.period(), x.net().toPlainString(), x.net().currencyCode()))
					.toList());
	}

	/** A recurring line accepted that no subscription bills yet. */
	record RecurringResponse(String quoteId, String number, String customerName, LocalDate acceptedOn,
			String description, String period, String net, String currency) {
	}

	/**
	 * A line billed below the price book: net billed, net at the book's price, the
	 * difference.
	 */
	record BelowBookResponse(String invoiceId, String number, String customerName, LocalDate issueDate, int lineNumber,
			String sku, String description, String quantity, String discountPercent, String priceSource, String net,
			String atBook, String shortfall, String currency) {
	}

	record LeakageResponse(int quoteDays, List<DeliveryResponse> deliveries,
			List<io.encaisse.reporting.Leakage.UnbilledQuote> quotes, List<LineResponse> offBook,
			List<BelowBookResponse> belowBook, List<io.encaisse.reporting.Leakage.ReadyMilestone> milestones,
			List<RecurringResponse> recurring) {
	}

	record DeliveryResponse(String deliveryId, String orderId, String orderNumber, String customerId,
			String customerName, LocalDate deliveredOn, String net, String currency, long daysWaiting) {
	}

	record LineResponse(String invoiceId, String number, String customerName, LocalDate issueDate, int lineNumber,
			String sku, String description, String discountPercent, String priceSource, String net, String currency,
			String approvedBy) {
	}

}
