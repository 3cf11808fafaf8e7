package io.encaisse.shared.web;

import java.util.List;

import tools.jackson.core.JacksonException;

/** {@code lines[0].quantity} from a Jackson error path. */
final class JsonPaths {

	private JsonPaths() {
	}

	static String of(List<JacksonException.Reference> path) {
		StringBuilder sb = new StringBuilder();
		for (JacksonException.Reference ref : path) {
			if (ref.getPropertyName() != null) {
				if (!sb.isEmpty()) {
					sb.append('.');
				}
				sb.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				sb.append('[').append(ref.getIndex()).append(']');
			}
		}
		return sb.toString();
	}

}
