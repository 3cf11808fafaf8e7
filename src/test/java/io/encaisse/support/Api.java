package io.encaisse.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client of the public API, as an integrator would write one. */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final String key;

	public Api(int port, String key) {
		this.base = "http://localhost:" + port;
		this.key = key;
	}

	public Api as(String otherKey) {
		return new Api(Integer.parseInt(this.base.substring(this.base.lastIndexOf(':') + 1)), otherKey);
	}

	public record Response(int status, String body, Map<String, String> headers) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String get(String field) {
			JsonNode node = json().get(field);
			return node == null || node.isNull() ? null : node.asString();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), null);
	}

	public byte[] bytes(String path) {
		try {
			HttpResponse<byte[]> r = this.http.send(authorized(HttpRequest.newBuilder(uri(path)).GET()).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (r.statusCode() != 200) {
				throw new AssertionError(path + " answered " + r.statusCode());
			}
			return r.body();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Response post(String path, Object body) {
		return post(path, body, UUID.randomUUID().toString());
	}

	public Response post(String path, Object body, String idempotencyKey) {
		HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(body instanceof String s ? s : body == null ? "" : JSON.writeValueAsString(body)));
		if (idempotencyKey != null) {
			b.header("Idempotency-Key", idempotencyKey);
		}
		return send(b, null);
	}

	public Response put(String path, Object body, String ifMatch) {
		HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (ifMatch != null) {
			b.header("If-Match", ifMatch);
		}
		return send(b, null);
	}

	public Response delete(String path) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE(), null);
	}

	public Response request(String method, String path, String body) {
		return request(method, path, body, "application/json");
	}

	/** A JSON POST with one extra header (a webhook's signature). */
	public Response postWithHeader(String path, String body, String header, String value) {
		HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (value != null) {
			b.header(header, value);
		}
		return send(b, null);
	}

	public Response send(String path, byte[] body, String contentType) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)), null);
	}

	public Response sendWithKey(String path, byte[] body, String contentType, String idempotencyKey) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", contentType)
			.header("Idempotency-Key", idempotencyKey)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)), null);
	}

	public Response xml(String path, byte[] body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/xml")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)), null);
	}

	public Response csv(String path, byte[] body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)), null);
	}

	public Response request(String method, String path, String body, String contentType) {
		HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", contentType)
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return send(b, null);
	}

	/**
	 * Any request as it comes: a method, a path with its query, a body of any content
	 * type (or none), any headers.
	 */
	public Response raw(String method, String path, String contentType, String body, Map<String, String> headers) {
		HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
			.timeout(java.time.Duration.ofSeconds(60))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			b.header("Content-Type", contentType);
		}
		headers.forEach(b::header);
		return send(b, null);
	}

	private Response send(HttpRequest.Builder builder, Object ignored) {
		try {
			HttpResponse<String> r = this.http.send(authorized(builder).build(), HttpResponse.BodyHandlers.ofString());
			Map<String, String> headers = new LinkedHashMap<>();
			r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
			return new Response(r.statusCode(), r.body(), headers);
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder authorized(HttpRequest.Builder b) {
		if (this.key != null) {
			b.header("Authorization", "Bearer " + this.key);
		}
		return b;
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	public static Map<String, Object> map(Object... kv) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i + 1 < kv.length; i += 2) {
			m.put((String) kv[i], kv[i + 1]);
		}
		return m;
	}

}
