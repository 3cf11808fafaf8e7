package io.encaisse.payments.web;

import java.time.LocalDate;
import java.util.List;

import io.encaisse.customers.Customers;
import io.encaisse.payments.PaymentInput;
import io.encaisse.payments.PaymentView;
import io.encaisse.payments.Payments;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Roles;
import io.encaisse.shared.Today;
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
@RequestMapping("/payments")
class PaymentPages {

	private final Payments payments;

	private final Customers customers;

	private final AuditTrail audit;

	private final Today today;

	private final io.encaisse.invoicing.Invoicing invoicing;

	private final io.encaisse.invoicing.Receivables receivables;

	private final io.encaisse.payments.PaymentQueue queue;

	PaymentPages(Payments payments, Customers customers, AuditTrail audit, Today today,
			io.encaisse.invoicing.Invoicing invoicing, io.encaisse.invoicing.Receivables receivables,
			io.encaisse.payments.PaymentQueue queue) {
		this.queue = queue;
		this.receivables = receivables;
		this.invoicing = invoicing;
		this.payments = payments;
		this.customers = customers;
		this.audit = audit;
		this.today = today;
	}

	@GetMapping
	@PreAuthorize(Roles.ANY)
	String list(@RequestParam(required = false) String startingAfter, Model model) {
		Cursor.Page<PaymentView> page = this.payments.list(Cursor.of(100, startingAfter));
		model.addAttribute("payments", page.data());
		model.addAttribute("next", page.next(PaymentView::id));
		model.addAttribute("waiting", this.queue.waiting());
		return "payments/list";
	}

	/** A payment waiting for a person, and what one action would apply. */
	record QueueRow(PaymentView payment, List<PaymentView.Suggestion> proposal) {
	}

	/**
	 * The AR clerks' work queue: unapplied payments, best candidates first; confirm the
	 * proposal in one action, split across invoices, search the open invoices.
	 */
	@GetMapping("/queue")
	@PreAuthorize(Roles.ANY)
	String queue(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("rows", this.queue.of(200).stream().map(p -> new QueueRow(p, proposal(p))).toList());
		model.addAttribute("q", q);
		model.addAttribute("found", this.receivables.searchOpen(q));
		return "payments/queue";
	}

	/**
	 * What confirming applies: every candidate when together they make up the payment (a
	 * sum of invoices), else the best one.
	 */
	static List<PaymentView.Suggestion> proposal(PaymentView p) {
		if (p.suggestions().isEmpty()) {
			return List.of();
		}
		java.math.BigDecimal sum = p.suggestions()
			.stream()
			.map(s -> s.amount().amount())
			.reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
		return p.suggestions().size() > 1 && sum.compareTo(p.unallocated().amount()) == 0 ? p.suggestions()
				: List.of(p.suggestions().get(0));
	}

	@PostMapping("/{id}/confirm")
	@PreAuthorize(Roles.COLLECT_CASH)
	String confirm(@PathVariable String id, @RequestParam(name = "invoiceId", required = false) List<String> invoiceIds,
			RedirectAttributes redirect) {
		try {
			this.payments.split(id, invoiceIds == null ? List.of()
					: invoiceIds.stream().map(invoice -> new Payments.Part(invoice, null)).toList());
			Forms.flash(redirect, "✓");
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
		}
		return "redirect:/payments/queue";
	}

	@PostMapping("/{id}/split")
	@PreAuthorize(Roles.COLLECT_CASH)
	String split(@PathVariable String id, @RequestParam(name = "invoiceNumber", required = false) List<String> numbers,
			@RequestParam(name = "amount", required = false) List<String> amounts, RedirectAttributes redirect) {
		List<Payments.Part> parts = new java.util.ArrayList<>();
		for (int i = 0; numbers != null && i < numbers.size(); i++) {
			String number = numbers.get(i) == null ? "" : numbers.get(i).trim();
			if (number.isEmpty()) {
				continue;
			}
			String amount = amounts != null && i < amounts.size() ? amounts.get(i) : null;
			parts.add(new Payments.Part(
					this.invoicing.findByNumber(number).map(invoice -> invoice.id()).orElse("unknown " + number),
					amount));
		}
		try {
			this.payments.split(id, parts);
			Forms.flash(redirect, "✓");
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
		}
		return "redirect:/payments/queue";
	}

	@GetMapping("/new")
	@PreAuthorize(Roles.COLLECT_CASH)
	String form(@RequestParam(required = false) String reference, @RequestParam(required = false) String amount,
			Model model) {
		model.addAttribute("form", new PaymentInput(null, amount, "EUR", this.today.date(), reference));
		model.addAttribute("customers", this.customers.names());
		return "payments/form";
	}

	@PostMapping
	@PreAuthorize(Roles.COLLECT_CASH)
	String record(@RequestParam(required = false) String customerId, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String currency,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
			@RequestParam(required = false) String reference, Model model, RedirectAttributes redirect) {
		PaymentInput input = new PaymentInput(customerId, amount == null ? null : amount.trim().replace(',', '.'),
				currency, receivedOn, reference);
		try {
			PaymentView p = this.payments.record(input);
			Forms.flash(redirect, "✓");
			return "redirect:/payments/" + p.id();
		}
		catch (Problem.Refused refused) {
			Forms.refused(model, refused);
			model.addAttribute("form", input);
			model.addAttribute("customers", this.customers.names());
			return "payments/form";
		}
	}

	@PostMapping("/{id}/allocations/{invoiceId}/undo")
	@PreAuthorize(Roles.COLLECT_CASH)
	String undo(@PathVariable String id, @PathVariable String invoiceId, RedirectAttributes redirect) {
		try {
			this.payments.undo(id, invoiceId);
			Forms.flash(redirect, "✓");
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
		}
		return "redirect:/payments/" + id;
	}

	@PostMapping("/{id}/allocations")
	@PreAuthorize(Roles.COLLECT_CASH)
	String allocate(@PathVariable String id, @RequestParam(required = false) String invoiceId,
			@RequestParam(required = false) String invoiceNumber, RedirectAttributes redirect) {
		if ((invoiceId == null || invoiceId.isBlank()) && invoiceNumber != null && !invoiceNumber.isBlank()) {
			// the clerk types the number printed on the invoice
			invoiceId = this.invoicing.findByNumber(invoiceNumber.trim()).map(i -> i.id()).orElse("unknown");
		}
		try {
			this.payments.allocate(id, invoiceId);
			Forms.flash(redirect, "✓");
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
		}
		return "redirect:/payments/" + id;
	}

	@GetMapping("/{id}")
	@PreAuthorize(Roles.ANY)
	String show(@PathVariable String id, Model model) {
		model.addAttribute("payment", this.payments.get(id));
		model.addAttribute("audit", this.audit.of(Payments.DOCUMENT, id));
		return "payments/show";
	}

}
