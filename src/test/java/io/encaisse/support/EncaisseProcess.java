package io.encaisse.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Encaisse as a process of its own, started from the test class path as {@code java
 * io.encaisse.EncaisseApplication} would be, so that a test can kill it with SIGKILL
 * (kill -9) and start it again on the same data. Its output goes to a log file beside the
 * data.
 */
public final class EncaisseProcess implements AutoCloseable {

	public static final String KEY = "crash-admin-key-0123456789";

	private final Process process;

	private final int port;

	private EncaisseProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts it in {@code dir} (its data under {@code dir/data} on the embedded default)
	 * with these environment variables and system properties, and waits until it serves.
	 */
	public static EncaisseProcess start(Path dir, Map<String, String> env, Map<String, String> properties,
			String logName) throws IOException, InterruptedException {
		Files.createDirectories(dir);
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of("-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
		properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.encaisse.EncaisseApplication"));
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(logName).toFile()));
		Map<String, String> environment = builder.environment();
		environment.keySet().removeIf(k -> k.startsWith("SPRING_DATASOURCE_") || k.startsWith("ENCAISSE_"));
		environment.put("PORT", Integer.toString(port));
		environment.put("ENCAISSE_DATA_DIR", dir.resolve("data").toString());
		environment.put("ENCAISSE_DEMO_DATA", "false");
		environment.put("ENCAISSE_BOOTSTRAP_API_KEY", KEY);
		environment.put("ENCAISSE_ADMIN_PASSWORD", "crash-admin-password");
		environment.putAll(env);
		EncaisseProcess started = new EncaisseProcess(builder.start(), port);
		started.awaitHealth(Duration.ofSeconds(180), dir.resolve(logName));
		return started;
	}

	private void awaitHealth(Duration limit, Path log) throws InterruptedException, IOException {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health"))
			.build();
		try {
			org.awaitility.Awaitility.await("Encaisse to start")
				.atMost(limit)
				.pollInterval(Duration.ofMillis(250))
				.until(() -> {
					if (!this.process.isAlive()) {
						throw new IllegalStateException("Encaisse stopped while starting: " + tail(log));
					}
					try {
						return http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
					}
					catch (IOException notYet) {
						// not listening yet
						return false;
					}
				});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			this.process.destroyForcibly();
			throw new IllegalStateException("Encaisse did not start within " + limit + ": " + tail(log));
		}
	}

	public static String tail(Path log) throws IOException {
		List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	public Api api() {
		return new Api(this.port, KEY);
	}

	/** SIGKILL, as {@code kill -9}: no shutdown hook, no flush, nothing. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

}
