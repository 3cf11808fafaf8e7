package io.encaisse.orders.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.encaisse.orders.DeliveryInput;
import io.encaisse.orders.OrderView;
import io.encaisse.orders.Orders;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Roles;
import io.encaisse.shared.web.Forms;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/orders")
class OrderPages {

	private final Orders orders;

	private final AuditTrail audit;

	private final io.encaisse.orders.OrderMilestones milestones;

	private final io.encaisse.orders.OrderTimers timers;

	private final io.encaisse.orders.OrderExceptions exceptions;

	OrderPages(Orders orders, AuditTrail audit, io.encaisse.orders.OrderMilestones milestones,
			io.encaisse.orders.OrderTimers timers, io.encaisse.orders.OrderExceptions exceptions) {
		this.exceptions = exceptions;
		this.timers = timers;
		this.milestones = milestones;
		this.orders = orders;
		this.audit = audit;
	}

	@GetMapping
	@PreAuthorize(Roles.ANY)
	String list(@RequestParam(required = false) String startingAfter, Model model) {
		Cursor.Page<OrderView> page = this.orders.list(Cursor.of(100, startingAfter));
		model.addAttribute("orders", page.data());
		model.addAttribute("next", page.next(OrderView::id));
		return "orders/list";
	}

	@GetMapping("/{id}")
	@PreAuthorize(Roles.ANY)
	String show(@PathVariable String id, Model model) {
		model.addAttribute("order", this.orders.get(id));
		model.addAttribute("audit", this.audit.of(Orders.DOCUMENT, id));
		model.addAttribute("milestones", this.milestones.of(id));
		model.addAttribute("reasons", this.exceptions.reasons(id));
		return "orders/show";
	}

	@PostMapping("/{id}/start")
	@PreAuthorize(Roles.DELIVER)
	String start(@PathVariable String id, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		return act(id, redirect, () -> this.orders.start(id));
	}

	@PostMapping("/{id}/close")
	@PreAuthorize(Roles.DELIVER)
	String close(@PathVariable String id, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		return act(id, redirect, () -> this.orders.close(id));
	}

	@PostMapping("/{id}/estimate")
	@PreAuthorize(Roles.DELIVER)
	String estimate(@PathVariable String id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate estimatedDelivery,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		return act(id, redirect, () -> this.orders.estimate(id, estimatedDelivery));
	}

	private String act(String id, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect,
			Runnable action) {
		try {
			action.run();
			io.encaisse.shared.web.Forms.flash(redirect, "✓");
		}
		catch (io.encaisse.shared.Problem.Refused refused) {
			io.encaisse.shared.web.Forms.problem(redirect, refused);
		}
		return "redirect:/orders/" + id;
	}

	/** The exceptions queue: orders on hold, oldest first, with why. */
	@GetMapping("/exceptions")
	@PreAuthorize(Roles.ANY)
	String exceptions(Model model) {
		model.addAttribute("held", this.exceptions.onHold());
		model.addAttribute("late", this.timers.late());
		return "orders/exceptions";
	}

	@PostMapping("/{id}/release")
	@PreAuthorize(Roles.TAKE_ORDERS)
	String release(@PathVariable String id, @RequestParam(required = false) String note,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		return act(id, redirect, () -> this.exceptions.release(id, note));
	}

	@PostMapping("/{id}/cancel")
	@PreAuthorize(Roles.TAKE_ORDERS)
	String cancel(@PathVariable String id, @RequestParam(required = false) String reason,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		return act(id, redirect, () -> this.exceptions.cancel(id, reason));
	}

	/** The milestone plan from the order page: up to five rows of label and percent. */
	@PostMapping("/{id}/milestones")
	@PreAuthorize(Roles.DELIVER)
	String plan(@PathVariable String id, @RequestParam(name = "label", required = false) List<String> labels,
			@RequestParam(name = "percent", required = false) List<String> percents,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		List<io.encaisse.orders.OrderMilestones.MilestoneInput> rows = new java.util.ArrayList<>();
		for (int i = 0; labels != null && i < labels.size(); i++) {
			String label = labels.get(i);
			String percent = percents != null && i < percents.size() ? percents.get(i) : null;
			if ((label == null || label.isBlank()) && (percent == null || percent.isBlank())) {
				continue;
			}
			rows.add(new io.encaisse.orders.OrderMilestones.MilestoneInput(label,
					percent == null ? null : percent.trim().replace(',', '.'), null));
		}
		return act(id, redirect, () -> this.milestones.plan(id, rows));
	}

	@PostMapping("/{id}/milestones/{number}/ready")
	@PreAuthorize(Roles.DELIVER)
	String ready(@PathVariable String id, @PathVariable int number,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		return act(id, redirect, () -> this.milestones.ready(id, number));
	}

	@PostMapping("/{id}/deliveries")
	@PreAuthorize(Roles.DELIVER)
	String deliver(@PathVariable String id, @RequestParam List<String> sku, @RequestParam List<String> quantity,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveredOn,
			RedirectAttributes redirect) {
		List<DeliveryInput.LineInput> lines = new ArrayList<>();
		for (int i = 0; i < sku.size() && i < quantity.size(); i++) {
			String q = quantity.get(i);
			if (q != null && !q.isBlank() && !q.trim().equals("0")) {
				lines.add(new DeliveryInput.LineInput(sku.get(i), q.trim().replace(',', '.')));
			}
		}
		try {
			this.orders.recordDelivery(id, new DeliveryInput(deliveredOn, lines));
			Forms.flash(redirect, "✓");
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
		}
		return "redirect:/orders/" + id;
	}

}
