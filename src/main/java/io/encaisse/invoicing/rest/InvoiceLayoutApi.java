package io.encaisse.invoicing.rest;

import java.util.Base64;

import io.encaisse.invoicing.documents.InvoiceLayout;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Roles;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The company's invoice layout: accent colour and logo (PNG or JPEG, base64 in JSON). */
@RestController
@Tag(name = "Invoices")
class InvoiceLayoutApi {

	private final InvoiceLayout layout;

	InvoiceLayoutApi(InvoiceLayout layout) {
		this.layout = layout;
	}

	record LayoutRequest(String accentColour, String logo, Boolean removeLogo) {
	}

	record LayoutResponse(String accentColour, boolean hasLogo) {
	}

	@GetMapping("/api/v1/settings/invoice-layout")
	@PreAuthorize(Roles.ANY)
	LayoutResponse get() {
		InvoiceLayout.Layout l = this.layout.current();
		return new LayoutResponse(l.accentColour(), l.logo() != null);
	}

	@PutMapping("/api/v1/settings/invoice-layout")
	@PreAuthorize(Roles.SET_POLICIES)
	LayoutResponse set(@RequestBody LayoutRequest request) {
		byte[] logo = null;
		if (request != null && request.logo() != null && !request.logo().isBlank()) {
			try {
				logo = Base64.getDecoder().decode(request.logo().trim());
			}
			catch (IllegalArgumentException ex) {
				throw new Problem.Invalid("logo", "must be the image in base64");
			}
		}
		InvoiceLayout.Layout l = this.layout.set(request == null ? null : request.accentColour(), logo,
				request != null && Boolean.TRUE.equals(request.removeLogo()));
		return new LayoutResponse(l.accentColour(), l.logo() != null);
	}

	@GetMapping("/api/v1/settings/invoice-layout/logo")
	@PreAuthorize(Roles.ANY)
	ResponseEntity<byte[]> logo() {
		return this.layout.logo()
			.map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png))
			.orElseThrow(() -> new Problem.NotFound("logo", "invoice-layout"));
	}

}
