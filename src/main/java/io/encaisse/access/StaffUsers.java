package io.encaisse.access;

import java.time.ZoneOffset;
import java.util.List;

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
 * The people who log in to the web UI, with one role each; passwords are stored with
 * BCrypt.
 */
@Service
@Transactional(readOnly = true)
public class StaffUsers implements UserDetailsService {

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

	public record StaffUser(String username, String displayName, Role role, boolean enabled) {
	}

	/**
	 * The user, locked while {@link LoginThrottle} says so: the password is not even
	 * checked.
	 */
	@Override
	public UserDetails loadUserByUsername(String username) {
		boolean locked = this.throttle.lockedUntil(username).isPresent();
		return this.jdbc.sql("select username, password_hash, role, enabled from staff_user where username = :u")
			.param("u", username)
			.query((rs, i) -> User.withUsername(rs.getString(1))
				.password(rs.getString(2))
				.authorities(List.of(new SimpleGrantedAuthority(Role.valueOf(rs.getString(3)).authority())))
				.disabled(!rs.getBoolean(4))
				.accountLocked(locked)
				.build())
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	public boolean any() {
		return this.jdbc.sql("select count(*) from staff_user").query(Integer.class).single() > 0;
	}

	@Transactional
	public StaffUser create(String username, String displayName, Role role, String password) {
		Problem.Errors errors = new Problem.Errors();
		if (username == null || !username.matches("[a-z0-9._-]{2,100}")) {
			errors.add("username", "must hold 2 to 100 lower-case letters, digits, '.', '_' or '-'");
		}
		if (password == null || password.length() < 10) {
			errors.add("password", "must hold at least 10 characters");
		}
		errors.throwIfAny();
		try {
			this.jdbc.sql("""
					insert into staff_user (username, display_name, password_hash, role, enabled, created_at)
					values (:u, :d, :p, :r, true, :at)""")
				.param("u", username)
				.param("d", displayName == null || displayName.isBlank() ? username : displayName)
				.param("p", this.passwords.encode(password))
				.param("r", role.name())
				.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new Problem.Invalid("username", "'" + username + "' already exists");
		}
		this.audit.record("user", username, "created", AuditTrail.changes("role", role));
		return new StaffUser(username, displayName, role, true);
	}

}
