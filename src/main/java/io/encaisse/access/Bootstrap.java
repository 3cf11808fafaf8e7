package io.encaisse.access;

import java.security.SecureRandom;

import io.encaisse.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First start: the {@code admin} user (password from {@code ENCAISSE_ADMIN_PASSWORD},
 * otherwise a random one printed once) and, if {@code ENCAISSE_BOOTSTRAP_API_KEY} is set,
 * an admin API key with that value.
 */
@Component
@Order(0)
class Bootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

	private final StaffUsers users;

	private final ApiKeys keys;

	private final String adminPassword;

	private final String bootstrapKey;

	private final java.nio.file.Path dataDir;

	private final boolean resetAdmin;

	Bootstrap(StaffUsers users, ApiKeys keys, @Value("${ENCAISSE_ADMIN_PASSWORD:}") String adminPassword,
			@Value("${ENCAISSE_BOOTSTRAP_API_KEY:}") String bootstrapKey,
			@Value("${encaisse.data-dir:./data}") String dataDir,
			@Value("${ENCAISSE_RESET_ADMIN_PASSWORD:false}") boolean resetAdmin) {
		this.dataDir = java.nio.file.Path.of(dataDir);
		this.resetAdmin = resetAdmin;
		this.users = users;
		this.keys = keys;
		this.adminPassword = adminPassword;
		this.bootstrapKey = bootstrapKey;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.users.any()) {
			String password = this.adminPassword;
			if (password.isBlank()) {
				password = randomPassword();
				log.warn(
						"Created the user 'admin' with the password {} (shown once, and kept in {}: set ENCAISSE_ADMIN_PASSWORD to choose it)",
						password, write(this.dataDir, password));
			}
			else if (password.length() < 10) {
				throw new IllegalStateException("ENCAISSE_ADMIN_PASSWORD must hold at least 10 characters");
			}
			this.users.create("admin", "Administrator", Role.ADMIN, password);
		}
		else if (this.resetAdmin) {
			resetAdmin(this.dataDir);
		}
		if (!this.bootstrapKey.isBlank()) {
			this.keys.createBootstrapKey(this.bootstrapKey);
		}
	}

	/** Says where Encaisse runs and how to log in, once it can serve. */
	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	void ready(org.springframework.boot.context.event.ApplicationReadyEvent event) {
		String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
		if (port != null) {
			log.info("Encaisse is running at http://localhost:{} : log in as 'admin' with {}", port,
					this.adminPassword.isBlank() ? "the password printed when the database was created"
							: "the password of ENCAISSE_ADMIN_PASSWORD");
		}
	}

	/**
	 * A forgotten admin password: started with
	 * {@code ENCAISSE_RESET_ADMIN_PASSWORD=true}, the user {@code admin} gets a new
	 * password (enabled, admin), written to the data folder's {@code admin-password.txt}
	 * (readable by its owner only) and logged once. Answers the password.
	 */
	String resetAdmin(java.nio.file.Path dir) {
		String password = this.adminPassword.isBlank() ? randomPassword() : this.adminPassword;
		this.users.reset("admin", password);
		log.warn("The password of the user 'admin' was reset (ENCAISSE_RESET_ADMIN_PASSWORD): it is in {}",
				write(dir, password));
		return password;
	}

	/** The admin's password in a file of the data folder only its owner reads. */
	private static java.nio.file.Path write(java.nio.file.Path dir, String password) {
		java.nio.file.Path file = dir.resolve("admin-password.txt");
		try {
			java.nio.file.Files.createDirectories(dir);
			java.nio.file.Files.writeString(file, "admin\n" + password + "\n");
			try {
				java.nio.file.Files.setPosixFilePermissions(file,
						java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// a file system without POSIX permissions keeps its own
			}
		}
		catch (java.io.IOException ex) {
			log.warn("Could not write {}: {}", file, ex.getMessage());
		}
		return file.toAbsolutePath();
	}

	private static String randomPassword() {
		String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return sb.toString();
	}

}
