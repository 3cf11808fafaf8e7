package io.encaisse.shared.web;

import java.util.List;

import io.encaisse.shared.Problem;

import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How pages show refusals: the field errors above the form, or one message for a state
 * conflict.
 */
public final class Forms {

	private Forms() {
	}

	public static void refused(Model model, Problem.Refused refusal) {
		List<Problem.FieldError> errors = refusal.errors();
		if (errors.isEmpty()) {
			model.addAttribute("problem", refusal.getMessage());
		}
		else {
			model.addAttribute("errors", errors);
		}
	}

	public static void flash(RedirectAttributes redirect, String message) {
		redirect.addFlashAttribute("flash", message);
	}

	/**
	 * A refusal carried to the page a redirect lands on: its field errors (listed by the
	 * page), or its message when it has none.
	 */
	public static void refused(RedirectAttributes redirect, Problem.Refused refusal) {
		if (refusal.errors().isEmpty()) {
			problem(redirect, refusal);
		}
		else {
			redirect.addFlashAttribute("errors", refusal.errors());
		}
	}

	public static void problem(RedirectAttributes redirect, Problem.Refused refusal) {
		redirect.addFlashAttribute("problem", refusal.getMessage());
	}

}
