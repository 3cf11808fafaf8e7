package io.encaisse.shared;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who acts, when names can repeat: an API key is named by whoever created it, so two keys
 * may share a name. {@link #actorId()} is unique and stable ({@code key:key_01J...}) and
 * is what scopes anything that belongs to the caller (idempotent replays, the audit
 * trail's actor id); {@link #getName()} is what people read ({@code key:CRM sync}).
 */
public interface ActingPrincipal extends AuthenticatedPrincipal {

	String actorId();

}
