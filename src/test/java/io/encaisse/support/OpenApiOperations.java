package io.encaisse.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The operations the served OpenAPI document declares: method, path, parameters and the
 * JSON schema of the body, with {@code $ref}s resolved. Batteries walk these, so a new
 * endpoint is in them the day it is served.
 */
public final class OpenApiOperations {

	private final JsonNode document;

	public OpenApiOperations(JsonNode document) {
		this.document = document;
	}

	public record Parameter(String name, String in, boolean required, String type, String format) {
	}

	public record Operation(String method, String path, List<Parameter> parameters, JsonNode jsonBody,
			List<String> bodyTypes) {

		public String key() {
			return this.method + " " + this.path;
		}

		public List<Parameter> in(String where) {
			return this.parameters.stream().filter(p -> p.in().equals(where)).toList();
		}

	}

	public List<Operation> all() {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : this.document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
				List<Parameter> parameters = new ArrayList<>();
				JsonNode params = op.getValue().get("parameters");
				if (params != null) {
					for (JsonNode p : params) {
						JsonNode schema = p.path("schema");
						parameters.add(new Parameter(p.get("name").asString(), p.get("in").asString(),
								p.path("required").asBoolean(false), schema.path("type").asString(null),
								schema.path("format").asString(null)));
					}
				}
				JsonNode content = op.getValue().path("requestBody").path("content");
				List<String> types = new ArrayList<>();
				content.propertyNames().forEach(types::add);
				JsonNode json = content.path("application/json").path("schema");
				operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), List.copyOf(parameters),
						json.isMissingNode() ? null : resolve(json), List.copyOf(types)));
			}
		}
		return operations;
	}

	/** The schema itself where it is a {@code $ref}. */
	public JsonNode resolve(JsonNode schema) {
		JsonNode ref = schema.get("$ref");
		if (ref == null) {
			return schema;
		}
		String name = ref.asString().substring(ref.asString().lastIndexOf('/') + 1);
		return this.document.path("components").path("schemas").path(name);
	}

}
