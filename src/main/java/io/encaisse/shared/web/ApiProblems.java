package io.encaisse.shared.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import io.encaisse.shared.BusinessDates;
import io.encaisse.shared.Problem;
import io.encaisse.shared.ProblemWriter;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every refusal of the JSON API into RFC 9457 problem+json naming what is wrong.
 * Unexpected failures are logged with their stack trace and answered with a 500 that
 * shows none.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	@ExceptionHandler(Problem.Refused.class)
	ResponseEntity<ProblemDetail> refused(Problem.Refused ex) {
		return problem(ex.status(), ex.title(), ex.getMessage(), ex.errors());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException ex) {
		List<Problem.FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(f -> new Problem.FieldError(f.getField(), f.getDefaultMessage()))
			.toList();
		return problem(422, "Unprocessable request", errors.size() == 1
				? errors.get(0).field() + ": " + errors.get(0).message() : errors.size() + " fields are invalid",
				errors);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		while (cause != null && !(cause instanceof tools.jackson.core.JacksonException)) {
			cause = cause.getCause();
		}
		if (cause instanceof tools.jackson.core.JacksonException dbe && !dbe.getPath().isEmpty()) {
			String field = JsonPaths.of(dbe.getPath());
			String message = cause instanceof JsonText.UnstorableText ? "must not contain the NUL character"
					: cause instanceof JsonText.ImplausibleDate ? BusinessDates.RULE : "has the wrong type or format";
			return problem(400, "Malformed request", field + ": " + message,
					List.of(new Problem.FieldError(field, message)));
		}
		return problem(400, "Malformed request", "The request body is not valid JSON", List.of());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return problem(400, "Malformed request", ex.getName() + ": '" + ex.getValue() + "' has the wrong format",
				List.of(new Problem.FieldError(ex.getName(), "has the wrong format")));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException ex) {
		return problem(400, "Malformed request", "header " + ex.getHeaderName() + " is required",
				List.of(new Problem.FieldError(ex.getHeaderName(), "is required")));
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	ResponseEntity<ProblemDetail> denied(RuntimeException ex) {
		return problem(403, "Forbidden", "Your role does not allow this", List.of());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> concurrent(OptimisticLockingFailureException ex) {
		return problem(409, "Conflict with the current state",
				"The document was changed by someone else at the same time; read it again and retry", List.of());
	}

	/**
	 * Two requests doing the same thing at once (the same statement imported twice in
	 * parallel): the database's unique keys let one through, the other is told to retry.
	 */
	@ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> duplicate(org.springframework.dao.DuplicateKeyException ex) {
		return problem(409, "Conflict with the current state",
				"Another request did the same thing at the same time; read the result, or retry", List.of());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException ex) {
		return problem(404, "Not found", "No such endpoint: " + ex.getResourcePath(), List.of());
	}

	@ExceptionHandler(org.springframework.web.HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(org.springframework.web.HttpRequestMethodNotSupportedException ex) {
		return problem(405, "Method not allowed", ex.getMessage(), List.of());
	}

	@ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(org.springframework.web.HttpMediaTypeNotSupportedException ex) {
		return problem(415, "Unsupported media type", ex.getMessage(), List.of());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException ex) {
		return problem(400, "Malformed request", "query parameter " + ex.getParameterName() + " is required",
				List.of(new Problem.FieldError(ex.getParameterName(), "is required")));
	}

	@ExceptionHandler(ServletRequestBindingException.class)
	ResponseEntity<ProblemDetail> binding(ServletRequestBindingException ex) {
		return problem(400, "Malformed request", ex.getMessage(), List.of());
	}

	/**
	 * The client accepts nothing this endpoint writes ({@code Accept: application/xml} on
	 * a JSON list): a 406, in problem+json whatever it accepts, since there is nothing
	 * else to say it in.
	 */
	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	void notAcceptable(HttpServletResponse response) throws IOException {
		ProblemWriter.write(response, 406, "Not acceptable",
				"This endpoint answers application/json (problem+json for refusals); send Accept: application/json");
	}

	/**
	 * What the database refused that no check before it caught: a refusal (4xx), never a
	 * 500, and nothing written since the transaction is rolled back. The checks that name
	 * the field come first; this is the net under them.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> refusedByTheDatabase(DataIntegrityViolationException ex) {
		return DatabaseRefusals.of(ex)
			.map(refusal -> problem(refusal.status(), refusal.title(), refusal.detail(), List.of()))
			.orElseGet(() -> unexpected(ex));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected failure", ex);
		return problem(500, "Internal error", "Something went wrong on our side; it has been logged", List.of());
	}

	private static Map<String, Object> error(Problem.FieldError e) {
		Map<String, Object> out = new java.util.LinkedHashMap<>();
		if (e.line() != null) {
			out.put("line", e.line());
		}
		out.put("field", e.field());
		out.put("message", e.message());
		return out;
	}

	static ResponseEntity<ProblemDetail> problem(int status, String title, String detail,
			List<Problem.FieldError> errors) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
		pd.setTitle(title);
		pd.setType(URI.create(
				"https://encaisse.io/problems/" + HttpStatus.valueOf(status).name().toLowerCase().replace('_', '-')));
		if (!errors.isEmpty()) {
			pd.setProperty("errors", errors.stream().map(ApiProblems::error).toList());
		}
		return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(pd);
	}

}
