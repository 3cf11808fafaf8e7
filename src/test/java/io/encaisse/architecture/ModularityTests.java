package io.encaisse.architecture;

import io.encaisse.EncaisseApplication;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules depend only on what their package-info allows, with no cycle; their docs
 * come from the code.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(EncaisseApplication.class);

	@Test
	void modulesRespectTheirAllowedDependencies() {
		MODULES.verify();
	}

	@Test
	void writesTheModuleDocumentation() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

}
