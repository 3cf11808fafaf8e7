package io.encaisse.shared.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.ProblemWriter;
import io.encaisse.shared.Today;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every POST of the API: the first request with a key is
 * executed and its answer stored; a retry with the same key and body gets that answer
 * again and changes nothing; the same key with another body is a 422; a retry while the
 * first is still running is a 409. Keys are scoped to the caller. Answers of 5xx are not
 * kept, so the client may retry them.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	private static final int MAX_BODY = 20 * 1024 * 1024;

	private final JdbcClient jdbc;

	private final Today today;

	IdempotencyFilter(JdbcClient jdbc, Today today) {
		this.jdbc = jdbc;
		this.today = today;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
				|| request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER).trim();
		if (key.isEmpty() || key.length() > 255) {
			ProblemWriter.write(response, 400, "Malformed request", "Idempotency-Key must hold 1 to 255 characters");
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		if (body.length > MAX_BODY) {
			ProblemWriter.write(response, 413, "Payload too large", "The request body exceeds 20 MB");
			return;
		}
		String owner = AuditTrail.currentActor();
		String hash = hash(request, body);
		Optional<Stored> stored = find(owner, key);
		if (stored.isEmpty()) {
			try {
				this.jdbc.sql("""
						insert into idempotency_key (owner, idem_key, request_hash, created_at)
						values (:owner, :key, :hash, :at)""")
					.param("owner", owner)
					.param("key", key)
					.param("hash", hash)
					.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
					.update();
			}
			catch (DuplicateKeyException raced) {
				stored = find(owner, key);
			}
		}
		if (stored.isPresent()) {
			replay(stored.get(), hash, response);
			return;
		}
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		try {
			chain.doFilter(new CachedBodyRequest(request, body), wrapper);
			if (wrapper.getStatus() < 500) {
				this.jdbc.sql("""
						update idempotency_key set response_status = :status, response_type = :type,
						response_body = :body, response_location = :location
						where owner = :owner and idem_key = :key""")
					.param("status", wrapper.getStatus())
					.param("type", wrapper.getContentType())
					.param("body", new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8))
					.param("location", wrapper.getHeader("Location"))
					.param("owner", owner)
					.param("key", key)
					.update();
				kept = true;
			}
		}
		finally {
			if (!kept) {
				this.jdbc.sql("delete from idempotency_key where owner = :owner and idem_key = :key")
					.param("owner", owner)
					.param("key", key)
					.update();
			}
			wrapper.copyBodyToResponse();
		}
	}

	private void replay(Stored stored, String hash, HttpServletResponse response) throws IOException {
		if (!stored.requestHash().equals(hash)) {
			ProblemWriter.write(response, 422, "Unprocessable request",
					"Idempotency-Key was already used with a different request");
		}
		else if (stored.status() == null) {
			ProblemWriter.write(response, 409, "Conflict with the current state",
					"A request with this Idempotency-Key is still being processed");
		}
		else {
			response.setStatus(stored.status());
			response.setHeader("Idempotent-Replayed", "true");
			if (stored.location() != null) {
				response.setHeader("Location", stored.location());
			}
			if (stored.contentType() != null) {
				response.setContentType(stored.contentType());
			}
			response.getOutputStream().write(stored.body().getBytes(StandardCharsets.UTF_8));
		}
	}

	private Optional<Stored> find(String owner, String key) {
		return this.jdbc.sql("""
				select request_hash, response_status, response_type, response_body, response_location
				from idempotency_key where owner = :owner and idem_key = :key""")
			.param("owner", owner)
			.param("key", key)
			.query((rs, i) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.optional();
	}

	private static String hash(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(
					(request.getRequestURI() + "?" + request.getQueryString() + "\n").getBytes(StandardCharsets.UTF_8));
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Stored(String requestHash, Integer status, String contentType, String body, String location) {
	}

	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					// the body is already in memory: everything is readable at once
					try {
						listener.onDataAvailable();
						listener.onAllDataRead();
					}
					catch (IOException ex) {
						listener.onError(ex);
					}
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
