package io.encaisse.shared.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.ProblemWriter;
import io.encaisse.shared.web.IdempotencyRecords.Claim;
import io.encaisse.shared.web.IdempotencyRecords.Scope;
import io.encaisse.shared.web.IdempotencyRecords.Stored;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every POST of the API (ADR 0006, ADR 0016). The first
 * request with a key runs and its answer is kept 24 hours; a retry with the same key and
 * request gets that answer again ({@code Idempotent-Replayed: true}) and changes nothing;
 * the same key with another request is a 422; a retry while the first still runs is a
 * 409. Keys belong to the caller's id (an API key's id, never its name) and to the
 * operation (method and path). A replay is authorised like the request itself. Answers of
 * 5xx are not kept, so the client may retry them; a request cut by a crash leaves a lease
 * that runs out within {@link IdempotencyRecords#LEASE}, after which a retry runs it.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

	static final String HEADER = "Idempotency-Key";

	/** The largest body any endpoint takes (a bank statement, a products file). */
	static final long MAX_BODY = 50L * 1024 * 1024;

	private final IdempotencyRecords records;

	private final ReplayAuthorization authorization;

	private final Set<Scope> running = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "idempotency-leases");
		t.setDaemon(true);
		return t;
	});

	IdempotencyFilter(IdempotencyRecords records, ReplayAuthorization authorization) {
		this.records = records;
		this.authorization = authorization;
		long every = IdempotencyRecords.LEASE.toSeconds() / 3;
		this.leases.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.SECONDS);
	}

	@PreDestroy
	void stop() {
		this.leases.shutdownNow();
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
		if (key.isEmpty() || key.length() > 255 || key.chars().anyMatch(Character::isISOControl)) {
			ProblemWriter.write(response, 400, "Malformed request",
					"Idempotency-Key must hold 1 to 255 printable characters");
			return;
		}
		String path = request.getRequestURI();
		MessageDigest digest = SpooledBody.sha256();
		digest.update((request.getMethod() + " " + path + "?" + request.getQueryString() + "\n")
			.getBytes(StandardCharsets.UTF_8));
		try (SpooledBody body = SpooledBody.read(request.getInputStream(), MAX_BODY, digest)) {
			if (body == null) {
				ProblemWriter.write(response, 413, "Payload too large", "The request body exceeds 50 MB");
				return;
			}
			Scope scope = new Scope(AuditTrail.currentActorId(), operation(request.getMethod(), path), key,
					request.getMethod(), path);
			String hash = HexFormat.of().formatHex(body.digest());
			Claim claim = this.records.claim(scope, hash);
			if (claim instanceof Claim.Found found) {
				answerFrom(found.stored(), hash, request, response);
				return;
			}
			run(scope, new CachedBodyRequest(request, body), response, chain);
		}
	}

	private void run(Scope scope, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		this.running.add(scope);
		try {
			chain.doFilter(request, wrapper);
			if (wrapper.getStatus() < 500) {
				String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
				this.records.answer(scope, wrapper.getStatus(), wrapper.getContentType(),
						ReplayedAnswers.withoutSecrets(request, body), wrapper.getHeader("Location"));
				kept = true;
			}
		}
		finally {
			this.running.remove(scope);
			if (!kept) {
				this.records.release(scope);
			}
			wrapper.copyBodyToResponse();
		}
	}

	private void answerFrom(Stored stored, String hash, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (!this.authorization.allows(request)) {
			ProblemWriter.write(response, 403, "Forbidden", "Your role does not allow this");
		}
		else if (!stored.requestHash().equals(hash)) {
			ProblemWriter.write(response, 422, "Unprocessable request",
					"Idempotency-Key was already used with a different request");
		}
		else if (!stored.answered()) {
			long seconds = this.records.secondsLeft(stored.leaseUntil());
			response.setHeader("Retry-After", Long.toString(seconds));
			ProblemWriter.write(response, 409, "Conflict with the current state",
					"A request with this Idempotency-Key is still being processed; retry in " + seconds + " s");
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

	private void renewLeases() {
		for (Scope scope : this.running) {
			try {
				this.records.renew(scope);
			}
			catch (RuntimeException ex) {
				log.warn("Could not renew the lease of Idempotency-Key {}: {}", scope.key(), ex.toString());
			}
		}
	}

	/** The operation a key belongs to, as a fixed-length hash of method and path. */
	private static String operation(String method, String path) {
		MessageDigest digest = SpooledBody.sha256();
		return HexFormat.of().formatHex(digest.digest((method + " " + path).getBytes(StandardCharsets.UTF_8)));
	}

	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final SpooledBody body;

		CachedBodyRequest(HttpServletRequest request, SpooledBody body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.size() > Integer.MAX_VALUE ? -1 : (int) this.body.size();
		}

		@Override
		public long getContentLengthLong() {
			return this.body.size();
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream in = this.body.open();
			return new ServletInputStream() {

				private boolean finished;

				@Override
				public int read() throws IOException {
					int b = in.read();
					this.finished = b < 0;
					return b;
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					int n = in.read(b, off, len);
					this.finished = n < 0;
					return n;
				}

				@Override
				public void close() throws IOException {
					in.close();
				}

				@Override
				public boolean isFinished() {
					return this.finished;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					// the body is already here: everything is readable at once
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
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
