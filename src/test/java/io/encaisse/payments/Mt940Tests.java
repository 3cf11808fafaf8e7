package io.encaisse.payments;

import java.nio.file.Files;
import java.util.List;

import io.encaisse.payments.statements.Camt053;
import io.encaisse.payments.statements.Mt940;
import io.encaisse.shared.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The public MT940 samples read with the statement and entry counts their sources state.
 */
class Mt940Tests {

	static List<Camt053.Statement> read(String file) throws Exception {
		return Mt940.read(Files.readAllBytes(Camt053Tests.SAMPLES.resolve(file)));
	}

	@ParameterizedTest
	@CsvSource({ "mt940_NL_abnamro.sta, 2, 10, 517852257", "mt940_NL_ing.sta, 1, 7, 0001234567",
			"mt940_NL_rabobank_iban.sta, 2, 4, NL71RABO0123456789",
			"mt940_DE_sepa_betterplace.sta, 26, 97, 50880050/0194774600888" })
	void readsEachPublicSample(String file, int statements, int entries, String account) throws Exception {
		List<Camt053.Statement> read = read(file);
		assertThat(read).hasSize(statements);
		assertThat(read.stream().mapToInt(s -> s.entries().size()).sum()).isEqualTo(entries);
		assertThat(read.get(0).account()).isEqualTo(account);
	}

	@Test
	void readsAmountsDirectionsReversalsAndInformation() throws Exception {
		Camt053.Entry first = read("mt940_NL_rabobank_iban.sta").get(0).entries().get(1);
		assertThat(first.amount()).isEqualByComparingTo("10.00");
		assertThat(first.credit()).isFalse();
		assertThat(first.remittance()).contains("/REMI/Reference 201301234");
		List<Camt053.Entry> german = read("mt940_DE_sepa_betterplace.sta").get(0).entries();
		assertThat(german.get(0).credit()).isTrue();
		assertThat(german.get(0).amount()).isEqualByComparingTo("300");
		assertThat(german.get(0).remittance()).contains("EREF+TFNR 40005").doesNotContain("?20");
		assertThat(german.get(0).bankReference()).isEqualTo("0724710345313905");
	}

	@Test
	void refusesWhatIsNotAStatement() {
		assertThatThrownBy(() -> Mt940.read("hello".getBytes())).isInstanceOf(Problem.Invalid.class);
		assertThatThrownBy(() -> Mt940.read(":20:X\n:25:NL71RABO0123456789\n:61:garbage\n".getBytes()))
			.isInstanceOf(Problem.Invalid.class)
			.hasMessageContaining(":61:");
	}

}
