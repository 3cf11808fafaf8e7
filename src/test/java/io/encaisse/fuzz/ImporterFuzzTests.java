package io.encaisse.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.encaisse.payments.statements.BankCsv;
import io.encaisse.payments.statements.Camt053;
import io.encaisse.payments.statements.Mt940;
import io.encaisse.shared.Csv;
import io.encaisse.shared.Problem;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.List;

/**
 * The importers against whatever bytes come: each either reads the file or refuses it
 * with a {@link Problem} (a 422 naming the line); any other exception is a finding. Plain
 * {@code mvn test} replays the kept corpus under
 * {@code src/test/resources/io/encaisse/fuzz/ImporterFuzzTestsInputs/<method>/} (samples,
 * truncations, hostile XML, and what fuzzing found); {@code JAZZER_FUZZ=1 ./mvnw test
 * -Dtest=ImporterFuzzTests} fuzzes and adds to it.
 */
class ImporterFuzzTests {

	private static final BankCsv.Mapping MAPPING = new BankCsv.Mapping("fuzz", "windows-1252", "Date", "dd/MM/yyyy",
			null, "Credit", "Debit", true, "Libelle", "Tiers", "IBAN", null, "EUR");

	@FuzzTest(maxDuration = "20s")
	void camt(FuzzedDataProvider data) {
		byte[] file = data.consumeRemainingAsBytes();
		refusedOrRead(() -> Camt053.read(new ByteArrayInputStream(file)).forEach(s -> s.discrepancies()));
	}

	@FuzzTest(maxDuration = "20s")
	void mt940(FuzzedDataProvider data) {
		byte[] file = data.consumeRemainingAsBytes();
		refusedOrRead(() -> Mt940.read(file).forEach(s -> s.discrepancies()));
	}

	@FuzzTest(maxDuration = "20s")
	void bankCsv(FuzzedDataProvider data) {
		byte[] file = data.consumeRemainingAsBytes();
		refusedOrRead(() -> BankCsv.read(file, MAPPING, "FR7630006000011234567890189", "fuzz"));
	}

	@FuzzTest(maxDuration = "20s")
	void csv(FuzzedDataProvider data) {
		String text = data.consumeRemainingAsString();
		refusedOrRead(() -> Csv.read(new StringReader(text), List.of("sku"), row -> row.get("sku")));
	}

	@FuzzTest(maxDuration = "20s")
	void orderEdifact(FuzzedDataProvider data) {
		byte[] file = data.consumeRemainingAsBytes();
		refusedOrRead(() -> io.encaisse.orders.intake.OrderFiles.edifact(file));
	}

	@FuzzTest(maxDuration = "20s")
	void orderUbl(FuzzedDataProvider data) {
		byte[] file = data.consumeRemainingAsBytes();
		refusedOrRead(() -> io.encaisse.orders.intake.OrderFiles.ubl(file));
	}

	@FuzzTest(maxDuration = "20s")
	void orderCsv(FuzzedDataProvider data) {
		String text = data.consumeRemainingAsString();
		refusedOrRead(() -> io.encaisse.orders.intake.OrderFiles.csv(new StringReader(text)));
	}

	private static void refusedOrRead(Runnable reading) {
		try {
			reading.run();
		}
		catch (Problem.Refused expected) {
			// a clear refusal is the right answer to a bad file
		}
	}

}
