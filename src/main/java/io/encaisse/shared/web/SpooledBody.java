package io.encaisse.shared.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A request body read once, hashed as it is read, and kept for the handler: in memory up
 * to {@link #IN_MEMORY} bytes, in a temporary file beyond (a 50 MB statement sent with an
 * {@code Idempotency-Key} does not sit in the heap twice). Closing deletes the file.
 */
final class SpooledBody implements AutoCloseable {

	static final int IN_MEMORY = 1024 * 1024;

	private final byte[] memory;

	private final Path file;

	private final long size;

	private final byte[] digest;

	private SpooledBody(byte[] memory, Path file, long size, byte[] digest) {
		this.memory = memory;
		this.file = file;
		this.size = size;
		this.digest = digest;
	}

	/**
	 * Reads {@code in} through; answers null, having read no further, when it holds more
	 * than {@code max} bytes.
	 */
	static SpooledBody read(InputStream in, long max, MessageDigest digest) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		long size = 0;
		Path file = null;
		OutputStream out = head;
		try {
			int n;
			while ((n = in.read(buffer)) > 0) {
				size += n;
				if (size > max) {
					if (file != null) {
						out.close();
						Files.deleteIfExists(file);
					}
					return null;
				}
				digest.update(buffer, 0, n);
				if (file == null && size > IN_MEMORY) {
					file = Files.createTempFile("encaisse-body-", ".part");
					out = Files.newOutputStream(file);
					head.writeTo(out);
				}
				out.write(buffer, 0, n);
			}
			out.close();
		}
		catch (IOException | RuntimeException ex) {
			if (file != null) {
				out.close();
				Files.deleteIfExists(file);
			}
			throw ex;
		}
		return new SpooledBody(file == null ? head.toByteArray() : null, file, size, digest.digest());
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	byte[] digest() {
		return this.digest.clone();
	}

	long size() {
		return this.size;
	}

	InputStream open() {
		if (this.memory != null) {
			return new ByteArrayInputStream(this.memory);
		}
		try {
			return Files.newInputStream(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		if (this.file != null) {
			Files.deleteIfExists(this.file);
		}
	}

}
