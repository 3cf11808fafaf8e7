package io.encaisse.customers.web;

import io.encaisse.customers.CustomerDetails;
import io.encaisse.customers.CustomerInput;
import io.encaisse.customers.CustomerRelationship;
import io.encaisse.customers.Customers;
import io.encaisse.customers.OpenBalances;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Roles;
import io.encaisse.shared.web.Forms;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/customers")
class CustomerPages {

	private final Customers customers;

	private final OpenBalances balances;

	private final AuditTrail audit;

	private final java.util.List<CustomerRelationship> relationships;

	private final org.springframework.context.MessageSource messages;

	CustomerPages(Customers customers, OpenBalances balances, AuditTrail audit,
			java.util.List<CustomerRelationship> relationships, org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.customers = customers;
		this.balances = balances;
		this.audit = audit;
		this.relationships = relationships;
	}

	@GetMapping
	@PreAuthorize(Roles.ANY)
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String startingAfter,
			Model model) {
		Customers.ByName page = this.customers.byName(q, startingAfter, 200);
		model.addAttribute("q", q);
		model.addAttribute("customers", page.customers());
		model.addAttribute("next", page.next());
		return "customers/list";
	}

	@GetMapping("/new")
	@PreAuthorize(Roles.MANAGE_CUSTOMERS)
	String form(Model model) {
		model.addAttribute("form",
				new CustomerInput(null, null, null, null, new CustomerInput.AddressInput(null, null, null, "FR"), 30,
						null, "EUR", "fr", null, new CustomerInput.AddressInput(null, null, null, null), false,
						"TRANSFER", null, "LOW", null, null, null, "MIXED", null));
		return "customers/form";
	}

	@PostMapping
	@PreAuthorize(Roles.MANAGE_CUSTOMERS)
	String create(@ModelAttribute("form") CustomerInput form, Model model, RedirectAttributes redirect) {
		try {
			CustomerDetails c = this.customers.register(form);
			Forms.flash(redirect, "✓ " + c.name());
			return "redirect:/customers/" + c.id();
		}
		catch (Problem.Refused refused) {
			Forms.refused(model, refused);
			return "customers/form";
		}
	}

	/** The customer's master data, to change (credit limit and risk class: finance's). */
	@GetMapping("/{id}/edit")
	@PreAuthorize(Roles.MANAGE_CUSTOMERS)
	String edit(@PathVariable String id, Model model) {
		CustomerDetails c = this.customers.get(id);
		model.addAttribute("form", CustomerForms.of(c));
		model.addAttribute("editing", c.id());
		model.addAttribute("version", c.version());
		return "customers/form";
	}

	@PostMapping("/{id}")
	@PreAuthorize(Roles.MANAGE_CUSTOMERS)
	String update(@PathVariable String id, @RequestParam(required = false) Long version,
			@ModelAttribute("form") CustomerInput form, Model model, RedirectAttributes redirect) {
		try {
			CustomerDetails c = this.customers.update(id, version, form);
			Forms.flash(redirect, "✓ " + c.name());
			return "redirect:/customers/" + c.id();
		}
		catch (Problem.StaleVersion stale) {
			// someone saved the customer since this form was opened: say so in words
			model.addAttribute("problem", this.messages.getMessage("customers.stale", null,
					org.springframework.context.i18n.LocaleContextHolder.getLocale()));
			model.addAttribute("editing", id);
			model.addAttribute("version", version);
			return "customers/form";
		}
		catch (Problem.Refused refused) {
			Forms.refused(model, refused);
			model.addAttribute("editing", id);
			model.addAttribute("version", version);
			return "customers/form";
		}
	}

	@GetMapping("/{id}")
	@PreAuthorize(Roles.ANY)
	String show(@PathVariable String id, Model model) {
		CustomerDetails c = this.customers.get(id);
		model.addAttribute("customer", c);
		model.addAttribute("balances", this.balances.of(id));
		model.addAttribute("audit", this.audit.of("customer", id));
		model.addAttribute("relationship",
				this.relationships.stream()
					.flatMap(r -> r.of(id).stream())
					.sorted(java.util.Comparator.comparingInt(CustomerRelationship.Section::order))
					.toList());
		return "customers/show";
	}

}
