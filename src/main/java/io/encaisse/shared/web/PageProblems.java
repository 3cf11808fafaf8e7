package io.encaisse.shared.web;

import io.encaisse.shared.Problem;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals a page did not handle itself, shown as the error page with the status they
 * mean: an unknown document is a 404 (an id typed by hand, an old bookmark), a change
 * someone made at the same moment a 409, a malformed request a 400, what the database
 * refused a 4xx. Never a 500 for any of these, and never a stack trace.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

	private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

	@ExceptionHandler(Problem.Refused.class)
	ModelAndView refused(Problem.Refused refused, HttpServletResponse response) {
		return page(response, refused.status(), refused.getMessage());
	}

	@ExceptionHandler({ ConcurrencyFailureException.class, DuplicateKeyException.class })
	ModelAndView concurrent(RuntimeException ex, HttpServletResponse response) {
		return page(response, 409, null);
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, ServletRequestBindingException.class,
			MethodArgumentTypeMismatchException.class })
	ModelAndView malformed(Exception ex, HttpServletResponse response) {
		return page(response, 400, null);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ModelAndView refusedByTheDatabase(DataIntegrityViolationException ex, HttpServletResponse response) {
		return DatabaseRefusals.of(ex)
			.map(refusal -> page(response, refusal.status(), refusal.detail()))
			.orElseGet(() -> {
				log.error("Unexpected failure", ex);
				return page(response, 500, null);
			});
	}

	private static ModelAndView page(HttpServletResponse response, int status, String detail) {
		response.setStatus(status);
		ModelAndView page = new ModelAndView("error");
		page.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
		page.addObject("status", status);
		page.addObject("detail", detail);
		return page;
	}

}
