package io.encaisse.orders.rest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.encaisse.orders.OrderReception;
import io.encaisse.orders.OrderRequest;
import io.encaisse.orders.intake.OrderFiles;
import io.encaisse.shared.Csv;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Roles;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders from every channel: JSON through the API, and files (CSV, UBL 2.1 Order, EDIFACT
 * ORDERS). Each order is CONFIRMED or kept ON_HOLD with its reasons; a file that cannot
 * be read is refused whole.
 */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders")
class OrderIntakeApi {

	private final OrderReception reception;

	private final io.encaisse.orders.OrderExceptions exceptions;

	OrderIntakeApi(OrderReception reception, io.encaisse.orders.OrderExceptions exceptions) {
		this.reception = reception;
		this.exceptions = exceptions;
	}

	record LineInput(String sku, String item, String description, String quantity, String unitPrice) {
	}

	/**
	 * {@code customer} is our id, the SIREN, the VAT number or their reference with us.
	 */
	record OrderInput(String customer, String customerId, String externalReference, String currency,
			LocalDate requestedDelivery, List<LineInput> lines) {
	}

	@PostMapping(consumes = "application/json")
	@PreAuthorize(Roles.TAKE_ORDERS)
	ResponseEntity<OrderReception.Received> create(@RequestBody OrderInput input) {
		if (input == null) {
			throw new Problem.Invalid("customer", "is required");
		}
		OrderReception.Received r = this.reception.receive(new OrderRequest("API", input.externalReference(),
				input.customerId() != null ? input.customerId() : input.customer(), input.currency(), null,
				input.requestedDelivery(),
				input.lines() == null ? List.of()
						: input.lines()
							.stream()
							.map(l -> l == null ? null
									: new OrderRequest.Line(l.sku() != null ? l.sku() : l.item(), l.description(),
											l.quantity(), l.unitPrice()))
							.toList(),
				null));
		return ResponseEntity.created(URI.create("/api/v1/orders/" + r.id())).body(r);
	}

	/**
	 * One UBL 2.1 Order document as the body: the order, taken in like any other (ON_HOLD
	 * with its reasons when a control holds it).
	 */
	@PostMapping(consumes = { "application/xml", "text/xml" })
	@PreAuthorize(Roles.TAKE_ORDERS)
	ResponseEntity<OrderReception.Received> createFromUbl(HttpServletRequest request) throws IOException {
		List<OrderRequest> orders = OrderFiles.ubl(whole(request.getInputStream()));
		if (orders.size() != 1) {
			throw new Problem.Invalid("file", "a UBL Order document holds one order; send several to /orders/import");
		}
		OrderReception.Received r = this.reception.receive(orders.get(0));
		return ResponseEntity.created(URI.create("/api/v1/orders/" + r.id())).body(r);
	}

	/**
	 * A file of orders: {@code text/csv}, a UBL Order ({@code application/xml}) or
	 * EDIFACT ({@code application/edifact}, or {@code ?format=edifact}).
	 */
	@PostMapping(path = "/import",
			consumes = { "text/csv", "application/xml", "text/xml", "application/edifact", "text/plain",
					"application/octet-stream" })
	@PreAuthorize(Roles.TAKE_ORDERS)
	Cursor.Page<OrderReception.Received> importFile(HttpServletRequest request,
			@RequestParam(required = false) String format) throws IOException {
		java.io.BufferedInputStream body = new java.io.BufferedInputStream(request.getInputStream(), 64 * 1024);
		String type = request.getContentType() == null ? "" : request.getContentType();
		String kind = format != null ? format.toLowerCase(java.util.Locale.ROOT) : type.contains("csv") ? "csv"
				: type.contains("xml") ? "ubl" : type.contains("edifact") ? "edifact" : sniff(body);
		List<OrderReception.Received> received = switch (kind) {
			// read as it arrives: a CSV of any length is never held whole
			case "csv" -> this.reception
				.receiveFile((errors, each) -> OrderFiles.csv(Csv.utf8(body, OrderFiles.MAX_BYTES), errors, each));
			case "ubl", "xml" -> this.reception.receiveAll(OrderFiles.ubl(whole(body)));
			case "edifact", "edi" -> this.reception.receiveAll(OrderFiles.edifact(whole(body)));
			default -> throw new Problem.Invalid("format", "must be csv, ubl or edifact");
		};
		return new Cursor.Page<>(received, false);
	}

	private static byte[] whole(java.io.InputStream body) throws IOException {
		byte[] file = body.readNBytes(OrderFiles.MAX_BYTES + 1);
		if (file.length > OrderFiles.MAX_BYTES) {
			throw new Problem.TooLarge("an order file may not exceed 20 MB");
		}
		return file;
	}

	private static String sniff(java.io.BufferedInputStream body) throws IOException {
		body.mark(256);
		byte[] head = body.readNBytes(200);
		body.reset();
		String start = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
		if (start.startsWith("<")) {
			return "ubl";
		}
		if (start.startsWith("UNA") || start.startsWith("UNB") || start.startsWith("UNH")) {
			return "edifact";
		}
		return "csv";
	}

	record NoteInput(String note, String reason) {
	}

	/** Releases an order on hold (sales administration), saying why. */
	@PostMapping("/{id}/release")
	@PreAuthorize(Roles.TAKE_ORDERS)
	OrderReception.Received release(@PathVariable String id, @RequestBody(required = false) NoteInput input) {
		return this.exceptions.release(id, input == null ? null : input.note());
	}

	/** Cancels an order not yet delivered. */
	@PostMapping("/{id}/cancel")
	@PreAuthorize(Roles.TAKE_ORDERS)
	OrderReception.Received cancel(@PathVariable String id, @RequestBody(required = false) NoteInput input) {
		return this.exceptions.cancel(id, input == null ? null : input.reason());
	}

}
