package io.encaisse.shared.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import io.encaisse.shared.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What no handler should have to refuse one by one: a NUL character in the path, a query
 * parameter or a form field (no database column stores it), and a form field longer than
 * {@link #MAX_FIELD} characters (no field of any form is; pages re-show what was typed
 * and would choke on it). A 400 naming the parameter, in problem+json for the API.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestGuard extends OncePerRequestFilter {

	static final int MAX_FIELD = 20_000;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String uri = request.getRequestURI();
		String query = request.getQueryString();
		if (uri.toLowerCase(Locale.ROOT).contains("%00") || uri.indexOf('\u0000') >= 0) {
			refuse(request, response, "the path must not contain the NUL character");
			return;
		}
		boolean form = request.getContentType() != null
				&& request.getContentType().toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
		if ((query != null && query.toLowerCase(Locale.ROOT).contains("%00")) || form) {
			for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
				for (String value : parameter.getValue()) {
					if (value.indexOf('\u0000') >= 0) {
						refuse(request, response, parameter.getKey() + ": must not contain the NUL character");
						return;
					}
					if (form && value.length() > MAX_FIELD) {
						refuse(request, response,
								parameter.getKey() + ": must not exceed " + MAX_FIELD + " characters");
						return;
					}
				}
			}
		}
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, String detail)
			throws IOException {
		if (request.getRequestURI().startsWith("/api/")) {
			ProblemWriter.write(response, 400, "Malformed request", detail);
		}
		else {
			response.sendError(400, detail);
		}
	}

}
