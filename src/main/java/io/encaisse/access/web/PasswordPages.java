package io.encaisse.access.web;

import io.encaisse.access.PasswordLinks;
import io.encaisse.shared.Problem;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Where a person invited (or sent a new password link) chooses their password. */
@Controller
@RequestMapping("/password/{token}")
class PasswordPages {

	private final PasswordLinks links;

	PasswordPages(PasswordLinks links) {
		this.links = links;
	}

	@GetMapping
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		try {
			model.addAttribute("username", this.links.open(token));
			model.addAttribute("token", token);
			return "password";
		}
		catch (Problem.Refused refused) {
			response.setStatus(refused.status() == 409 ? 410 : 404);
			model.addAttribute("message", refused.getMessage());
			return "portal/invalid";
		}
	}

	@PostMapping
	String set(@PathVariable String token, @RequestParam(required = false) String password,
			@RequestParam(required = false) String again, Model model, HttpServletResponse response) {
		try {
			this.links.set(token, password, again);
			return "redirect:/login?passwordSet";
		}
		catch (Problem.Invalid invalid) {
			model.addAttribute("errors", invalid.errors());
			return show(token, model, response);
		}
		catch (Problem.Refused refused) {
			response.setStatus(refused.status() == 409 ? 410 : 404);
			model.addAttribute("message", refused.getMessage());
			return "portal/invalid";
		}
	}

}
