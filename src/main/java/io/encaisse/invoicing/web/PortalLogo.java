package io.encaisse.invoicing.web;

import io.encaisse.invoicing.documents.InvoiceLayout;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The company's logo for the pages customers open from their links (the one printed on
 * the invoices); none set, nothing shown.
 */
@RestController
class PortalLogo {

	private final InvoiceLayout layout;

	PortalLogo(InvoiceLayout layout) {
		this.layout = layout;
	}

	@GetMapping("/portal/logo")
	ResponseEntity<byte[]> logo() {
		return this.layout.logo()
			.map(png -> ResponseEntity.ok()
				.contentType(MediaType.IMAGE_PNG)
				.cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)))
				.body(png))
			.orElse(ResponseEntity.noContent().build());
	}

}
