package io.encaisse.payments.rest;

import java.io.IOException;

import io.encaisse.payments.GatewayEvents;
import io.encaisse.shared.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment gateway's webhook. Not behind an API key: the gateway proves itself by the
 * signature of each delivery.
 */
@RestController
@Tag(name = "Payment gateway")
class GatewayApi {

	static final int MAX_EVENT = 512 * 1024;

	private final GatewayEvents events;

	GatewayApi(GatewayEvents events) {
		this.events = events;
	}

	@Operation(summary = "A signed gateway event (Stripe-compatible); the same event id is applied once")
	@PostMapping(path = "/api/v1/gateway/events", consumes = "application/json")
	GatewayEvents.Outcome receive(HttpServletRequest request,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) throws IOException {
		byte[] body = request.getInputStream().readNBytes(MAX_EVENT + 1);
		if (body.length > MAX_EVENT) {
			throw new Problem.TooLarge("an event is at most 512 KB");
		}
		return this.events.receive(body, signature);
	}

}
