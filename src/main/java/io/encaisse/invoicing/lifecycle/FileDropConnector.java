package io.encaisse.invoicing.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A platform reached through a shared folder: each invoice is written as
 * {@code <number>.pdf} (Factur-X) and {@code <number>.xml} (UBL), atomically (written
 * under a temporary name, then moved), so the platform's pick-up never reads half a file.
 */
public class FileDropConnector implements PlatformConnector {

	private final Path directory;

	public FileDropConnector(Path directory) {
		this.directory = directory;
	}

	@Override
	public String name() {
		return "file-drop";
	}

	@Override
	public Submission submit(Document document) {
		try {
			Files.createDirectories(this.directory);
			write(document.number() + ".pdf", document.facturX());
			write(document.number() + ".xml", document.ubl());
			return new Submission(true, this.directory.resolve(document.number() + ".pdf").toString(), null);
		}
		catch (IOException | UncheckedIOException ex) {
			return new Submission(false, null,
					"the folder " + this.directory + " cannot be written: " + ex.getMessage());
		}
	}

	private void write(String name, byte[] content) throws IOException {
		Path temporary = this.directory.resolve("." + name + ".part");
		Files.write(temporary, content);
		Files.move(temporary, this.directory.resolve(name), StandardCopyOption.REPLACE_EXISTING,
				StandardCopyOption.ATOMIC_MOVE);
	}

}
