package io.encaisse.payments;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.encaisse.payments.statements.Camt053;
import io.encaisse.shared.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The public sample statements of ../shared/data/bank read with the right accounts,
 * entries and amounts.
 */
class Camt053Tests {

	static final Path SAMPLES = Path.of("src", "test", "resources", "samples", "bank");

	static List<Camt053.Statement> read(String file) throws Exception {
		try (InputStream in = Files.newInputStream(SAMPLES.resolve(file))) {
			return Camt053.read(in);
		}
	}

	@ParameterizedTest
	@CsvSource({ "camt053_v02_FI_sample.xml, 1, FI7433010001222090, 10, 1000.12",
			"camt053_v02_LT_siauliu_bankas.xml, 1, LT007180000000000000, 4, 1.64",
			"camt053_v02_genkgo_multi_statement.xml, 2, NL26VAYB8060476890, 1, 8.85",
			"camt053_v03_genkgo.xml, 1, NL26VAYB8060476890, 1, 8.85",
			"camt053_v04_CH_postfinance.xml, 1, CH2909000000250094239, 5, 4.50",
			"camt053_v08_genkgo.xml, 1, NL26VAYB8060476890, 1, 8.85",
			"camt054_v02_FI_sample.xml, 1, FI7433010001222090, 6, 2000.00",
			"camt054_v04_CH_postfinance_esr.xml, 1, CH2909000000250094239, 2, 1537.00",
			"camt054_v08_genkgo.xml, 1, CH2801234000123456789, 1, 200000" })
	void readsEachPublicSample(String file, int statements, String account, int firstEntries, String firstAmount)
			throws Exception {
		List<Camt053.Statement> read = read(file);
		assertThat(read).hasSize(statements);
		assertThat(read.get(0).account()).isEqualTo(account);
		assertThat(read.get(0).entries()).hasSize(firstEntries);
		assertThat(read.get(0).entries().get(0).amount()).isEqualByComparingTo(firstAmount);
	}

	@Test
	void readsCreditsDebitsReferencesAndRemittance() throws Exception {
		List<Camt053.Entry> entries = read("camt053_v02_FI_sample.xml").get(0).entries();
		assertThat(entries.stream().filter(Camt053.Entry::credit)).hasSize(6);
		assertThat(entries.stream().map(Camt053.Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).isPositive();
		assertThat(entries).allSatisfy(e -> assertThat(e.bookingDate()).isNotNull());
		assertThat(entries.stream().map(Camt053.Entry::remittance).filter(r -> r != null && r.contains("RF")))
			.isNotEmpty();
	}

	@Test
	void refusesHostileAndBrokenFiles() {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
				<Document><BkToCstmrStmt><Stmt><Id>&x;</Id></Stmt></BkToCstmrStmt></Document>""";
		assertThatThrownBy(() -> Camt053.read(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(Problem.Invalid.class)
			.hasMessageNotContaining("root:");
		String laughs = """
				<?xml version="1.0"?>
				<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
				<Document>&lol2;</Document>""";
		assertThatThrownBy(() -> Camt053.read(new ByteArrayInputStream(laughs.getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(Problem.Invalid.class);
		assertThatThrownBy(() -> Camt053
			.read(new ByteArrayInputStream("<Document><BkToCstmrStmt><Stmt>".getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(Problem.Invalid.class)
			.hasMessageContaining("well-formed");
		assertThatThrownBy(() -> Camt053.read(new ByteArrayInputStream("<Invoice/>".getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(Problem.Invalid.class)
			.hasMessageContaining("ISO 20022");
	}

}
