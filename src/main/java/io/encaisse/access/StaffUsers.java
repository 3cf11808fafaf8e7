package io.encaisse.access;

import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Role;
import io.encaisse.shared.Today;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who log in to the web UI, each with one or more roles; passwords are stored
 * with BCrypt. A user an admin creates has no password until they set one from the link
 * they are mailed ({@link PasswordLinks}); a disabled user cannot log in.
 */
@Service
@Transactional(readOnly = true)
public class StaffUsers implements UserDetailsService {

	static final String DOCUMENT = "user";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	private final Today today;

	private final LoginThrottle throttle;

	StaffUsers(JdbcClient jdbc, PasswordEncoder passwords, AuditTrail audit, Today today, LoginThrottle throttle) {
		this.throttle = throttle;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.audit = audit;
		this.today = today;
	}

	public record StaffUser(String username, String displayName, String email, Set<Role> roles, boolean enabled) {
	}

	/** A user as typed: the roles by name. */
	public record Input(String username, String displayName, String email, List<String> roles) {
	}

	/** A change: what is given changes, the rest stays. */
	public record Change(String displayName, String email, List<String> roles) {
	}

	/**
	 * The user, locked while {@link LoginThrottle} says so: the password is not even
	 * checked.
	 */
	@Override
	public UserDetails loadUserByUsername(String username) {
		boolean locked = this.throttle.lockedUntil(username).isPresent();
		StaffUser user = find(username).orElseThrow(() -> new UsernameNotFoundException(username));
		String hash = this.jdbc.sql("select password_hash from staff_user where username = :u")
			.param("u", username)
			.query(String.class)
			.single();
		return User.withUsername(user.username())
			.password(hash)
			.authorities(user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
			.disabled(!user.enabled())
			.accountLocked(locked)
			.build();
	}

	public boolean any() {
		return this.jdbc.sql("select count(*) from staff_user").query(Integer.class).single() > 0;
	}

	public List<StaffUser> all() {
		return select(null);
	}

	public StaffUser get(String username) {
		return find(username).orElseThrow(() -> new Problem.NotFound("user", username));
	}

	java.util.Optional<StaffUser> find(String username) {
		return select(username).stream().findFirst();
	}

	/** A user with a password (the first admin, tests). */
	@Transactional
	public StaffUser create(String username, String displayName, Role role, String password) {
		if (password == null || password.length() < 10) {
			throw new Problem.Invalid("password", "must hold at least 10 characters");
		}
		StaffUser user = insert(new Input(username, displayName, null, List.of(role.name())), password, false);
		// a password is set: this admin can log in (an invited one cannot until they set
		// theirs)
		bump(user.username());
		return user;
	}

	/** A user invited by an admin: no password until they set one from their link. */
	@Transactional
	public StaffUser invite(Input input) {
		// a password nobody knows until the user sets theirs
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return insert(input, java.util.HexFormat.of().formatHex(random), true);
	}

	private StaffUser insert(Input input, String password, boolean invited) {
		Problem.Errors errors = new Problem.Errors();
		if (invited && (input.email() == null || !input.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			errors.add("email", "is required: the invitation is mailed there");
		}
		String username = input.username() == null ? null : input.username().strip().toLowerCase(Locale.ROOT);
		if (username == null || !username.matches("[a-z0-9._-]{2,100}")) {
			errors.add("username", "must hold 2 to 100 lower-case letters, digits, '.', '_' or '-'");
		}
		Set<Role> roles = roles(errors, input.roles());
		String email = blank(input.email());
		if (email != null && email.length() > 200) {
			errors.add("email", "must not exceed 200 characters");
		}
		errors.throwIfAny();
		String display = blank(input.displayName()) == null ? username : input.displayName().strip();
		try {
			this.jdbc.sql("""
					insert into staff_user (username, display_name, password_hash, enabled, created_at, email)
					values (:u, :d, :p, true, :at, :e)""")
				.param("u", username)
				.param("d", display.length() > 200 ? display.substring(0, 200) : display)
				.param("p", this.passwords.encode(password))
				.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
				.param("e", email)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new Problem.Invalid("username", "'" + username + "' already exists");
		}
		setRoles(username, roles);
		this.audit.record(DOCUMENT, username, "created", AuditTrail.changes("roles", roles, "email", email));
		return get(username);
	}

	/** Changes a user's name, email or roles (an admin). */
	@Transactional
	public StaffUser change(String username, Change change) {
		StaffUser before = get(username);
		Problem.Errors errors = new Problem.Errors();
		Set<Role> roles = change == null || change.roles() == null ? before.roles() : roles(errors, change.roles());
		String email = change == null || change.email() == null ? before.email() : blank(change.email());
		if (email != null && (email.length() > 200 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			errors.add("email", "must be an email address of at most 200 characters");
		}
		errors.throwIfAny();
		if (before.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
			lastAdmin(username);
		}
		this.jdbc.sql("update staff_user set display_name = :d, email = :e where username = :u")
			.param("d",
					change == null || blank(change.displayName()) == null ? before.displayName()
							: change.displayName().strip())
			.param("e", email)
			.param("u", username)
			.update();
		setRoles(username, roles);
		if (!java.util.Objects.equals(email, before.email())) {
			// links mailed to the old address open nothing any more
			bump(username);
		}
		this.audit.record(DOCUMENT, username, "changed", AuditTrail.changes("roles",
				before.roles().equals(roles) ? null : before.roles() + " → " + roles, "email", email));
		return get(username);
	}

	/** Disables (or enables again) a user; the last enabled admin stays. */
	@Transactional
	public StaffUser enable(String username, boolean enabled) {
		StaffUser before = get(username);
		if (!enabled && before.roles().contains(Role.ADMIN)) {
			lastAdmin(username);
		}
		this.jdbc.sql("update staff_user set enabled = :e where username = :u")
			.param("e", enabled)
			.param("u", username)
			.update();
		bump(username);
		this.audit.record(DOCUMENT, username, enabled ? "enabled" : "disabled");
		return get(username);
	}

	/**
	 * Sets a password from a link made at credential version {@code version}, and spends
	 * that link and the others mailed before (refused if the version moved meanwhile).
	 */
	@Transactional
	void setPassword(String username, int version, String password) {
		if (password == null || password.length() < 10
				|| password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
			throw new Problem.Invalid("password", "must hold at least 10 characters (72 bytes at most)");
		}
		int set = this.jdbc.sql("""
				update staff_user set password_hash = :p, credential_version = credential_version + 1
				where username = :u and credential_version = :v""")
			.param("p", this.passwords.encode(password))
			.param("u", username)
			.param("v", version)
			.update();
		if (set != 1) {
			throw new Problem.StateConflict("this link was used already; ask for a new one");
		}
		this.audit.record(DOCUMENT, username, "password set");
	}

	/**
	 * The reset of a forgotten admin password (at start, by whoever runs the server): the
	 * user gets this password, is enabled again, and keeps the admin role.
	 */
	@Transactional
	void reset(String username, String password) {
		if (find(username).isEmpty()) {
			create(username, "Administrator", Role.ADMIN, password);
			return;
		}
		this.jdbc.sql("""
				update staff_user set password_hash = :p, enabled = true, credential_version = credential_version + 1
				where username = :u""").param("p", this.passwords.encode(password)).param("u", username).update();
		Set<Role> roles = new TreeSet<>(get(username).roles());
		roles.add(Role.ADMIN);
		setRoles(username, roles);
		this.audit.record(DOCUMENT, username, "password reset at start");
	}

	/**
	 * A person changes their own password, saying the current one; the links mailed
	 * before are spent.
	 */
	@Transactional
	public void changeOwnPassword(String username, String current, String password) {
		String hash = this.jdbc.sql("select password_hash from staff_user where username = :u")
			.param("u", username)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new Problem.NotFound("user", username));
		if (current == null || !this.passwords.matches(current, hash)) {
			throw new Problem.Invalid("current", "is not your current password");
		}
		setPassword(username, credentialVersion(username), password);
	}

	/** Spends the links mailed so far (a new one, a disabled user, a changed address). */
	void bump(String username) {
		this.jdbc.sql("update staff_user set credential_version = credential_version + 1 where username = :u")
			.param("u", username)
			.update();
	}

	int credentialVersion(String username) {
		return this.jdbc.sql("select credential_version from staff_user where username = :u")
			.param("u", username)
			.query(Integer.class)
			.optional()
			.orElseThrow(() -> new Problem.NotFound("user", username));
	}

	private void lastAdmin(String username) {
		// the admins' rows locked: two changes at once cannot each leave the other the
		// last, then both go
		List<String> others = this.jdbc.sql("""
				select username from staff_user
				where username in (select username from staff_user_role where role = 'ADMIN')
				  and enabled and credential_version > 0 and username <> :u
				order by username for update""").param("u", username).query(String.class).list();
		if (others.isEmpty()) {
			throw new Problem.StateConflict("'" + username + "' is the last admin: make another one first");
		}
	}

	private void setRoles(String username, Set<Role> roles) {
		this.jdbc.sql("delete from staff_user_role where username = :u").param("u", username).update();
		for (Role role : roles) {
			this.jdbc.sql("insert into staff_user_role (username, role) values (:u, :r)")
				.param("u", username)
				.param("r", role.name())
				.update();
		}
	}

	private static Set<Role> roles(Problem.Errors errors, List<String> names) {
		Set<Role> roles = new TreeSet<>();
		if (names == null || names.isEmpty()) {
			errors.add("roles", "give at least one role");
			return roles;
		}
		for (int i = 0; i < names.size(); i++) {
			Role role = errors.oneOf(Role.class, "roles[" + i + "]", names.get(i), null);
			if (role != null) {
				roles.add(role);
			}
		}
		return roles;
	}

	private List<StaffUser> select(String username) {
		Map<String, Set<Role>> roles = new HashMap<>();
		this.jdbc.sql("select username, role from staff_user_role" + (username == null ? "" : " where username = :u"))
			.params(username == null ? Map.of() : Map.of("u", username))
			.query((rs, n) -> roles.computeIfAbsent(rs.getString(1), k -> new TreeSet<>())
				.add(Role.valueOf(rs.getString(2))))
			.list();
		List<StaffUser> users = new ArrayList<>();
		this.jdbc
			.sql("select username, display_name, email, enabled from staff_user"
					+ (username == null ? " order by username" : " where username = :u"))
			.params(username == null ? Map.of() : Map.of("u", username))
			.query((rs, n) -> users.add(new StaffUser(rs.getString(1), rs.getString(2), rs.getString(3),
					java.util.Collections.unmodifiableSet(roles.getOrDefault(rs.getString(1), new TreeSet<>())),
					rs.getBoolean(4))))
			.list();
		return users;
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
