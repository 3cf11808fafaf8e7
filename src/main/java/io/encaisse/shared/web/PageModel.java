package io.encaisse.shared.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is logged in and with which role. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageModel {

	@ModelAttribute("currentUser")
	String currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? null : auth.getName();
	}

	@ModelAttribute("roles")
	Set<String> roles() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null) {
			return Set.of();
		}
		return auth.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.map(a -> a.replaceFirst("^ROLE_", ""))
			.collect(Collectors.toSet());
	}

}
