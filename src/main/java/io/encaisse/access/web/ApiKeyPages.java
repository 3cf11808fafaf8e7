package io.encaisse.access.web;

import io.encaisse.access.ApiKeys;
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

@Controller
@RequestMapping("/admin/api-keys")
class ApiKeyPages {

	private final ApiKeys keys;

	ApiKeyPages(ApiKeys keys) {
		this.keys = keys;
	}

	@GetMapping
	@PreAuthorize(Roles.ADMINISTER)
	String list(Model model) {
		model.addAttribute("keys", this.keys.all());
		model.addAttribute("allRoles", Role.values());
		return "admin/api-keys";
	}

	@PostMapping
	@PreAuthorize(Roles.ADMINISTER)
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) String role,
			RedirectAttributes redirect) {
		try {
			ApiKeys.Created created = this.keys.create(name, role);
			redirect.addFlashAttribute("secret", created.secret());
			redirect.addFlashAttribute("secretName", created.key().name());
		}
		catch (Problem.Refused refused) {
			Forms.problem(redirect, refused);
		}
		return "redirect:/admin/api-keys";
	}

	@PostMapping("/{id}/revoke")
	@PreAuthorize(Roles.ADMINISTER)
	String revoke(@PathVariable String id, RedirectAttributes redirect) {
		this.keys.revoke(id);
		Forms.flash(redirect, "✓");
		return "redirect:/admin/api-keys";
	}

}
