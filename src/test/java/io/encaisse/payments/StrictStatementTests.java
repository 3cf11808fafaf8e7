package io.encaisse.payments;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import io.encaisse.payments.statements.BankCsv;
import io.encaisse.payments.statements.Camt053;
import io.encaisse.shared.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A statement is read as the bank wrote it or refused, naming the entry: no date rolled
 * over, no unknown direction taken for a debit, no negative amount (issue 21, D10).
 */
class StrictStatementTests {

	private static String camt(String amount, String indicator, String date) {
		return BankStatementTests.statement("FR7630006000011234567890189", "STRICT-1",
				BankStatementTests.entry("10.00", "CRDT", "REF-OK", "FR7630006000011234567890189", "first"),
				BankStatementTests.entry(amount, indicator, "REF-2", "FR7630006000011234567890189", "second")
					.replace("<Dt>2026-11-20</Dt>", "<Dt>" + date + "</Dt>"));
	}

	@ParameterizedTest
	@CsvSource({ "10.00, XXXX, 2026-11-20, 'entry 2 has the credit/debit indicator ''XXXX'''",
			"10.00, CRDT, 2026-13-45, 'entry 2 has the booking date ''2026-13-45'', which is no date'",
			"10.00, CRDT, 2026-02-30, 'entry 2 has the booking date ''2026-02-30'', which is no date'",
			"-50.00, CRDT, 2026-11-20, 'entry 2 has a negative amount ''-50.00'''" })
	void aCamtEntryThatIsNotWhatTheStandardSaysRefusesTheFileNamingIt(String amount, String indicator, String date,
			String message) {
		byte[] file = camt(amount, indicator, date).getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> Camt053.read(new ByteArrayInputStream(file))).isInstanceOf(Problem.Invalid.class)
			.hasMessageContaining(message);
	}

	@Test
	void aCamtEntryWithAnOffsetOnItsDateIsRead() {
		byte[] file = camt("10.00", "DBIT", "2026-11-20+01:00").getBytes(StandardCharsets.UTF_8);
		assertThat(Camt053.read(new ByteArrayInputStream(file)).get(0).entries().get(1).bookingDate())
			.hasToString("2026-11-20");
	}

	@Test
	void aBankCsvDateThatDoesNotExistRefusesTheFileNamingTheLine() {
		BankCsv.Mapping mapping = new BankCsv.Mapping("strict", "UTF-8", "Date", "dd/MM/yyyy", "Montant", null, null,
				true, "Libelle", null, null, null, "EUR");
		byte[] file = "Date;Montant;Libelle\n27/02/2026;10,00;ok\n30/02/2026;12,00;roll over\n"
			.getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> BankCsv.read(file, mapping, "FR7630006000011234567890189", "strict"))
			.isInstanceOfSatisfying(Problem.Invalid.class, refused -> {
				assertThat(refused.errors().get(0).line()).isEqualTo(3);
				assertThat(refused.errors().get(0).message()).contains("'30/02/2026' is not a date");
			});
		byte[] good = "Date;Montant;Libelle\n28/02/2026;10,00;ok\n".getBytes(StandardCharsets.UTF_8);
		assertThat(BankCsv.read(good, mapping, "FR7630006000011234567890189", "strict").entries()).hasSize(1);
	}

}
