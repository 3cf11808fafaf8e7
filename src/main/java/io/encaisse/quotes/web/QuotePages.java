package io.encaisse.quotes.web;

import io.encaisse.catalog.Catalog;
import io.encaisse.customers.Customers;
import io.encaisse.quotes.QuoteView;
import io.encaisse.quotes.Quotes;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Cursor;
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
@RequestMapping("/quotes")
class QuotePages {

	private final io.encaisse.quotes.QuoteMail mail;

	private final Quotes quotes;

	private final Customers customers;

	private final Catalog catalog;

	private final AuditTrail audit;

	private final Today today;

	private final io.encaisse.quotes.QuoteComments comments;

	private final io.encaisse.quotes.QuotePdf pdf;

	QuotePages(Quotes quotes, Customers customers, Catalog catalog, AuditTrail audit, Today today,
			io.encaisse.quotes.QuoteComments comments, io.encaisse.quotes.QuoteMail mail,
			io.encaisse.quotes.QuotePdf pdf) {
		this.pdf = pdf;
		this.mail = mail;
		this.comments = comments;
		this.quotes = quotes;
		this.customers = customers;
		this.catalog = catalog;
		this.audit = audit;
		this.today = today;
	}

	@GetMapping
	@PreAuthorize(Roles.ANY)
	String list(@RequestParam(required = false) String startingAfter, @RequestParam(required = false) String status,
			Model model) {
		if ("PENDING_APPROVAL".equals(status)) {
			model.addAttribute("quotes", this.quotes.awaitingApproval());
			model.addAttribute("approvals", true);
			return "quotes/list";
		}
		Cursor.Page<QuoteView> page = this.quotes.list(Cursor.of(100, startingAfter));
		model.addAttribute("quotes", page.data());
		model.addAttribute("waiting", this.quotes.awaitingApproval().size());
		model.addAttribute("next", page.next(QuoteView::id));
		return "quotes/list";
	}

	@GetMapping("/new")
	@PreAuthorize(Roles.SELL)
	String form(@RequestParam(required = false) String customerId, Model model) {
		model.addAttribute("form", QuoteForm.blank(customerId, this.today.date().plusDays(30), 5));
		return formView(model);
	}

	@PostMapping
	@PreAuthorize(Roles.SELL)
	String create(@ModelAttribute("form") QuoteForm form, Model model, RedirectAttributes redirect) {
		try {
			QuoteView q = this.quotes.create(form.toInput());
			Forms.flash(redirect, "✓ " + q.number());
			return "redirect:/quotes/" + q.id();
		}
		catch (Problem.Refused refused) {
			Forms.refused(model, refused);
			while (form.getLines().size() < 5) {
				form.getLines().add(new QuoteForm.LineForm());
			}
			return formView(model);
		}
	}

	/** The next revision, from the current one. */
	@GetMapping("/{id}/revise")
	@PreAuthorize(Roles.SELL)
	String reviseForm(@PathVariable String id, Model model) {
		QuoteView quote = this.quotes.get(id);
		model.addAttribute("form", QuoteForm.from(quote, 2));
		model.addAttribute("formAction", "/quotes/" + id + "/revisions");
		model.addAttribute("revising", quote);
		return formView(model);
	}

	@PostMapping("/{id}/revisions")
	@PreAuthorize(Roles.SELL)
	String revise(@PathVariable String id, @ModelAttribute("form") QuoteForm form, Model model,
			RedirectAttributes redirect) {
		try {
			QuoteView q = this.quotes.revise(id, null, form.toInput());
			Forms.flash(redirect, "✓ " + q.number() + " · " + q.revision());
			return "redirect:/quotes/" + id;
		}
		catch (Problem.NotFound | Problem.StateConflict refused) {
			Forms.problem(redirect, refused);
			return refused instanceof Problem.NotFound ? "redirect:/quotes" : "redirect:/quotes/" + id;
		}
		catch (Problem.Refused refused) {
			Forms.refused(model, refused);
			while (form.getLines().size() < 5) {
				form.getLines().add(new QuoteForm.LineForm());
			}
			model.addAttribute("formAction", "/quotes/" + id + "/revisions");
			model.addAttribute("revising", this.quotes.get(id));
			return formView(model);
		}
	}

	/** Mails the current revision with the customer's link again. */
	@PostMapping("/{id}/mail")
	@PreAuthorize(Roles.SELL)
	String mail(@PathVariable String id, RedirectAttributes redirect) {
		try {
			var sending = this.mail.send(id);
			if ("SENT".equals(sending.status())) {
				Forms.flash(redirect, "✓ " + sending.recipient());
			}
			else if ("QUEUED".equals(sending.status())) {
				Forms.problem(redirect, new Problem.StateConflict(
						"no SMTP server is configured (SPRING_MAIL_HOST): the mail waits in the outbox"));
			}
			else {
				Forms.problem(redirect, new Problem.StateConflict(sending.lastError()));
			}
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
		}
		return "redirect:/quotes/" + id;
	}

	/** The customer's link, for a salesperson to hand over by other means. */
	@GetMapping("/{id}/link")
	@PreAuthorize(Roles.SELL)
	String link(@PathVariable String id, Model model) {
		model.addAttribute("quote", this.quotes.get(id));
		model.addAttribute("link", this.mail.link(id));
		return "quotes/link";
	}

	/** Two revisions side by side. */
	@GetMapping("/{id}/diff")
	@PreAuthorize(Roles.ANY)
	String diff(@PathVariable String id, @RequestParam int from, @RequestParam(required = false) Integer to,
			Model model) {
		QuoteView quote = this.quotes.get(id);
		model.addAttribute("quote", quote);
		model.addAttribute("diff", this.quotes.diff(id, from, to == null ? quote.revision() : to));
		return "quotes/diff";
	}

	@GetMapping("/{id}/pdf")
	@PreAuthorize(Roles.ANY)
	org.springframework.http.ResponseEntity<byte[]> pdf(@PathVariable String id) {
		return this.pdf.download(this.quotes.get(id));
	}

	@GetMapping("/{id}")
	@PreAuthorize(Roles.ANY)
	String show(@PathVariable String id, Model model) {
		model.addAttribute("quote", this.quotes.get(id));
		model.addAttribute("revisions", this.quotes.revisions(id));
		model.addAttribute("sendings", this.mail.of(id));
		model.addAttribute("audit", this.audit.of(Quotes.DOCUMENT, id));
		model.addAttribute("comments", this.comments.of(id, false));
		return "quotes/show";
	}

	@PostMapping("/{id}/comments")
	@PreAuthorize(Roles.RECORD_ACCEPTANCE)
	String comment(@PathVariable String id, @RequestParam(required = false) String body,
			@RequestParam(required = false) String visibility, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.comments.add(id, body, visibility));
	}

	@PostMapping("/{id}/approve")
	@PreAuthorize(Roles.APPROVE_DISCOUNTS)
	String approve(@PathVariable String id, @RequestParam long version, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> this.quotes.approve(id, version, reason));
	}

	@PostMapping("/{id}/send")
	@PreAuthorize(Roles.SELL)
	String send(@PathVariable String id, @RequestParam long version, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.quotes.send(id, version));
	}

	@PostMapping("/{id}/accept")
	@PreAuthorize(Roles.RECORD_ACCEPTANCE)
	String accept(@PathVariable String id, @RequestParam long version, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.quotes.accept(id, version, AuditTrail.currentActor()));
	}

	@PostMapping("/{id}/decline")
	@PreAuthorize(Roles.RECORD_ACCEPTANCE)
	String decline(@PathVariable String id, @RequestParam long version, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.quotes.decline(id, version));
	}

	private String act(String id, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
		}
		return "redirect:/quotes/" + id;
	}

	private String formView(Model model) {
		if (!model.containsAttribute("formAction")) {
			model.addAttribute("formAction", "/quotes");
		}
		model.addAttribute("customers", this.customers.names());
		model.addAttribute("products", this.catalog.all().stream().filter(p -> p.active()).toList());
		return "quotes/form";
	}

}
