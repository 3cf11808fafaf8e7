package io.encaisse.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.mustangproject.validator.ZUGFeRDValidator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference validator (Mustang: PDF/A-3 and the EN 16931 schematron) on one of our
 * PDFs.
 */
public final class FacturXValidation {

	private FacturXValidation() {
	}

	public static void assertValid(byte[] pdf, Path dir, String name) throws Exception {
		Path file = dir.resolve(name);
		Files.write(file, pdf);
		ZUGFeRDValidator validator = new ZUGFeRDValidator();
		String report = validator.validate(file.toString());
		assertThat(validator.wasCompletelyValid()).as(report).isTrue();
	}

	/** An e-invoice XML (CII or UBL) through the same validator and schematron. */
	public static void assertValidXml(byte[] xml, Path dir, String name) throws Exception {
		Path file = dir.resolve(name);
		Files.write(file, xml);
		ZUGFeRDValidator validator = new ZUGFeRDValidator();
		String report = validator.validate(file.toString());
		assertThat(validator.wasCompletelyValid()).as(report).isTrue();
		assertThat(report).contains("valid");
	}

}
