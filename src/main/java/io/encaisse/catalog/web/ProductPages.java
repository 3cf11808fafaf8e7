package io.encaisse.catalog.web;

import java.time.LocalDate;

import io.encaisse.catalog.Catalog;
import io.encaisse.catalog.PriceBook;
import io.encaisse.catalog.PriceInput;
import io.encaisse.catalog.Pricing;
import io.encaisse.catalog.ProductDetails;
import io.encaisse.catalog.ProductInput;
import io.encaisse.catalog.TaxRates;
import io.encaisse.customers.Customers;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Roles;
import io.encaisse.shared.Today;
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
@RequestMapping("/products")
class ProductPages {

	private final Catalog catalog;

	private final AuditTrail audit;

	private final Pricing pricing;

	private final PriceBook prices;

	private final Today today;

	private final Customers customers;

	private final java.util.List<io.encaisse.catalog.ProductUsage> usages;

	ProductPages(Catalog catalog, AuditTrail audit, Pricing pricing, PriceBook prices, Today today, Customers customers,
			java.util.List<io.encaisse.catalog.ProductUsage> usages) {
		this.customers = customers;
		this.usages = usages;
		this.catalog = catalog;
		this.audit = audit;
		this.pricing = pricing;
		this.prices = prices;
		this.today = today;
	}

	@GetMapping
	@PreAuthorize(Roles.ANY)
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "active") String status,
			@RequestParam(required = false) String rate, Model model) {
		String needle = q == null ? "" : q.trim().toLowerCase(java.util.Locale.ROOT);
		java.math.BigDecimal vat = rate == null || rate.isBlank() ? null : new java.math.BigDecimal(rate);
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		model.addAttribute("rate", rate);
		model.addAttribute("rates", TaxRates.FRANCE);
		model.addAttribute("products",
				this.catalog.all()
					.stream()
					.filter(p -> needle.isEmpty() || p.sku().toLowerCase(java.util.Locale.ROOT).contains(needle)
							|| p.name().toLowerCase(java.util.Locale.ROOT).contains(needle))
					.filter(p -> "all".equals(status) || ("retired".equals(status) ? !p.active() : p.active()))
					.filter(p -> vat == null || p.taxRate().compareTo(vat) == 0)
					.toList());
		return "products/list";
	}

	@GetMapping("/new")
	@PreAuthorize(Roles.MANAGE_CATALOG)
	String form(Model model) {
		model.addAttribute("form", new ProductInput(null, null, "piece", "20.00", null, "EUR", null, null, "706000"));
		return formView(model);
	}

	@PostMapping
	@PreAuthorize(Roles.MANAGE_CATALOG)
	String create(@ModelAttribute("form") ProductInput form, Model model, RedirectAttributes redirect) {
		try {
			ProductDetails p = this.catalog.create(form);
			Forms.flash(redirect, "✓ " + p.sku());
			return "redirect:/products/" + p.sku();
		}
		catch (Problem.Refused refused) {
			Forms.refused(model, refused);
			return formView(model);
		}
	}

	@GetMapping("/{sku}")
	@PreAuthorize(Roles.ANY)
	String show(@PathVariable String sku, Model model) {
		ProductDetails p = this.catalog.get(sku);
		model.addAttribute("product", p);
		model.addAttribute("audit", this.audit.of("product", p.id()));
		model.addAttribute("history", this.pricing.history(sku));
		model.addAttribute("today", this.today.date());
		model.addAttribute("customers", this.customers.names());
		model.addAttribute("openDocuments",
				this.usages.stream().flatMap(u -> u.openDocumentsWith(sku).stream()).toList());
		return "products/show";
	}

	@PostMapping("/{sku}/prices")
	@PreAuthorize(Roles.MANAGE_CATALOG)
	String addPrice(@PathVariable String sku, @RequestParam(required = false) String priceList,
			@RequestParam(required = false) String currency, @RequestParam(required = false) String unitPrice,
			@RequestParam(required = false) LocalDate validFrom, @RequestParam(required = false) LocalDate validTo,
			@RequestParam(required = false) String minQuantity, RedirectAttributes redirect) {
		try {
			this.prices.addPrice(sku, new PriceInput(priceList, currency,
					unitPrice == null ? null : unitPrice.trim().replace(',', '.'), validFrom, validTo, minQuantity));
			Forms.flash(redirect, "✓");
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
		}
		return "redirect:/products/" + sku;
	}

	private String formView(Model model) {
		model.addAttribute("units", Catalog.UNITS);
		model.addAttribute("rates", TaxRates.FRANCE);
		return "products/form";
	}

}
