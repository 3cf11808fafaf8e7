package io.encaisse.quotes.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.encaisse.quotes.QuoteInput;
import io.encaisse.quotes.QuoteView;
import io.encaisse.quotes.Quotes;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Roles;
import io.encaisse.shared.Versions;
import io.encaisse.shared.web.Locations;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/quotes")
@Tag(name = "Quotes")
class QuoteApi {

	private final io.encaisse.quotes.QuoteMail mail;

	private final Quotes quotes;

	private final io.encaisse.quotes.QuoteComments comments;

	private final io.encaisse.quotes.QuotePdf pdf;

	QuoteApi(Quotes quotes, io.encaisse.quotes.QuoteComments comments, io.encaisse.quotes.QuoteMail mail,
			io.encaisse.quotes.QuotePdf pdf) {
		this.pdf = pdf;
		this.mail = mail;
		this.quotes = quotes;
		this.comments = comments;
	}

	record QuoteResponse(String id, String number, String customerId, String currency, LocalDate issueDate,
			LocalDate validUntil, String status, int revision, String orderId, List<LineResponse> lines,
			String totalNet, String totalTax, String total, String maxDiscount, String approvedBy,
			String approvalReason, long version, String depositPercent, Integer paymentTermsDays, String conditions,
			String optionalTotalNet, String recurringTotalNet,
			List<io.encaisse.quotes.QuoteRevisions.Summary> revisions) {

		static QuoteResponse of(QuoteView q) {
			return new QuoteResponse(q.id(), q.number(), q.customerId(), q.currency(), q.issueDate(), q.validUntil(),
					q.status().name(), q.revision(), q.orderId(),
					q.lines()
						.stream()
						.map(l -> new LineResponse(l.lineNumber(), l.sku(), l.description(), l.unit(),
								l.quantity().stripTrailingZeros().toPlainString(), l.unitPrice().toUnitPriceString(),
								l.discountPercent().toPlainString(), l.taxRate().toPlainString(),
								l.net().toPlainString(), l.priceSource(), l.optional(), l.billing(), l.period(),
								l.chosen()))
						.toList(),
					q.totals().net().toPlainString(), q.totals().tax().toPlainString(),
					q.totals().total().toPlainString(),
					q.maxDiscount() == null ? null : q.maxDiscount().stripTrailingZeros().toPlainString(),
					q.approvedBy(), q.approvalReason(), q.version(),
					q.depositPercent() == null ? null : q.depositPercent().stripTrailingZeros().toPlainString(),
					q.paymentTermsDays(), q.conditions(),
					q.hasOptionalLines() ? q.optionalTotals().net().toPlainString() : null,
					q.hasRecurringLines() ? q.recurringTotals().net().toPlainString() : null, List.of());
		}

		QuoteResponse withRevisions(List<io.encaisse.quotes.QuoteRevisions.Summary> revisions) {
			return new QuoteResponse(this.id, this.number, this.customerId, this.currency, this.issueDate,
					this.validUntil, this.status, this.revision, this.orderId, this.lines, this.totalNet, this.totalTax,
					this.total, this.maxDiscount, this.approvedBy, this.approvalReason, this.version,
					this.depositPercent, this.paymentTermsDays, this.conditions, this.optionalTotalNet,
					this.recurringTotalNet, revisions);
		}

	}

	record LineResponse(int lineNumber, String sku, String description, String unit, String quantity, String unitPrice,
			String discountPercent, String taxRate, String netAmount, String source, boolean optional, String billing,
			String period, Boolean chosen) {
	}

	/**
	 * {@code revision}: the one the customer accepted (409 if it is no longer current);
	 * {@code optionalLines}: the numbers of the optional lines they took.
	 */
	record AcceptRequest(Integer revision, java.util.Set<Integer> optionalLines) {
	}

	record ApproveRequest(String reason) {
	}

	@PostMapping
	@PreAuthorize(Roles.SELL)
	ResponseEntity<QuoteResponse> create(@RequestBody QuoteInput input) {
		QuoteView q = this.quotes.create(input);
		return ResponseEntity.created(URI.create("/api/v1/quotes/" + q.id())).body(QuoteResponse.of(q));
	}

	@GetMapping("/{id}")
	@PreAuthorize(Roles.ANY)
	QuoteResponse get(@PathVariable String id) {
		return QuoteResponse.of(this.quotes.get(id)).withRevisions(this.quotes.revisions(id));
	}

	@GetMapping
	@PreAuthorize(Roles.ANY)
	Cursor.Page<QuoteResponse> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String startingAfter) {
		return this.quotes.list(Cursor.of(limit, startingAfter)).map(QuoteResponse::of);
	}

	@PostMapping("/{id}/approve")
	@PreAuthorize(Roles.APPROVE_DISCOUNTS)
	QuoteResponse approve(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestBody(required = false) ApproveRequest request) {
		return QuoteResponse
			.of(this.quotes.approve(id, Versions.parse(ifMatch), request == null ? null : request.reason()));
	}

	@PostMapping("/{id}/send")
	@PreAuthorize(Roles.SELL)
	QuoteResponse send(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return QuoteResponse.of(this.quotes.send(id, Versions.parse(ifMatch)));
	}

	@PostMapping("/{id}/accept")
	@PreAuthorize(Roles.RECORD_ACCEPTANCE)
	QuoteResponse accept(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestBody(required = false) AcceptRequest request) {
		if (request != null && request.revision() != null) {
			int current = this.quotes.get(id).revision();
			if (request.revision() != current) {
				throw new Problem.StateConflict(
						"revision " + request.revision() + " is not the current revision (" + current + ")");
			}
		}
		this.quotes.accept(id, Versions.parse(ifMatch), AuditTrail.currentActor(),
				request == null || request.optionalLines() == null ? java.util.Set.of() : request.optionalLines());
		return QuoteResponse.of(this.quotes.get(id));
	}

	/**
	 * A new revision with new {@code lines}, {@code validUntil}, {@code notes},
	 * {@code depositPercent}; the previous one stays readable.
	 */
	@PostMapping("/{id}/revisions")
	@PreAuthorize(Roles.SELL)
	ResponseEntity<QuoteResponse> revise(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestBody io.encaisse.quotes.QuoteInput input) {
		QuoteResponse revised = QuoteResponse.of(this.quotes.revise(id, Versions.parse(ifMatch), input))
			.withRevisions(this.quotes.revisions(id));
		return ResponseEntity.created(Locations.of("/api/v1/quotes/{id}/revisions/{revision}", id, revised.revision()))
			.body(revised);
	}

	/** One revision as it was: lines, prices, totals, validity. */
	@GetMapping("/{id}/revisions/{revision}")
	@PreAuthorize(Roles.ANY)
	io.encaisse.quotes.QuoteRevisions.Revision revision(@PathVariable String id, @PathVariable String revision) {
		return this.quotes.revision(id, number(id, revision));
	}

	/**
	 * What changed from one revision to another, line by line (ADDED, REMOVED, CHANGED,
	 * SAME).
	 */
	@GetMapping("/{id}/diff")
	@PreAuthorize(Roles.ANY)
	io.encaisse.quotes.QuoteRevisions.Diff diff(@PathVariable String id, @RequestParam String from,
			@RequestParam(required = false) String to) {
		int current = this.quotes.get(id).revision();
		return this.quotes.diff(id, number(id, from), to == null ? current : number(id, to));
	}

	private static int number(String id, String revision) {
		try {
			return Integer.parseInt(revision);
		}
		catch (NumberFormatException ex) {
			throw new Problem.NotFound("quote revision", id + "/" + revision);
		}
	}

	record LinkResponse(String url) {
	}

	/**
	 * The customer's signed link to the current revision (read, comment, accept,
	 * decline).
	 */
	/** The current revision printed in the company's layout. */
	@GetMapping(path = "/{id}/pdf", produces = "application/pdf")
	@PreAuthorize(Roles.ANY)
	ResponseEntity<byte[]> pdf(@PathVariable String id) {
		return this.pdf.download(this.quotes.get(id));
	}

	@GetMapping("/{id}/link")
	@PreAuthorize(Roles.SELL)
	LinkResponse link(@PathVariable String id) {
		return new LinkResponse(this.mail.link(id));
	}

	/** The quote's mailings to the customer. */
	@GetMapping("/{id}/sendings")
	@PreAuthorize(Roles.ANY)
	Cursor.Page<io.encaisse.quotes.QuoteMail.Sending> sendings(@PathVariable String id) {
		this.quotes.get(id);
		return new Cursor.Page<>(this.mail.of(id), false);
	}

	/** Mails the current revision with its link again. */
	@PostMapping("/{id}/mail")
	@PreAuthorize(Roles.SELL)
	io.encaisse.quotes.QuoteMail.Sending mail(@PathVariable String id) {
		return this.mail.send(id);
	}

	@PostMapping("/{id}/decline")
	@PreAuthorize(Roles.RECORD_ACCEPTANCE)
	QuoteResponse decline(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return QuoteResponse.of(this.quotes.decline(id, Versions.parse(ifMatch)));
	}

	record CommentRequest(String body, String visibility) {
	}

	/** The quote's comments, internal and customer-visible, oldest first. */
	@GetMapping("/{id}/comments")
	@PreAuthorize(Roles.ANY)
	io.encaisse.shared.Cursor.Page<io.encaisse.quotes.QuoteComments.Comment> comments(@PathVariable String id) {
		return new io.encaisse.shared.Cursor.Page<>(this.comments.of(id, false), false);
	}

	/** A comment: {@code visibility} INTERNAL (default) or CUSTOMER. */
	@PostMapping("/{id}/comments")
	@PreAuthorize(Roles.RECORD_ACCEPTANCE)
	org.springframework.http.ResponseEntity<io.encaisse.quotes.QuoteComments.Comment> comment(@PathVariable String id,
			@RequestBody CommentRequest request) {
		return org.springframework.http.ResponseEntity.status(201)
			.body(this.comments.add(id, request == null ? null : request.body(),
					request == null ? null : request.visibility()));
	}

}
