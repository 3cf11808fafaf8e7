/**
 * Who may come in and what they may do: staff users who log in with a form, API keys for
 * programs (bearer tokens, stored hashed, one role each, revocable), the bootstrap of the
 * first admin and key, and the web security rules. Roles are
 * {@link io.encaisse.shared.Role}; each controller states its permission with
 * {@link io.encaisse.shared.Roles}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package io.encaisse.access;
