package io.encaisse.payments.sepa;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pain.008 writer on its own, without Spring: first and recurring debits in a payment
 * information each, valid against the ISO 20022 schema, names brought into the SEPA
 * character set.
 */
class Pain008Tests {

	@Test
	void oneBlockPerSequenceValidAgainstTheSchema() throws Exception {
		byte[] file = Pain008.write(
				new Pain008.Creditor("Atelier Numérique & Fils", "FR72ZZZ123456", "FR7630006000011234567890189", null),
				new Pain008.Collection("DD-1", Instant.parse("2026-12-07T10:15:30.123Z"), LocalDate.of(2026, 12, 10),
						new BigDecimal("300.00"),
						List.of(new Pain008.Transaction("FA-2026-000001", new BigDecimal("100.00"), "FRST", "RUM-1",
								LocalDate.of(2026, 1, 5), "Société Générale d'Études", "FR1420041010050500013M02606",
								"PSSTFRPPLIL", "FA-2026-000001"),
								new Pain008.Transaction("FA-2026-000002", new BigDecimal("200.00"), "RCUR", "RUM-2",
										LocalDate.of(2025, 6, 1), "Ørsted ÅS", "FR1420041010050500013M02606", null,
										"FA-2026-000002"))));
		SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
			.newSchema(getClass().getClassLoader().getResource("pain.008.001.02.xsd"))
			.newValidator()
			.validate(new StreamSource(new ByteArrayInputStream(file)));
		String xml = new String(file, StandardCharsets.UTF_8);
		assertThat(xml.split("<PmtInf>", -1)).hasSize(3);
		assertThat(xml).contains("<SeqTp>FRST</SeqTp>", "<SeqTp>RCUR</SeqTp>", "<CtrlSum>300.00</CtrlSum>",
				"<Nm>Atelier Numerique + Fils</Nm>", "<Nm>Societe Generale d'Etudes</Nm>",
				"<CreDtTm>2026-12-07T10:15:30</CreDtTm>", "<Id>NOTPROVIDED</Id>");
	}

	@Test
	void endToEndIdsAndTextKeepTheSepaCharacters() {
		assertThat(Pain008.endToEndId("FA_2026/000001 é")).isEqualTo("FA2026/000001 ");
		assertThat(Pain008.endToEndId("X".repeat(40))).hasSize(35);
		assertThat(Pain008.sepa("  ", 70)).isEqualTo("NOTPROVIDED");
		assertThat(Pain008.sepa("Crème brûlée\tSARL", 70)).isEqualTo("Creme brulee SARL");
		assertThat(Pain008.sepa("a".repeat(80), 70)).hasSize(70);
	}

}
