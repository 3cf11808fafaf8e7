package io.encaisse.access;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.encaisse.shared.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two doors. The API ({@code /api/**}) is stateless: a bearer API key or a 401, and
 * problem+json for refusals. Everything else is the web UI: form login, CSRF protection,
 * sessions that time out ({@code server.servlet.session.timeout}). What each role may do
 * is on the controllers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiKeys keys) throws Exception {
		return http.securityMatcher("/api/**")
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new BearerKeyFilter(keys), UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests(
					a -> a.requestMatchers("/api/v1/openapi.json", "/api/v1/openapi.json/**", "/api/v1/gateway/events")
						.permitAll()
						.anyRequest()
						.authenticated())
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> ProblemWriter.write(res, 401, "Unauthorized",
						"Send an API key: Authorization: Bearer <key>"))
				.accessDeniedHandler(
						(req, res, ex) -> ProblemWriter.write(res, 403, "Forbidden", "Your role does not allow this")))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http, StaffUsers users) throws Exception {
		return http
			// a session follows the user's roles and state as they are now
			.addFilterBefore(new StaffSessions(users),
					org.springframework.security.web.access.intercept.AuthorizationFilter.class)
			.authorizeHttpRequests(a -> a
				.requestMatchers("/login", "/css/**", "/js/**", "/favicon.svg", "/actuator/health",
						"/actuator/health/**", "/error", "/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**",
						// a customer's signed link to their quote: the token is the
						// credential
						"/portal/**",
						// a person's link to choose their password: the token is the
						// credential
						"/password/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(f -> f.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler(loginFailures())
				.permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'"))
				.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
						"camera=(), microphone=(), geolocation=(), payment=(), usb=()")))
			.build();
	}

	/**
	 * A locked name is told so (and for how long it stays locked, by the page); anything
	 * else is one message.
	 */
	private static ExceptionMappingAuthenticationFailureHandler loginFailures() {
		ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
		handler.setDefaultFailureUrl("/login?error");
		handler.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
		return handler;
	}

	/**
	 * {@code Authorization: Bearer <key>}: a valid key authenticates as the key, with its
	 * role.
	 */
	static final class BearerKeyFilter extends OncePerRequestFilter {

		private final ApiKeys keys;

		BearerKeyFilter(ApiKeys keys) {
			this.keys = keys;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				var key = this.keys.authenticate(header.substring(7).trim());
				if (key.isEmpty()) {
					ProblemWriter.write(response, 401, "Unauthorized", "The API key is unknown or revoked");
					return;
				}
				var auth = new UsernamePasswordAuthenticationToken(
						new ApiKeyPrincipal(key.get().id(), key.get().name()), null,
						List.of(new SimpleGrantedAuthority(key.get().role().authority())));
				SecurityContextHolder.getContext().setAuthentication(auth);
			}
			chain.doFilter(request, response);
		}

	}

}
