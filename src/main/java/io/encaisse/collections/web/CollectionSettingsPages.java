package io.encaisse.collections.web;

import java.time.LocalDate;

import io.encaisse.collections.DunningMail;
import io.encaisse.collections.DunningPolicies;
import io.encaisse.collections.DunningTemplates;
import io.encaisse.collections.LatePaymentRates;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Roles;
import io.encaisse.shared.web.Forms;

import org.springframework.format.annotation.DateTimeFormat;
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
 * Finance's collections settings: the dunning policies and their levels, each level's
 * wording per language (edited, then previewed for a customer with something overdue),
 * and the ECB reference rates by half-year.
 */
@Controller
@RequestMapping("/collections/settings")
class CollectionSettingsPages {

	private final DunningPolicies policies;

	private final DunningTemplates templates;

	private final DunningMail mail;

	private final LatePaymentRates rates;

	CollectionSettingsPages(DunningPolicies policies, DunningTemplates templates, DunningMail mail,
			LatePaymentRates rates) {
		this.policies = policies;
		this.templates = templates;
		this.mail = mail;
		this.rates = rates;
	}

	@GetMapping
	@PreAuthorize(Roles.READ_RECEIVABLES)
	String show(Model model) {
		model.addAttribute("policies", this.policies.list());
		model.addAttribute("rates", this.rates.list());
		return "collections/settings";
	}

	/**
	 * The wording of a level in a language: the one set, else the built-in one to start
	 * from.
	 */
	@GetMapping("/policies/{policyId}/levels/{level}/{language}")
	@PreAuthorize(Roles.READ_RECEIVABLES)
	String template(@PathVariable String policyId, @PathVariable int level, @PathVariable String language,
			@RequestParam(required = false) String previewFor, Model model) {
		DunningPolicies.Policy policy = this.policies.get(policyId);
		DunningPolicies.Level found = policy.levels()
			.stream()
			.filter(l -> l.level() == level)
			.findFirst()
			.orElseThrow(() -> new Problem.NotFound("level", String.valueOf(level)));
		String lang = "en".equals(language) ? "en" : "fr";
		var saved = this.templates.find(policyId, level, lang);
		model.addAttribute("policy", policy);
		model.addAttribute("level", found);
		model.addAttribute("language", lang);
		model.addAttribute("custom", saved.isPresent());
		var builtIn = this.mail.builtIn(found.channel(), lang);
		model.addAttribute("subject", saved.map(DunningTemplates.Template::subject).orElse(builtIn.subject()));
		model.addAttribute("body", saved.map(DunningTemplates.Template::body).orElse(builtIn.body()));
		model.addAttribute("placeholders", DunningTemplates.PLACEHOLDERS.stream().sorted().toList());
		if (previewFor != null && !previewFor.isBlank()) {
			try {
				model.addAttribute("preview", this.mail.preview(policyId, level, previewFor.strip()));
			}
			catch (Problem.Refused refused) {
				model.addAttribute("problem", refused.getMessage());
			}
			model.addAttribute("previewFor", previewFor.strip());
		}
		return "collections/template";
	}

	@PostMapping("/policies/{policyId}/levels/{level}/{language}")
	@PreAuthorize(Roles.SET_POLICIES)
	String saveTemplate(@PathVariable String policyId, @PathVariable int level, @PathVariable String language,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String body,
			RedirectAttributes redirect) {
		try {
			this.templates.save(policyId, level, language, new DunningTemplates.Input(subject, body));
			Forms.flash(redirect, "✓");
		}
		catch (Problem.Refused refused) {
			Forms.refused(redirect, refused);
		}
		return "redirect:/collections/settings/policies/" + policyId + "/levels/" + level + "/" + language;
	}

	@PostMapping("/rates")
	@PreAuthorize(Roles.SET_POLICIES)
	String rate(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) String ecbRate, @RequestParam(required = false) String source,
			RedirectAttributes redirect) {
		try {
			this.rates.set(validFrom, new LatePaymentRates.Input(ecbRate, source));
			Forms.flash(redirect, "✓");
		}
		catch (Problem.Refused refused) {
			Forms.refused(redirect, refused);
		}
		return "redirect:/collections/settings";
	}

}
