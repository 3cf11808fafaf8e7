package io.encaisse.access;

import java.nio.file.Files;
import java.nio.file.Path;

import io.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

/**
 * A forgotten admin password is reset at start (ENCAISSE_RESET_ADMIN_PASSWORD): the admin
 * is enabled again with the admin role, and the password waits in a file of the data
 * folder only its owner reads.
 */
@EncaisseTest
@AutoConfigureMockMvc
class AdminPasswordResetTests {

	@Autowired
	Bootstrap bootstrap;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StaffUsers users;

	@Autowired
	MockMvc mvc;

	@Test
	void theAdminIsResetAndThePasswordWaitsInAFile(@TempDir Path dir) throws Exception {
		int before = this.jdbc.sql("select credential_version from staff_user where username = 'admin'")
			.query(Integer.class)
			.single();
		this.jdbc.sql("update staff_user set enabled = false where username = 'admin'").update();
		try {
			String password = this.bootstrap.resetAdmin(dir);
			Path file = dir.resolve("admin-password.txt");
			assertThat(Files.readAllLines(file)).containsExactly("admin", password);
			assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
				.isEqualTo("rw-------");
			this.mvc.perform(formLogin("/login").user("admin").password(password))
				.andExpect(authenticated().withRoles("ADMIN"));
			assertThat(this.jdbc.sql("select credential_version from staff_user where username = 'admin'")
				.query(Integer.class)
				.single()).as("links mailed before are spent").isGreaterThan(before);
		}
		finally {
			// the other tests log in with the usual password
			this.jdbc.sql("update staff_user set enabled = true where username = 'admin'").update();
			this.users.reset("admin", EncaisseTest.ADMIN_PASSWORD);
		}
	}

}
