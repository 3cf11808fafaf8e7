package io.encaisse.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Before a stored answer is replayed, the caller must be allowed to make the request now:
 * the same {@code @PreAuthorize} rule the controller method states is evaluated against
 * the caller, without running the method. A replay is an answer like any other, so a role
 * that lost a permission since (or never had it) gets a 403, not the stored answer.
 */
@Component
class ReplayAuthorization {

	private final ObjectProvider<HandlerMapping> handlers;

	private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

	ReplayAuthorization(@Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> handlers,
			ApplicationContext context) {
		this.handlers = handlers;
		this.preAuthorize.setApplicationContext(context);
	}

	/**
	 * Whether the current caller may make this request; no handler found is a refusal.
	 */
	boolean allows(HttpServletRequest request) {
		HandlerMethod handler = handler(request);
		if (handler == null) {
			return false;
		}
		SimpleMethodInvocation invocation = new SimpleMethodInvocation(handler.createWithResolvedBean().getBean(),
				handler.getMethod(), new Object[handler.getMethodParameters().length]);
		AuthorizationResult result = this.preAuthorize
			.authorize(() -> SecurityContextHolder.getContext().getAuthentication(), invocation);
		// no @PreAuthorize on the method: the API's chain already required an
		// authenticated caller
		return result == null || result.isGranted();
	}

	private HandlerMethod handler(HttpServletRequest request) {
		boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
		if (!parsed) {
			ServletRequestPathUtils.parseAndCache(request);
		}
		try {
			HandlerExecutionChain chain = this.handlers.getObject().getHandler(request);
			return chain != null && chain.getHandler() instanceof HandlerMethod method ? method : null;
		}
		catch (Exception ex) {
			return null;
		}
		finally {
			if (!parsed) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
		}
	}

}
