package io.encaisse.catalog.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.encaisse.catalog.AgreementInput;
import io.encaisse.catalog.Catalog;
import io.encaisse.catalog.DiscountPolicy;
import io.encaisse.catalog.PriceBook;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Role;
import io.encaisse.shared.Roles;
import io.encaisse.shared.web.Forms;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Negotiated prices of a customer, retiring products, and the discount policy settings.
 */
@Controller
class PricingPages {

	private final Catalog catalog;

	private final PriceBook prices;

	private final DiscountPolicy policy;

	private final io.encaisse.customers.Customers customers;

	PricingPages(Catalog catalog, PriceBook prices, DiscountPolicy policy, io.encaisse.customers.Customers customers) {
		this.customers = customers;
		this.catalog = catalog;
		this.prices = prices;
		this.policy = policy;
	}

	@PostMapping("/customers/{id}/price-agreements")
	@PreAuthorize(Roles.NEGOTIATE_PRICES)
	String addAgreement(@PathVariable String id, @RequestParam(required = false) String sku,
			@RequestParam(required = false) String unitPrice, @RequestParam(required = false) String discountPercent,
			@RequestParam(required = false) LocalDate validFrom, @RequestParam(required = false) LocalDate validTo,
			RedirectAttributes redirect) {
		try {
			this.prices.addAgreement(id,
					new AgreementInput(sku, null, decimal(unitPrice), decimal(discountPercent), validFrom, validTo));
			Forms.flash(redirect, "✓ " + sku);
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
		}
		return "redirect:/customers/" + id;
	}

	@PostMapping("/products/{sku}/retire")
	@PreAuthorize(Roles.MANAGE_CATALOG)
	String retire(@PathVariable String sku, RedirectAttributes redirect) {
		this.catalog.retire(sku);
		Forms.flash(redirect, "✓ " + sku);
		return "redirect:/products/" + sku;
	}

	@GetMapping("/price-lists")
	@PreAuthorize(Roles.ANY)
	String priceLists(Model model) {
		model.addAttribute("lists", this.prices.priceLists());
		model.addAttribute("customers", this.customers.names());
		return "products/price-lists";
	}

	@PostMapping("/price-lists/assign")
	@PreAuthorize(Roles.NEGOTIATE_PRICES)
	String assign(@RequestParam(required = false) String customerId, @RequestParam(required = false) String priceList,
			RedirectAttributes redirect) {
		try {
			this.prices.assignPriceList(customerId, priceList);
			Forms.flash(redirect, "✓ " + priceList);
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
		}
		return "redirect:/price-lists";
	}

	@GetMapping("/settings/discount-policy")
	@PreAuthorize(Roles.ANY)
	String policy(Model model) {
		Map<Role, Object> limits = new LinkedHashMap<>();
		for (Role role : Role.values()) {
			limits.put(role, this.policy.limits().get(role));
		}
		model.addAttribute("limits", limits);
		return "settings/discount-policy";
	}

	@PostMapping("/settings/discount-policy")
	@PreAuthorize(Roles.SET_POLICIES)
	String savePolicy(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		Map<String, String> limits = new LinkedHashMap<>();
		for (Role role : Role.values()) {
			String value = form.get(role.name());
			if (value != null && !value.isBlank()) {
				limits.put(role.name(), value.trim().replace(',', '.'));
			}
		}
		try {
			this.policy.replace(limits);
			Forms.flash(redirect, "✓");
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
		}
		return "redirect:/settings/discount-policy";
	}

	private static String decimal(String value) {
		return value == null || value.isBlank() ? null : value.trim().replace(',', '.');
	}

}
