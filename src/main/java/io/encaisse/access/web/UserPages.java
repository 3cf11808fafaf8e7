package io.encaisse.access.web;

import java.util.List;

import io.encaisse.access.PasswordLinks;
import io.encaisse.access.StaffUsers;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Role;
import io.encaisse.shared.Roles;
import io.encaisse.shared.web.Forms;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's page of the people who log in: invite, roles, disable, a new password link.
 */
@Controller
@RequestMapping("/admin/users")
class UserPages {

	private final StaffUsers users;

	private final PasswordLinks links;

	UserPages(StaffUsers users, PasswordLinks links) {
		this.users = users;
		this.links = links;
	}

	@GetMapping
	@PreAuthorize(Roles.ADMINISTER)
	String list(Model model) {
		model.addAttribute("users", this.users.all());
		model.addAttribute("allRoles", Role.values());
		return "admin/users";
	}

	@PostMapping
	@PreAuthorize(Roles.ADMINISTER)
	String invite(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
			@RequestParam(required = false) String email,
			@RequestParam(name = "roles", required = false) List<String> roles, RedirectAttributes redirect) {
		return act(redirect, () -> this.links.invite(new StaffUsers.Input(username, displayName, email, roles)));
	}

	@PostMapping("/{username}/roles")
	@PreAuthorize(Roles.ADMINISTER)
	String roles(@PathVariable String username, @RequestParam(name = "roles", required = false) List<String> roles,
			RedirectAttributes redirect) {
		return act(redirect, () -> this.users.change(username,
				new StaffUsers.Change(null, null, roles == null ? List.of() : roles)));
	}

	@PostMapping("/{username}/enabled")
	@PreAuthorize(Roles.ADMINISTER)
	String enabled(@PathVariable String username, @RequestParam(defaultValue = "false") boolean on,
			RedirectAttributes redirect) {
		return act(redirect, () -> this.users.enable(username, on));
	}

	@PostMapping("/{username}/password-link")
	@PreAuthorize(Roles.ADMINISTER)
	String passwordLink(@PathVariable String username, RedirectAttributes redirect) {
		return act(redirect, () -> this.links.send(username, false));
	}

	private static String act(RedirectAttributes redirect, java.util.function.Supplier<?> action) {
		try {
			action.get();
			Forms.flash(redirect, "✓");
		}
		catch (Problem.Refused refused) {
			Forms.refused(redirect, refused);
		}
		return "redirect:/admin/users";
	}

}
