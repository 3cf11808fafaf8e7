package io.encaisse.orders.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.encaisse.orders.DeliveryInput;
import io.encaisse.orders.OrderView;
import io.encaisse.orders.Orders;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Roles;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders")
class OrderApi {

	private final io.encaisse.orders.OrderTimers timers;

	private final io.encaisse.orders.OrderFollowUp followUp;

	private final io.encaisse.orders.OrderMilestones milestones;

	private final Orders orders;

	OrderApi(Orders orders, io.encaisse.orders.OrderMilestones milestones, io.encaisse.orders.OrderFollowUp followUp,
			io.encaisse.orders.OrderTimers timers) {
		this.timers = timers;
		this.followUp = followUp;
		this.milestones = milestones;
		this.orders = orders;
	}

	record OrderResponse(String id, String number, String customerId, String quoteId, String channel, String currency,
			String status, LocalDate orderedOn, String externalReference, List<LineResponse> lines, String totalNet,
			String totalTax, String total, List<String> invoiceIds, List<DeliveryResponse> deliveries, long version,
			LocalDate requestedDelivery, LocalDate estimatedDelivery, Integer paymentTermsDays,
			List<StepResponse> steps) {

		static OrderResponse of(OrderView o) {
			return new OrderResponse(o.id(), o.number(), o.customerId(), o.quoteId(), o.channel(), o.currency(),
					o.status().name(), o.orderedOn(), o.externalReference(),
					o.lines()
						.stream()
						.map(l -> new LineResponse(l.lineNumber(), l.sku(), l.description(), l.unit(),
								l.quantity().stripTrailingZeros().toPlainString(),
								l.deliveredQuantity().stripTrailingZeros().toPlainString(),
								l.unitPrice().toUnitPriceString(), l.discountPercent().toPlainString(),
								l.taxRate().toPlainString(), l.net().toPlainString(), l.priceSource()))
						.toList(),
					o.totals().net().toPlainString(), o.totals().tax().toPlainString(),
					o.totals().total().toPlainString(), o.invoiceIds(),
					o.deliveries().stream().map(DeliveryResponse::of).toList(), o.version(), o.requestedDelivery(),
					o.estimatedDelivery(), o.paymentTermsDays(),
					o.steps().stream().map(st -> new StepResponse(st.status().name(), st.at())).toList());
		}

	}

	/** A step of the order's life and when it was reached. */
	record StepResponse(String status, java.time.Instant at) {
	}

	record LineResponse(int lineNumber, String sku, String description, String unit, String quantity,
			String deliveredQuantity, String unitPrice, String discountPercent, String taxRate, String netAmount,
			String source) {
	}

	record DeliveryResponse(String id, LocalDate deliveredOn, List<DeliveredLineResponse> lines) {

		static DeliveryResponse of(OrderView.DeliveryView d) {
			return new DeliveryResponse(d.id(), d.deliveredOn(),
					d.lines()
						.stream()
						.map(l -> new DeliveredLineResponse(l.orderLineNumber(), l.sku(),
								l.quantity().stripTrailingZeros().toPlainString()))
						.toList());
		}

	}

	record DeliveredLineResponse(int orderLineNumber, String sku, String quantity) {
	}

	@GetMapping("/{id}")
	@PreAuthorize(Roles.ANY)
	OrderResponse get(@PathVariable String id) {
		return OrderResponse.of(this.orders.get(id));
	}

	@GetMapping
	@PreAuthorize(Roles.ANY)
	Cursor.Page<OrderResponse> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String startingAfter) {
		return this.orders.list(Cursor.of(limit, startingAfter)).map(OrderResponse::of);
	}

	record LinkResponse(String url) {
	}

	/** Orders waiting too long at a step (on hold, not started, delivery date passed). */
	@GetMapping("/late")
	@PreAuthorize(Roles.ANY)
	Cursor.Page<io.encaisse.orders.OrderTimers.Late> late() {
		return new Cursor.Page<>(this.timers.late(), false);
	}

	record EstimateRequest(LocalDate estimatedDelivery) {
	}

	/** Work on the order has started: IN_PROGRESS. */
	@PostMapping("/{id}/start")
	@PreAuthorize(Roles.DELIVER)
	OrderResponse start(@PathVariable String id) {
		return OrderResponse.of(this.orders.start(id));
	}

	/** Nothing more will happen on the order: CLOSED. */
	@PostMapping("/{id}/close")
	@PreAuthorize(Roles.DELIVER)
	OrderResponse close(@PathVariable String id) {
		return OrderResponse.of(this.orders.close(id));
	}

	/** The delivery date we promise ({@code estimatedDelivery}). */
	@PostMapping("/{id}/estimate")
	@PreAuthorize(Roles.DELIVER)
	OrderResponse estimate(@PathVariable String id, @RequestBody(required = false) EstimateRequest request) {
		return OrderResponse.of(this.orders.estimate(id, request == null ? null : request.estimatedDelivery()));
	}

	/** The customer's signed link to follow the order (status, deliveries, invoices). */
	@GetMapping("/{id}/link")
	@PreAuthorize(Roles.TAKE_ORDERS)
	LinkResponse link(@PathVariable String id) {
		return new LinkResponse(this.followUp.link(id));
	}

	record MilestonePlan(List<io.encaisse.orders.OrderMilestones.MilestoneInput> milestones) {
	}

	/** A milestone: what it bills ({@code value}, without VAT), status, invoice. */
	record MilestoneResponse(int number, String label, String percent, String amount, String value, String currency,
			String status, java.time.LocalDate readyOn, String readyBy, String invoiceId) {

		static MilestoneResponse of(io.encaisse.orders.OrderMilestones.Milestone m) {
			return new MilestoneResponse(m.number(), m.label(),
					m.percent() == null ? null : m.percent().stripTrailingZeros().toPlainString(),
					m.amount() == null ? null : m.value().toPlainString(), m.value().toPlainString(),
					m.value().currencyCode(), m.status(), m.readyOn(), m.readyBy(), m.invoiceId());
		}

	}

	/** The order's milestones: label, share or amount, value, status, invoice. */
	@GetMapping("/{id}/milestones")
	@PreAuthorize(Roles.ANY)
	Cursor.Page<MilestoneResponse> milestones(@PathVariable String id) {
		return new Cursor.Page<>(this.milestones.of(id).stream().map(MilestoneResponse::of).toList(), false);
	}

	/**
	 * Bills the order by stages: {@code milestones[{label, percent | amount}]}; the order
	 * is then no longer billed on delivery.
	 */
	@PostMapping("/{id}/milestones")
	@PreAuthorize(Roles.DELIVER)
	Cursor.Page<MilestoneResponse> plan(@PathVariable String id, @RequestBody MilestonePlan plan) {
		return new Cursor.Page<>(this.milestones.plan(id, plan == null ? null : plan.milestones())
			.stream()
			.map(MilestoneResponse::of)
			.toList(), false);
	}

	/** The project manager marks a milestone ready to bill: it is invoiced at once. */
	@PostMapping("/{id}/milestones/{number}/ready")
	@PreAuthorize(Roles.DELIVER)
	MilestoneResponse ready(@PathVariable String id, @PathVariable String number) {
		int n;
		try {
			n = Integer.parseInt(number);
		}
		catch (NumberFormatException ex) {
			throw new io.encaisse.shared.Problem.NotFound("milestone", id + "/" + number);
		}
		return MilestoneResponse.of(this.milestones.ready(id, n));
	}

	@PostMapping("/{id}/deliveries")
	@PreAuthorize(Roles.DELIVER)
	ResponseEntity<OrderResponse> deliver(@PathVariable String id, @RequestBody DeliveryInput input) {
		OrderView.DeliveryView delivery = this.orders.recordDelivery(id, input);
		return ResponseEntity.created(URI.create("/api/v1/orders/" + id + "#" + delivery.id()))
			.body(OrderResponse.of(this.orders.get(id)));
	}

}
