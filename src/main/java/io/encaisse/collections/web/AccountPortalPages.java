package io.encaisse.collections.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.encaisse.collections.CustomerAccountLinks;
import io.encaisse.collections.CustomerStatements;
import io.encaisse.collections.DisputeAttachments;
import io.encaisse.collections.DisputeComments;
import io.encaisse.collections.DisputeReason;
import io.encaisse.collections.Disputes;
import io.encaisse.collections.Promises;
import io.encaisse.collections.StatementPdf;
import io.encaisse.customers.Customers;
import io.encaisse.invoicing.Invoicing;
import io.encaisse.shared.Problem;
import io.encaisse.shared.web.Forms;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's account, opened from the link in every reminder without an account: the
 * open invoices and the statement, each document as issued, how to pay; a dispute (with a
 * file) or a promise to pay sent from there is recorded as made by the customer.
 */
@Controller
@RequestMapping("/portal/account/{token}")
class AccountPortalPages {

	/** How far ahead a customer may promise to pay from the link. */
	static final int PROMISE_DAYS = 30;

	private final CustomerAccountLinks links;

	private final CustomerStatements statements;

	private final StatementPdf statementPdf;

	private final Invoicing invoicing;

	private final Customers customers;

	private final Disputes disputes;

	private final DisputeAttachments attachments;

	private final Promises promises;

	private final io.encaisse.shared.Today today;

	private final org.springframework.context.MessageSource messages;

	private final DisputeComments comments;

	AccountPortalPages(CustomerAccountLinks links, CustomerStatements statements, StatementPdf statementPdf,
			Invoicing invoicing, Customers customers, Disputes disputes, DisputeAttachments attachments,
			Promises promises, io.encaisse.shared.Today today, org.springframework.context.MessageSource messages,
			DisputeComments comments) {
		this.comments = comments;
		this.messages = messages;
		this.links = links;
		this.statements = statements;
		this.statementPdf = statementPdf;
		this.invoicing = invoicing;
		this.customers = customers;
		this.disputes = disputes;
		this.attachments = attachments;
		this.promises = promises;
		this.today = today;
	}

	@GetMapping
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		String customerId;
		try {
			customerId = this.links.customerOf(token);
		}
		catch (Problem.Refused refused) {
			// a link that opens nothing is not found (a tampered or expired link)
			response.setStatus(refused.status() == 409 ? 410 : 404);
			model.addAttribute("message", refused.getMessage());
			return "portal/invalid";
		}
		CustomerStatements.Statement statement = this.statements.of(customerId, null);
		Map<String, String> references = new HashMap<>();
		Map<String, String> openDisputes = new HashMap<>();
		List<Disputes.Dispute> disputesOpen = this.disputes.ofCustomer(customerId)
			.stream()
			.filter(d -> d.status() == Disputes.Status.OPEN)
			.toList();
		model.addAttribute("disputes", disputesOpen);
		model.addAttribute("comments", this.comments.ofAll(disputesOpen.stream().map(Disputes.Dispute::id).toList()));
		for (CustomerStatements.Line line : statement.lines()) {
			this.invoicing.findById(line.invoiceId())
				.ifPresent(i -> references.put(line.invoiceId(), i.paymentReference()));
		}
		for (Disputes.Dispute d : this.disputes.ofCustomer(customerId)) {
			if (d.status() == Disputes.Status.OPEN) {
				openDisputes.put(d.invoiceId(), d.reason().name());
			}
		}
		model.addAttribute("token", token);
		model.addAttribute("statement", statement);
		model.addAttribute("references", references);
		model.addAttribute("openDisputes", openDisputes);
		model.addAttribute("promises",
				this.promises.ofCustomer(customerId).stream().filter(p -> p.status() == Promises.Status.OPEN).toList());
		model.addAttribute("payTo", this.invoicing.payTo());
		model.addAttribute("reasons", DisputeReason.values());
		model.addAttribute("today", this.today.date());
		return "portal/account";
	}

	/** The statement of account today, printed. */
	@GetMapping("/statement")
	ResponseEntity<byte[]> statement(@PathVariable String token) {
		String customerId = customer(token);
		var statement = this.statements.of(customerId, null);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"statement-" + statement.asOf() + ".pdf\"")
			.body(this.statementPdf.render(statement));
	}

	/**
	 * An invoice of the customer's as issued (the archived Factur-X PDF, byte for byte).
	 */
	@GetMapping("/invoices/{invoiceId}/pdf")
	ResponseEntity<byte[]> invoice(@PathVariable String token, @PathVariable String invoiceId) {
		String customerId = customer(token);
		var invoice = this.invoicing.findById(invoiceId)
			.filter(i -> customerId.equals(i.customerId()) && i.number() != null)
			.orElseThrow(() -> new Problem.NotFound("invoice", invoiceId));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + invoice.number() + ".pdf\"")
			.body(this.invoicing.document(invoiceId, "pdf"));
	}

	@PostMapping("/disputes")
	String dispute(@PathVariable String token, @RequestParam(required = false) String invoiceId,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String message,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
		String customerId = customer(token);
		return asCustomer(customerId, token, redirect, () -> {
			if (this.statements.of(customerId, null).lines().stream().noneMatch(l -> l.invoiceId().equals(invoiceId))) {
				throw new Problem.Invalid("invoiceId", "choose one of your open invoices");
			}
			byte[] bytes = read(file);
			return this.attachments.open(invoiceId, new Disputes.Input(reason, null, null, null, message),
					bytes == null ? null : file.getOriginalFilename(), bytes);
		});
	}

	/** The customer answers in the conversation of one of their open disputes. */
	@PostMapping("/disputes/{disputeId}/comments")
	String comment(@PathVariable String token, @PathVariable String disputeId,
			@RequestParam(required = false) String body, RedirectAttributes redirect) {
		String customerId = customer(token);
		return asCustomer(customerId, token, redirect, () -> {
			if (!this.disputes.get(disputeId).customerId().equals(customerId)) {
				throw new Problem.NotFound("dispute", disputeId);
			}
			return this.comments.add(disputeId, new DisputeComments.Input(body));
		});
	}

	@PostMapping("/promises")
	String promise(@PathVariable String token,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate promisedOn,
			@RequestParam(name = "invoiceId", required = false) List<String> invoiceIds,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		String customerId = customer(token);
		return asCustomer(customerId, token, redirect, () -> {
			// from a link, a payment date a month ahead at most: longer takes a word with
			// the collector
			if (promisedOn != null && promisedOn.isAfter(this.today.date().plusDays(PROMISE_DAYS))) {
				throw new Problem.Invalid("promisedOn", "at most " + PROMISE_DAYS + " days ahead");
			}
			return this.promises.record(customerId,
					new Promises.Input(null, promisedOn, invoiceIds == null ? List.of() : invoiceIds, note));
		});
	}

	private String customer(String token) {
		return this.links.customerOf(token);
	}

	private static byte[] read(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		try {
			return file.getBytes();
		}
		catch (java.io.IOException unreadable) {
			throw new Problem.Invalid("file", "could not be read");
		}
	}

	/**
	 * Runs what the customer asked as the customer (the audit trail and the records say
	 * "customer: name"), then shows the account again with the outcome.
	 */
	private String asCustomer(String customerId, String token, RedirectAttributes redirect, Supplier<?> action) {
		// a context of its own for the request (the session's, if a member of staff has
		// one, is left untouched) and the original put back after
		var before = SecurityContextHolder.getContext();
		String name = "customer: " + this.customers.get(customerId).name();
		var asCustomer = SecurityContextHolder.createEmptyContext();
		asCustomer.setAuthentication(UsernamePasswordAuthenticationToken
			.authenticated(name.length() <= 100 ? name : name.substring(0, 100), null, List.of()));
		try {
			SecurityContextHolder.setContext(asCustomer);
			action.get();
			Forms.flash(redirect, "✓");
		}
		catch (Problem.Refused refused) {
			// the customer reads it: in their words, not the API's
			Locale locale = LocaleContextHolder.getLocale();
			if (refused.errors().isEmpty()) {
				redirect.addFlashAttribute("problem", this.messages.getMessage("account.conflict", null, locale));
			}
			else {
				redirect.addFlashAttribute("errors", refused.errors().stream().map(e -> {
					String field = e.field().replaceAll("\\[.*", "");
					return new Problem.FieldError(
							this.messages.getMessage("account.field." + field, null, e.field(), locale),
							this.messages.getMessage("account.error." + field, null, e.message(), locale));
				}).toList());
			}
		}
		finally {
			SecurityContextHolder.setContext(before);
		}
		return "redirect:/portal/account/" + token;
	}

}
