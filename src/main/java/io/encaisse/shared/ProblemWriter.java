package io.encaisse.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes a problem+json body where no controller advice runs (filters, security entry
 * points).
 */
public final class ProblemWriter {

	private ProblemWriter() {
	}

	public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		String body = "{\"type\":\"https://encaisse.io/problems/" + status + "\",\"title\":\"" + escape(title)
				+ "\",\"status\":" + status + ",\"detail\":\"" + escape(detail) + "\"}";
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

	private static String escape(String s) {
		return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
	}

}
