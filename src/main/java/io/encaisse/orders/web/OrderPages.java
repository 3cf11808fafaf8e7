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

	OrderPages(Orders orders, AuditTrail audit) {
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
		return "orders/show";
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
