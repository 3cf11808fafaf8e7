package io.encaisse.access;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A logged-in person's session follows what an admin does: a user disabled meanwhile is
 * logged out at the next request, a user whose roles changed gets the new ones (read at
 * every request: one primary-key read). Sessions of names that are not users (none in
 * production) are left alone.
 */
class StaffSessions extends OncePerRequestFilter {

	private final StaffUsers users;

	StaffSessions(StaffUsers users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth instanceof UsernamePasswordAuthenticationToken && auth.getPrincipal() instanceof UserDetails person) {
			var user = this.users.find(person.getUsername());
			if (user.isPresent()) {
				if (!user.get().enabled()) {
					SecurityContextHolder.clearContext();
					var session = request.getSession(false);
					if (session != null) {
						session.invalidate();
					}
					response.sendRedirect(request.getContextPath() + "/login");
					return;
				}
				Set<String> now = user.get().roles().stream().map(r -> r.authority()).collect(Collectors.toSet());
				Set<String> held = auth.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.collect(Collectors.toSet());
				if (!now.equals(held)) {
					var refreshed = UsernamePasswordAuthenticationToken.authenticated(person, null,
							now.stream().map(SimpleGrantedAuthority::new).toList());
					refreshed.setDetails(auth.getDetails());
					SecurityContextHolder.getContext().setAuthentication(refreshed);
				}
			}
		}
		chain.doFilter(request, response);
	}

}
