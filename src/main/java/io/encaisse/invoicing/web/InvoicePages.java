package io.encaisse.invoicing.web;

import io.encaisse.invoicing.CreditNoteRequest;
import io.encaisse.invoicing.InvoiceStatus;
import io.encaisse.invoicing.InvoiceView;
import io.encaisse.invoicing.Invoicing;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Roles;
import io.encaisse.shared.web.Forms;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
@RequestMapping("/invoices")
class InvoicePages {

	private final Invoicing invoicing;

	private final AuditTrail audit;

	private final io.encaisse.invoicing.EInvoicing eInvoicing;

	private final io.encaisse.invoicing.InvoiceMail mail;

	private final io.encaisse.invoicing.InvoiceDrafts drafts;

	private final io.encaisse.invoicing.InvoiceRuns runs;

	private final io.encaisse.customers.Customers customers;

	private final io.encaisse.catalog.Catalog catalog;

	private final io.encaisse.invoicing.CreditNotes creditNotes;

	private final io.encaisse.invoicing.documents.InvoiceLayout layout;

	InvoicePages(Invoicing invoicing, AuditTrail audit, io.encaisse.invoicing.EInvoicing eInvoicing,
			io.encaisse.invoicing.InvoiceMail mail, io.encaisse.invoicing.InvoiceDrafts drafts,
			io.encaisse.invoicing.InvoiceRuns runs, io.encaisse.invoicing.documents.InvoiceLayout layout,
			io.encaisse.customers.Customers customers, io.encaisse.catalog.Catalog catalog,
			io.encaisse.invoicing.CreditNotes creditNotes) {
		this.creditNotes = creditNotes;
		this.catalog = catalog;
		this.customers = customers;
		this.layout = layout;
		this.drafts = drafts;
		this.runs = runs;
		this.mail = mail;
		this.eInvoicing = eInvoicing;
		this.invoicing = invoicing;
		this.audit = audit;
	}

	@GetMapping
	@PreAuthorize(Roles.ANY)
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String startingAfter,
			@RequestParam(required = false) String customerId,
			@RequestParam(required = false, defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate issuedFrom,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate issuedTo,
			Model model) {
		InvoiceStatus st = null;
		if (status != null && !status.isBlank()) {
			try {
				st = InvoiceStatus.valueOf(status);
			}
			catch (IllegalArgumentException ignored) {
				// unknown filter: show everything
			}
		}
		boolean period = issuedFrom == null || issuedTo == null || !issuedFrom.isAfter(issuedTo);
		Cursor.Page<InvoiceView> page = this.invoicing
			.list(new Invoicing.Filter(customerId == null || customerId.isBlank() ? null : customerId, st, null, null,
					overdue, issuedFrom, period ? issuedTo : null), Cursor.of(100, startingAfter));
		model.addAttribute("overdue", overdue);
		model.addAttribute("customerId", customerId == null || customerId.isBlank() ? null : customerId);
		model.addAttribute("customerName", customerId == null || customerId.isBlank() ? null
				: this.customers.find(customerId).map(io.encaisse.customers.CustomerDetails::name).orElse(customerId));
		model.addAttribute("issuedFrom", issuedFrom);
		model.addAttribute("issuedTo", issuedTo);
		model.addAttribute("invoices", page.data());
		model.addAttribute("status", st);
		model.addAttribute("statuses", InvoiceStatus.values());
		model.addAttribute("next", page.next(InvoiceView::id));
		model.addAttribute("runs", this.runs.recent().stream().limit(5).toList());
		return "invoices/list";
	}

	@GetMapping("/{id}")
	@PreAuthorize(Roles.ANY)
	String show(@PathVariable String id, Model model) {
		InvoiceView invoice = this.invoicing.get(id);
		model.addAttribute("invoice", invoice);
		model.addAttribute("credited",
				invoice.creditedInvoiceId() == null ? null : this.invoicing.get(invoice.creditedInvoiceId()));
		model.addAttribute("creditNotes", this.invoicing.creditNotesOf(id));
		model.addAttribute("audit", this.audit.of(Invoicing.DOCUMENT, id));
		model.addAttribute("lifecycle", this.eInvoicing.lifecycle(id));
		model.addAttribute("sendings", this.mail.of(id));
		model.addAttribute("missing", this.drafts.missing(id));
		return "invoices/show";
	}

	/** A manual invoice, written as a draft: lines, one allowance, one charge. */
	@GetMapping("/new")
	@PreAuthorize(Roles.BILL)
	String form(@RequestParam(required = false) String customerId, Model model) {
		model.addAttribute("form", InvoiceForm.blank(customerId, 6));
		return formView(model);
	}

	@PostMapping
	@PreAuthorize(Roles.BILL)
	String create(@org.springframework.web.bind.annotation.ModelAttribute("form") InvoiceForm form, Model model,
			RedirectAttributes redirect) {
		try {
			InvoiceView draft = this.drafts.create(form.toInput());
			Forms.flash(redirect, "✓");
			return "redirect:/invoices/" + draft.id();
		}
		catch (Problem.Refused refused) {
			Forms.refused(model, refused);
			form.pad(6);
			return formView(model);
		}
	}

	private String formView(Model model) {
		model.addAttribute("customers", this.customers.names());
		model.addAttribute("products", this.catalog.all().stream().filter(p -> p.active()).toList());
		return "invoices/form";
	}

	@GetMapping("/layout")
	@PreAuthorize(Roles.ANY)
	String layout(Model model) {
		model.addAttribute("layout", this.layout.current());
		model.addAttribute("latest",
				this.invoicing
					.list(new Invoicing.Filter(null, InvoiceStatus.ISSUED, null, "INVOICE"), Cursor.of(1, null))
					.data()
					.stream()
					.findFirst()
					.orElse(null));
		return "invoices/layout";
	}

	@GetMapping("/layout/logo")
	@PreAuthorize(Roles.ANY)
	ResponseEntity<byte[]> logo() {
		return this.layout.logo()
			.map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png))
			.orElse(ResponseEntity.notFound().build());
	}

	/** The company's colour and logo, printed on every invoice. */
	@PostMapping("/layout")
	@PreAuthorize(Roles.SET_POLICIES)
	String saveLayout(@RequestParam(required = false) String accentColour,
			@RequestParam(required = false) org.springframework.web.multipart.MultipartFile logo,
			@RequestParam(required = false, defaultValue = "false") boolean removeLogo, RedirectAttributes redirect) {
		try {
			this.layout.set(accentColour, logo == null || logo.isEmpty() ? null : logo.getBytes(), removeLogo);
			Forms.flash(redirect, "✓");
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
		}
		catch (java.io.IOException unreadable) {
			Forms.problem(redirect, new Problem.Invalid("logo", "could not be read"));
		}
		return "redirect:/invoices/layout";
	}

	/**
	 * Whether the customer's invoices leave by email on issue (from the customer page).
	 */
	@PostMapping("/delivery/{customerId}")
	@PreAuthorize(Roles.COLLECT_CASH)
	String delivery(@PathVariable String customerId, @RequestParam(required = false) Boolean on,
			RedirectAttributes redirect) {
		try {
			this.mail.setByEmail(customerId, on);
			Forms.flash(redirect, "✓");
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
		}
		return "redirect:/customers/" + customerId;
	}

	/** Issues a draft; what it lacks is shown on its page. */
	@PostMapping("/{id}/issue")
	@PreAuthorize(Roles.BILL)
	String issue(@PathVariable String id, RedirectAttributes redirect) {
		try {
			InvoiceView issued = this.drafts.issue(id, null);
			Forms.flash(redirect, "✓ " + issued.number());
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
		}
		return "redirect:/invoices/" + id;
	}

	@PostMapping("/{id}/delete")
	@PreAuthorize(Roles.BILL)
	String delete(@PathVariable String id, RedirectAttributes redirect) {
		try {
			this.drafts.delete(id, null);
			Forms.flash(redirect, "✓");
			return "redirect:/invoices?status=DRAFT";
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
			return "redirect:/invoices/" + id;
		}
	}

	/** Starts a bulk run over the ticked invoices and shows its progress. */
	@PostMapping("/runs")
	@PreAuthorize(Roles.BILL)
	String startRun(@RequestParam(required = false) String kind,
			@RequestParam(name = "ids", required = false) java.util.List<String> ids, RedirectAttributes redirect) {
		try {
			var run = this.runs.start(io.encaisse.invoicing.InvoiceRuns.Kind.valueOf(String.valueOf(kind)), ids);
			return "redirect:/invoices/runs/" + run.id();
		}
		catch (IllegalArgumentException | Problem.Refused refused) {
			if (refused instanceof Problem.Refused r) {
				Forms.problem(redirect, r);
			}
			return "redirect:/invoices";
		}
	}

	@GetMapping("/runs/{id}")
	@PreAuthorize(Roles.ANY)
	String run(@PathVariable String id, Model model) {
		var run = this.runs.get(id);
		model.addAttribute("run", run);
		java.util.Map<String, String> numbers = new java.util.HashMap<>();
		run.failures()
			.forEach(f -> numbers.put(f.invoiceId(),
					this.invoicing.findById(f.invoiceId())
						.map(i -> i.number() != null ? i.number() : i.customerName())
						.orElse(f.invoiceId())));
		model.addAttribute("labels", numbers);
		return "invoices/run";
	}

	@GetMapping("/{id}/pdf")
	@PreAuthorize(Roles.ANY)
	ResponseEntity<byte[]> pdf(@PathVariable String id) {
		return file(id, "pdf", MediaType.APPLICATION_PDF, ".pdf");
	}

	@GetMapping("/{id}/ubl")
	@PreAuthorize(Roles.ANY)
	ResponseEntity<byte[]> ubl(@PathVariable String id) {
		return file(id, "ubl", MediaType.APPLICATION_XML, "-ubl.xml");
	}

	@PostMapping("/{id}/credit-notes")
	@PreAuthorize(Roles.BILL)
	String credit(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			InvoiceView credit = this.creditNotes.issue(id, new CreditNoteRequest(reason, null, null));
			Forms.flash(redirect, "✓ " + credit.number());
			return "redirect:/invoices/" + credit.id();
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
			return "redirect:/invoices/" + id;
		}
	}

	private ResponseEntity<byte[]> file(String id, String format, MediaType type, String suffix) {
		InvoiceView invoice = this.invoicing.get(id);
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + invoice.number() + suffix + "\"")
			.body(this.invoicing.document(id, format));
	}

}
