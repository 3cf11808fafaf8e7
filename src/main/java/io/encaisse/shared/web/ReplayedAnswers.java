package io.encaisse.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What an answer may not keep for a replay. A secret shown once (a new API key) is never
 * stored: the handler names its field with {@link #secret(String)}, and the answer kept
 * for {@code Idempotency-Key} replays has that field set to null. A client that lost the
 * first answer gets the key's id back and revokes it or creates another.
 */
public final class ReplayedAnswers {

	private static final String SECRET_FIELDS = ReplayedAnswers.class.getName() + ".secrets";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ReplayedAnswers() {
	}

	/** The top-level field {@code field} of the current answer holds a secret. */
	public static void secret(String field) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null) {
			attributes.setAttribute(SECRET_FIELDS, field, RequestAttributes.SCOPE_REQUEST);
		}
	}

	static String withoutSecrets(HttpServletRequest request, String body) {
		if (!(request.getAttribute(SECRET_FIELDS) instanceof String field)) {
			return body;
		}
		try {
			JsonNode tree = JSON.readTree(body);
			if (tree instanceof ObjectNode object) {
				if (object.has(field)) {
					object.putNull(field);
				}
				return JSON.writeValueAsString(object);
			}
		}
		catch (RuntimeException ex) {
			// not JSON: keep nothing of it rather than a secret
		}
		return "";
	}

}
