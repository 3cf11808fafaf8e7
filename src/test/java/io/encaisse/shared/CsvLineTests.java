package io.encaisse.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A CSV line we write opens in a spreadsheet as data, never as a formula. */
class CsvLineTests {

	@Test
	void aFormulaIsNeutralisedAndANumberKeepsItsSign() {
		assertThat(Csv
			.line(List.of("=SUM(A1:A9)", "-2+3+cmd|' /C calc'!A0", "@x", "\tx", "-12.50", "42", "a,b", "say \"hi\"")))
			.isEqualTo("'=SUM(A1:A9),'-2+3+cmd|' /C calc'!A0,'@x,'\tx,-12.50,42,\"a,b\",\"say \"\"hi\"\"\"\r\n");
	}

}
