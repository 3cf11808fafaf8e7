package io.encaisse.quotes.web;

import io.encaisse.quotes.QuoteOrders;
import io.encaisse.quotes.QuotePortal;
import io.encaisse.shared.Problem;
import io.encaisse.shared.web.Forms;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's page of a quote, opened from the link in the email, without an account:
 * read, comment, accept or decline.
 */
@Controller
@RequestMapping("/portal/quotes/{token}")
class QuotePortalPages {

	private final QuotePortal portal;

	private final io.encaisse.quotes.QuotePdf pdf;

	private final MessageSource messages;

	private final ObjectProvider<QuoteOrders> orders;

	QuotePortalPages(QuotePortal portal, io.encaisse.quotes.QuotePdf pdf, MessageSource messages,
			ObjectProvider<QuoteOrders> orders) {
		this.orders = orders;
		this.portal = portal;
		this.pdf = pdf;
		this.messages = messages;
	}

	/** The revision the link names, printed; nothing while it is not on offer. */
	@GetMapping("/pdf")
	org.springframework.http.ResponseEntity<byte[]> pdf(@PathVariable String token) {
		try {
			io.encaisse.quotes.QuotePortal.Access access = this.portal.open(token);
			if (!access.visible()) {
				return org.springframework.http.ResponseEntity.notFound().build();
			}
			return this.pdf.download(access.quote());
		}
		catch (Problem.Refused refused) {
			return org.springframework.http.ResponseEntity.notFound().build();
		}
	}

	@GetMapping
	String show(@PathVariable String token, Model model, jakarta.servlet.http.HttpServletResponse response) {
		try {
			QuotePortal.Access access = this.portal.open(token);
			model.addAttribute("access", access);
			model.addAttribute("token", token);
			QuoteOrders orders = this.orders.getIfAvailable();
			model.addAttribute("order", orders == null ? null : orders.of(access.quote().id()).orElse(null));
			return "portal/quote";
		}
		catch (Problem.Refused refused) {
			// a link that opens nothing is not found (a tampered or expired link)
			response.setStatus(refused.status() == 409 ? 410 : 404);
			model.addAttribute("message", refused.getMessage());
			return "portal/invalid";
		}
	}

	@PostMapping("/accept")
	String accept(@PathVariable String token, @RequestParam(required = false) String name,
			@RequestParam(required = false, defaultValue = "false") boolean terms,
			@RequestParam(name = "optional", required = false) java.util.Set<Integer> optional,
			HttpServletRequest request, RedirectAttributes redirect) {
		try {
			this.portal.accept(token, name, terms, request.getRemoteAddr(), request.getHeader("User-Agent"),
					optional == null ? java.util.Set.of() : optional);
			Forms.flash(redirect, "✓");
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
		}
		catch (ConcurrencyFailureException | DuplicateKeyException raced) {
			// accepted from another window at the same moment: the page shows the outcome
			redirect.addFlashAttribute("problem",
					this.messages.getMessage("portal.raced", null, LocaleContextHolder.getLocale()));
		}
		return "redirect:/portal/quotes/" + token;
	}

	@PostMapping("/decline")
	String decline(@PathVariable String token, @RequestParam(required = false) String name,
			@RequestParam(required = false) String reason, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			this.portal.decline(token, name, reason, request.getRemoteAddr(), request.getHeader("User-Agent"));
			Forms.flash(redirect, "✓");
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
		}
		return "redirect:/portal/quotes/" + token;
	}

	@PostMapping("/comments")
	String comment(@PathVariable String token, @RequestParam(required = false) String name,
			@RequestParam(required = false) String body, RedirectAttributes redirect) {
		try {
			this.portal.comment(token, name, body);
			Forms.flash(redirect, "✓");
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
		}
		return "redirect:/portal/quotes/" + token;
	}

}
