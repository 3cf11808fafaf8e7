package io.encaisse.shared;

/** Reads the {@code If-Match} header: {@code 3}, {@code "3"} or {@code W/"3"}. */
public final class Versions {

	private Versions() {
	}

	public static Long parse(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		String v = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
		try {
			return Long.parseLong(v);
		}
		catch (NumberFormatException ex) {
			throw new Problem.Invalid("If-Match", "'" + ifMatch + "' is not a version number");
		}
	}

}
