package io.encaisse.shared.web;

import java.sql.SQLException;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * What a refusal of the database means to the client, by its SQLSTATE (the same on
 * PostgreSQL and H2): a text longer than its column, a number beyond its column, a
 * character the database does not store, a reference to nothing, a rule of the schema. A
 * unique key hit is a 409 elsewhere ({@code DuplicateKeyException}).
 */
final class DatabaseRefusals {

	private DatabaseRefusals() {
	}

	record Refusal(int status, String title, String detail) {
	}

	static Optional<Refusal> of(DataIntegrityViolationException ex) {
		SQLException sql = null;
		for (Throwable t = ex; t != null && sql == null; t = t.getCause()) {
			if (t instanceof SQLException e) {
				sql = e;
			}
		}
		String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
		return Optional.ofNullable(switch (state) {
			case "22001" -> new Refusal(422, "Unprocessable request", "a text is longer than its field allows");
			case "22003" -> new Refusal(422, "Unprocessable request", "a number is larger than its field allows");
			case "22021", "22P05" ->
				new Refusal(400, "Malformed request", "a text holds a character that cannot be stored (NUL)");
			case "22007", "22008" -> new Refusal(422, "Unprocessable request", "a date is out of range");
			case "23502" -> new Refusal(422, "Unprocessable request", "a required value is missing");
			case "23503", "23506" ->
				new Refusal(422, "Unprocessable request", "it refers to something that does not exist");
			case "23513", "23514" -> new Refusal(422, "Unprocessable request", "a value breaks a rule of the data");
			default -> null;
		});
	}

}
