package io.encaisse.orders.web;

import io.encaisse.orders.OrderFollowUp;
import io.encaisse.shared.Problem;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The customer's page of an order, opened from the confirmation's link. */
@Controller
class OrderPortalPages {

	private final OrderFollowUp followUp;

	OrderPortalPages(OrderFollowUp followUp) {
		this.followUp = followUp;
	}

	@GetMapping("/portal/orders/{token}")
	String show(@PathVariable String token, Model model, jakarta.servlet.http.HttpServletResponse response) {
		try {
			model.addAttribute("order", this.followUp.open(token));
			return "portal/order";
		}
		catch (Problem.Refused refused) {
			// a link that opens nothing is not found (a tampered or expired link)
			response.setStatus(refused.status() == 409 ? 410 : 404);
			model.addAttribute("message", refused.getMessage());
			return "portal/invalid";
		}
	}

}
