package io.encaisse.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.annotation.Transactional;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/** One rule per design promise of ARCHITECTURE.md that Modulith does not check. */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.encaisse");

	@Test
	void businessTimeComesFromTheInjectedClock() {
		ArchRule rule = noClasses().that()
			.doNotHaveFullyQualifiedName("io.encaisse.shared.BusinessClock")
			.should()
			.callMethod(java.time.LocalDate.class, "now")
			.orShould()
			.callMethod(java.time.Instant.class, "now")
			.orShould()
			.callMethod(java.time.LocalDateTime.class, "now")
			.orShould()
			.callMethod(java.time.OffsetDateTime.class, "now")
			.because("business dates come from Today over the injected clock, so tests and the demo can move time");
		rule.check(CLASSES);
	}

	@Test
	void moneyIsNeverAFloatingPointNumber() {
		// PDF page geometry (points on a page) is the one place floats belong
		fields().that()
			.areDeclaredInClassesThat()
			.resideInAPackage("io.encaisse..")
			.and()
			.areDeclaredInClassesThat()
			.resideOutsideOfPackage("..documents..")
			.and()
			// matching's name similarity is a score, not an amount
			.areDeclaredInClassesThat()
			.resideOutsideOfPackage("..payments.matching..")
			.should()
			.notHaveRawType(double.class)
			.andShould()
			.notHaveRawType(float.class)
			.andShould()
			.notHaveRawType(Double.class)
			.andShould()
			.notHaveRawType(Float.class)
			.check(CLASSES);
	}

	@Test
	void theDomainDoesNotKnowThePagesOrTheApi() {
		noClasses().that()
			.resideInAPackage("..domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..web..", "..rest..")
			.check(CLASSES);
	}

	@Test
	void controllersAreNotTransactional() {
		noMethods().that()
			.areDeclaredInClassesThat()
			.resideInAnyPackage("..web..", "..rest..")
			.should()
			.beAnnotatedWith(Transactional.class)
			.check(CLASSES);
		noClasses().that()
			.resideInAnyPackage("..web..", "..rest..")
			.should()
			.beAnnotatedWith(Transactional.class)
			.check(CLASSES);
	}

	@Test
	void noManagersHelpersOrUtils() {
		noClasses().should()
			.haveSimpleNameEndingWith("Manager")
			.orShould()
			.haveSimpleNameEndingWith("Helper")
			.orShould()
			.haveSimpleNameEndingWith("Util")
			.orShould()
			.haveSimpleNameEndingWith("Utils")
			.check(CLASSES);
	}

}
