package io.encaisse.access.rest;

import java.net.URI;
import java.time.Instant;

import io.encaisse.access.ApiKeys;
import io.encaisse.shared.Cursor;
import io.encaisse.shared.Roles;
import io.encaisse.shared.web.ReplayedAnswers;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys")
class ApiKeyApi {

	private final ApiKeys keys;

	ApiKeyApi(ApiKeys keys) {
		this.keys = keys;
	}

	record CreateRequest(String name, String role) {
	}

	record KeyResponse(String id, String name, String role, String prefix, Instant createdAt, String createdBy,
			Instant revokedAt, String key) {

		static KeyResponse of(ApiKeys.ApiKey k, String secret) {
			return new KeyResponse(k.id(), k.name(), k.role().name(), k.prefix(), k.createdAt(), k.createdBy(),
					k.revokedAt(), secret);
		}

	}

	@PostMapping
	@PreAuthorize(Roles.ADMINISTER)
	ResponseEntity<KeyResponse> create(@RequestBody CreateRequest request) {
		ApiKeys.Created created = this.keys.create(request.name(), request.role());
		// shown once: an Idempotency-Key replay answers the key without its secret
		ReplayedAnswers.secret("key");
		return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.key().id()))
			.body(KeyResponse.of(created.key(), created.secret()));
	}

	@GetMapping
	@PreAuthorize(Roles.ADMINISTER)
	Cursor.Page<KeyResponse> list() {
		return new Cursor.Page<>(this.keys.all().stream().map(k -> KeyResponse.of(k, null)).toList(), false);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(Roles.ADMINISTER)
	ResponseEntity<Void> revoke(@PathVariable String id) {
		this.keys.revoke(id);
		return ResponseEntity.noContent().build();
	}

}
