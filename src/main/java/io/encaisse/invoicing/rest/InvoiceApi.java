package io.encaisse.invoicing.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.encaisse.invoicing.CreditNoteRequest;
import io.encaisse.invoicing.InvoiceStatus;
import io.encaisse.invoicing.InvoiceView;
import io.encaisse.invoicing.Invoicing;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Roles;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/invoices")
@Tag(name = "Invoices")
class InvoiceApi {

	private final Invoicing invoicing;

	private final io.encaisse.invoicing.EInvoicing eInvoicing;

	private final io.encaisse.invoicing.InvoiceMail mail;

	private final io.encaisse.invoicing.InvoiceDrafts drafts;

	private final io.encaisse.invoicing.CreditNotes creditNotes;

	InvoiceApi(Invoicing invoicing, io.encaisse.invoicing.EInvoicing eInvoicing, io.encaisse.invoicing.InvoiceMail mail,
			io.encaisse.invoicing.InvoiceDrafts drafts, io.encaisse.invoicing.CreditNotes creditNotes) {
		this.creditNotes = creditNotes;
		this.drafts = drafts;
		this.mail = mail;
		this.invoicing = invoicing;
		this.eInvoicing = eInvoicing;
	}

	record LifecycleRequest(Integer code, String note) {
	}

	/**
	 * The invoice's sendings: to whom, status (QUEUED, SENDING, SENT, FAILED), attempts,
	 * last error.
	 */
	@GetMapping("/{id}/sendings")
	@PreAuthorize(Roles.ANY)
	Cursor.Page<io.encaisse.invoicing.InvoiceMail.Sending> sendings(@PathVariable String id) {
		this.invoicing.get(id);
		return new Cursor.Page<>(this.mail.of(id), false);
	}

	/** Sends the invoice's mail now (a mail already sent is not sent again). */
	@PostMapping("/{id}/send")
	@PreAuthorize(Roles.COLLECT_CASH)
	io.encaisse.invoicing.InvoiceMail.Sending send(@PathVariable String id) {
		this.invoicing.get(id);
		return this.mail.sendNow(id);
	}

	/**
	 * The invoice's e-invoicing lifecycle: each status with its code, who set it and
	 * when.
	 */
	@GetMapping("/{id}/lifecycle")
	@PreAuthorize(Roles.ANY)
	Cursor.Page<io.encaisse.invoicing.EInvoicing.Entry> lifecycle(@PathVariable String id) {
		return new Cursor.Page<>(this.eInvoicing.lifecycle(id), false);
	}

	/** A status the platform or the buyer reports (e.g. 210 refused, 207 disputed). */
	@PostMapping("/{id}/lifecycle")
	@PreAuthorize(Roles.COLLECT_CASH)
	ResponseEntity<io.encaisse.invoicing.EInvoicing.Entry> report(@PathVariable String id,
			@RequestBody LifecycleRequest request) {
		return ResponseEntity.status(201)
			.body(this.eInvoicing.report(id, request == null ? null : request.code(),
					request == null ? null : request.note()));
	}

	record InvoiceResponse(String id, String kind, String number, String status, String customerId, String customerName,
			String orderId, String creditedInvoiceId, String reason, LocalDate issueDate, LocalDate dueDate,
			String currency, String totalNet, String totalTax, String total, String amountPaid, String amountCredited,
			String amountDue, String paymentReference, boolean overdue, List<LineResponse> lines, List<VatResponse> vat,
			List<SettlementResponse> payments, long version, String lineTotal, List<AdjustmentResponse> allowances,
			List<AdjustmentResponse> charges) {

		static InvoiceResponse of(InvoiceView i) {
			return new InvoiceResponse(i.id(), i.kind(), i.number(), i.status().name(), i.customerId(),
					i.customerName(), i.orderId(), i.creditedInvoiceId(), i.reason(), i.issueDate(), i.dueDate(),
					i.currency(), i.totalNet().toPlainString(), i.totalTax().toPlainString(), i.total().toPlainString(),
					i.amountPaid().toPlainString(), i.amountCredited().toPlainString(), i.amountDue().toPlainString(),
					i.paymentReference(), i.overdue(),
					i.lines()
						.stream()
						.map(l -> new LineResponse(l.lineNumber(), l.sku(), l.description(), l.unit(),
								l.quantity().stripTrailingZeros().toPlainString(), l.unitPrice().toUnitPriceString(),
								l.discountPercent().toPlainString(), l.taxRate().toPlainString(),
								l.net().toPlainString(), l.orderLineNumber(), l.priceSource(), l.taxCategory(),
								l.exemptionReason()))
						.toList(),
					i.vat()
						.stream()
						.map(g -> new VatResponse(g.category(), g.rate().toPlainString(), g.base().toPlainString(),
								g.tax().toPlainString()))
						.toList(),
					i.payments()
						.stream()
						.map(p -> new SettlementResponse(p.paymentId(), p.kind(), p.amount().toPlainString(),
								p.paidOn()))
						.toList(),
					i.version(), i.lineTotal().toPlainString(), adjustments(i, false), adjustments(i, true));
		}

		private static List<AdjustmentResponse> adjustments(InvoiceView i, boolean charges) {
			return i.adjustments()
				.stream()
				.filter(a -> a.charge() == charges)
				.map(a -> new AdjustmentResponse(a.reason(), a.amount().toPlainString(), a.taxRate().toPlainString(),
						a.taxCategory()))
				.toList();
		}

	}

	record LineResponse(int lineNumber, String sku, String description, String unit, String quantity, String unitPrice,
			String discountPercent, String taxRate, String netAmount, Integer orderLineNumber, String priceSource,
			String taxCategory, String exemptionReason) {
	}

	/** A VAT breakdown: category (S, E, AE, K, G), rate, base and VAT. */
	record VatResponse(String category, String rate, String taxableAmount, String taxAmount) {
	}

	/** A document-level allowance or charge. */
	record AdjustmentResponse(String reason, String amount, String taxRate, String taxCategory) {
	}

	/**
	 * Writes a manual invoice as a draft (no number yet): lines by SKU (priced by the
	 * price book unless a price is typed) or described by hand, allowances and charges.
	 */
	@PostMapping
	@PreAuthorize(Roles.BILL)
	ResponseEntity<InvoiceResponse> create(@RequestBody io.encaisse.invoicing.InvoiceDraftInput input) {
		InvoiceView draft = this.drafts.create(input);
		return ResponseEntity.created(URI.create("/api/v1/invoices/" + draft.id()))
			.eTag("\"" + draft.version() + "\"")
			.body(InvoiceResponse.of(draft));
	}

	/** Replaces a draft's lines, allowances and charges; an issued invoice is a 409. */
	@org.springframework.web.bind.annotation.PutMapping("/{id}")
	@PreAuthorize(Roles.BILL)
	InvoiceResponse revise(@PathVariable String id,
			@org.springframework.web.bind.annotation.RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestBody io.encaisse.invoicing.InvoiceDraftInput input) {
		return InvoiceResponse.of(this.drafts.revise(id, io.encaisse.shared.Versions.parse(ifMatch), input));
	}

	/** Deletes a draft; an issued invoice is never deleted (409). */
	@org.springframework.web.bind.annotation.DeleteMapping("/{id}")
	@PreAuthorize(Roles.BILL)
	ResponseEntity<Void> delete(@PathVariable String id,
			@org.springframework.web.bind.annotation.RequestHeader(name = "If-Match",
					required = false) String ifMatch) {
		this.drafts.delete(id, io.encaisse.shared.Versions.parse(ifMatch));
		return ResponseEntity.noContent().build();
	}

	/**
	 * Issues a draft: a 422 lists everything missing from the mandatory mentions;
	 * otherwise it takes the next number and is frozen.
	 */
	@PostMapping("/{id}/issue")
	@PreAuthorize(Roles.BILL)
	InvoiceResponse issue(@PathVariable String id,
			@org.springframework.web.bind.annotation.RequestHeader(name = "If-Match",
					required = false) String ifMatch) {
		return InvoiceResponse.of(this.drafts.issue(id, io.encaisse.shared.Versions.parse(ifMatch)));
	}

	/** What a draft still lacks to be issued (empty once it can be, or once issued). */
	@GetMapping("/{id}/missing")
	@PreAuthorize(Roles.ANY)
	Cursor.Page<io.encaisse.shared.Problem.FieldError> missing(@PathVariable String id) {
		return new Cursor.Page<>(this.drafts.missing(id), false);
	}

	/**
	 * What settled the invoice: a payment, or a difference written off (then the id is
	 * the write-off's).
	 */
	record SettlementResponse(String paymentId, String kind, String amount, LocalDate paidOn) {
	}

	@GetMapping("/{id}")
	@PreAuthorize(Roles.ANY)
	InvoiceResponse get(@PathVariable String id) {
		return InvoiceResponse.of(this.invoicing.get(id));
	}

	@GetMapping
	@PreAuthorize(Roles.ANY)
	Cursor.Page<InvoiceResponse> list(@RequestParam(required = false) String customerId,
			@RequestParam(required = false) String status, @RequestParam(required = false) String orderId,
			@RequestParam(required = false) String kind, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String startingAfter,
			@RequestParam(required = false, defaultValue = "false") boolean overdue,
			@RequestParam(required = false) LocalDate issuedFrom, @RequestParam(required = false) LocalDate issuedTo) {
		InvoiceStatus st = null;
		if (status != null && !status.isBlank()) {
			try {
				st = InvoiceStatus.valueOf(status);
			}
			catch (IllegalArgumentException ex) {
				throw new Problem.Invalid("status", "must be one of DRAFT, ISSUED, PARTIALLY_PAID, PAID, CANCELLED");
			}
		}
		if (kind != null && !kind.equals("INVOICE") && !kind.equals("CREDIT_NOTE")) {
			throw new Problem.Invalid("kind", "must be INVOICE or CREDIT_NOTE");
		}
		return this.invoicing
			.list(new Invoicing.Filter(blank(customerId), st, blank(orderId), kind, overdue, issuedFrom, issuedTo),
					Cursor.of(limit, startingAfter))
			.map(InvoiceResponse::of);
	}

	@GetMapping("/{id}/pdf")
	@PreAuthorize(Roles.ANY)
	ResponseEntity<byte[]> pdf(@PathVariable String id) {
		return file(id, "pdf", MediaType.APPLICATION_PDF);
	}

	@GetMapping("/{id}/ubl")
	@PreAuthorize(Roles.ANY)
	ResponseEntity<byte[]> ubl(@PathVariable String id) {
		return file(id, "ubl", MediaType.APPLICATION_XML);
	}

	@GetMapping("/{id}/cii")
	@PreAuthorize(Roles.ANY)
	ResponseEntity<byte[]> cii(@PathVariable String id) {
		return file(id, "cii", MediaType.APPLICATION_XML);
	}

	@PostMapping("/{id}/credit-notes")
	@PreAuthorize(Roles.BILL)
	ResponseEntity<InvoiceResponse> credit(@PathVariable String id,
			@RequestBody(required = false) CreditNoteRequest request) {
		InvoiceView credit = this.creditNotes.issue(id, request);
		return ResponseEntity.created(URI.create("/api/v1/invoices/" + credit.id())).body(InvoiceResponse.of(credit));
	}

	private ResponseEntity<byte[]> file(String id, String format, MediaType type) {
		InvoiceView invoice = this.invoicing.get(id);
		byte[] bytes = this.invoicing.document(id, format);
		String name = invoice.number() + ("pdf".equals(format) ? ".pdf" : "-" + format + ".xml");
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.body(bytes);
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}

}
