package io.encaisse.shared.web;

import java.net.URI;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The {@code Location} of a created resource, each path segment encoded: a mandate
 * reference or a mapping name may hold spaces and other characters a URI does not.
 */
public final class Locations {

	private Locations() {
	}

	/** {@code of("/api/v1/customers/{id}/mandates/{reference}", id, reference)}. */
	public static URI of(String template, Object... segments) {
		return UriComponentsBuilder.fromPath(template).buildAndExpand(segments).encode().toUri();
	}

}
