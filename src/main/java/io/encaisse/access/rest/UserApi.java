package io.encaisse.access.rest;

import java.net.URI;
import java.util.List;

import io.encaisse.access.PasswordLinks;
import io.encaisse.access.StaffUsers;
import io.encaisse.shared.Roles;
import io.encaisse.shared.mail.MailOutbox;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The people who log in (admins only): invited by email with one or more roles, changed,
 * disabled, sent a new password link.
 */
@RestController
@Tag(name = "Users")
class UserApi {

	private final StaffUsers users;

	private final PasswordLinks links;

	UserApi(StaffUsers users, PasswordLinks links) {
		this.users = users;
		this.links = links;
	}

	@GetMapping("/api/v1/users")
	@PreAuthorize(Roles.ADMINISTER)
	List<StaffUsers.StaffUser> all() {
		return this.users.all();
	}

	@GetMapping("/api/v1/users/{id}")
	@PreAuthorize(Roles.ADMINISTER)
	StaffUsers.StaffUser get(@PathVariable String id) {
		return this.users.get(id);
	}

	/**
	 * Invites a person: {@code username, displayName?, email, roles[]}; they are mailed a
	 * link to choose their password.
	 */
	@PostMapping("/api/v1/users")
	@PreAuthorize(Roles.ADMINISTER)
	ResponseEntity<StaffUsers.StaffUser> invite(@RequestBody(required = false) StaffUsers.Input input) {
		StaffUsers.StaffUser user = this.links.invite(input);
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.username())).body(user);
	}

	/** Changes the name, email or roles given. */
	@PatchMapping("/api/v1/users/{id}")
	@PreAuthorize(Roles.ADMINISTER)
	StaffUsers.StaffUser change(@PathVariable String id, @RequestBody(required = false) StaffUsers.Change change) {
		return this.users.change(id, change);
	}

	@PostMapping("/api/v1/users/{id}/disable")
	@PreAuthorize(Roles.ADMINISTER)
	StaffUsers.StaffUser disable(@PathVariable String id) {
		return this.users.enable(id, false);
	}

	@PostMapping("/api/v1/users/{id}/enable")
	@PreAuthorize(Roles.ADMINISTER)
	StaffUsers.StaffUser enable(@PathVariable String id) {
		return this.users.enable(id, true);
	}

	/** Mails the user a link to choose a new password (202; the outbox row). */
	@PostMapping("/api/v1/users/{id}/password-link")
	@PreAuthorize(Roles.ADMINISTER)
	ResponseEntity<MailOutbox.Sending> passwordLink(@PathVariable String id) {
		return ResponseEntity.accepted().body(this.links.send(id, false));
	}

}
