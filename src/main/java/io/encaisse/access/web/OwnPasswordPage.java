package io.encaisse.access.web;

import io.encaisse.access.StaffUsers;
import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Roles;
import io.encaisse.shared.web.Forms;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Where a person logged in changes their own password. */
@Controller
@RequestMapping("/account/password")
class OwnPasswordPage {

	private final StaffUsers users;

	OwnPasswordPage(StaffUsers users) {
		this.users = users;
	}

	@GetMapping
	@PreAuthorize(Roles.ANY)
	String show() {
		return "account-password";
	}

	@PostMapping
	@PreAuthorize(Roles.ANY)
	String change(@RequestParam(required = false) String current, @RequestParam(required = false) String password,
			@RequestParam(required = false) String again, Model model, RedirectAttributes redirect) {
		try {
			if (password != null && !password.equals(again)) {
				throw new Problem.Invalid("again", "the two passwords differ");
			}
			this.users.changeOwnPassword(AuditTrail.currentActor(), current, password);
			Forms.flash(redirect, "✓");
			return "redirect:/account/password";
		}
		catch (Problem.Refused refused) {
			Forms.refused(model, refused);
			return "account-password";
		}
	}

}
