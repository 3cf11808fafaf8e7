package io.encaisse.catalog.rest;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.encaisse.catalog.DiscountPolicy;
import io.encaisse.shared.Role;
import io.encaisse.shared.Roles;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Settings")
class SettingsApi {

	private final DiscountPolicy policy;

	SettingsApi(DiscountPolicy policy) {
		this.policy = policy;
	}

	@GetMapping("/api/v1/settings/discount-policy")
	@PreAuthorize(Roles.ANY)
	Map<String, String> discountPolicy() {
		return render(this.policy.limits());
	}

	/**
	 * The largest discount percentage each role may grant alone, e.g. {"SALES": "10.00"}.
	 */
	@PutMapping("/api/v1/settings/discount-policy")
	@PreAuthorize(Roles.SET_POLICIES)
	Map<String, String> replaceDiscountPolicy(@RequestBody Map<String, String> limits) {
		return render(this.policy.replace(limits));
	}

	private static Map<String, String> render(Map<Role, BigDecimal> limits) {
		Map<String, String> out = new LinkedHashMap<>();
		limits.forEach((role, percent) -> out.put(role.name(), percent.setScale(2).toPlainString()));
		return out;
	}

}
