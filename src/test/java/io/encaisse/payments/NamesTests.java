package io.encaisse.payments;

import io.encaisse.payments.matching.Names;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTests {

	@Test
	void legalFormsAccentsCaseAndOrderDoNotCount() {
		assertThat(Names.similarity("Société Générale d'Équipement SAS", "SOCIETE GENERALE EQUIPEMENT")).isEqualTo(1.0);
		assertThat(Names.similarity("Dupont & Fils SARL", "DUPONT ET FILS")).isEqualTo(1.0);
		assertThat(Names.similarity("Martin Dupont", "DUPONT MARTIN")).isEqualTo(1.0);
	}

	@Test
	void aTypoIsCloseAnotherCompanyIsNot() {
		assertThat(Names.similarity("Boulangerie Dupont", "Boulangerie Dupond")).isGreaterThan(0.92);
		assertThat(Names.similarity("Boulangerie Dupont", "Garage Lefebvre")).isLessThan(0.7);
		assertThat(Names.similarity("", "Garage")).isZero();
		assertThat(Names.similarity("Dupont", "Boulangerie Dupont")).as("only part of the name").isLessThan(0.8);
		assertThat(Names.similarity("Agence 12", "Agence 13")).as("numbers are equal or not").isLessThan(0.8);
		assertThat(Names.similarity("S.A.R.L. Martin", "MARTIN SARL")).isEqualTo(1.0);
	}

}
