package io.encaisse.customers;

import java.nio.charset.StandardCharsets;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers from CSV: all or nothing; a SIREN or VAT number seen before is a duplicate,
 * named by line.
 */
@EncaisseTest
class CustomerFileTests {

	@LocalServerPort
	int port;

	@Test
	void importsAGoodFileAndRefusesDuplicatesWhole() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		String siren1 = LegalIds.sirenWithKey(String.valueOf(10_000_000 + (System.nanoTime() % 80_000_000)));
		String siren2 = LegalIds.sirenWithKey(String.valueOf(10_000_000 + ((System.nanoTime() / 7) % 80_000_000)));
		String name = Fixtures.unique("Imported");
		String csv = """
				name,legal_id,vat_number,email,line1,postal_code,city,country,payment_terms_days,credit_limit,currency,language
				%s A,%s,%s,a@example.fr,1 rue A,69001,Lyon,FR,30,1000,EUR,fr
				%s B,%s,,b@example.fr,2 rue B,75001,Paris,FR,45,,EUR,en
				"""
			.formatted(name, siren1, LegalIds.frenchVatNumber(siren1), name, siren2);
		Api.Response ok = api.csv("/api/v1/customers/import", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
		assertThat(ok.get("customers")).isEqualTo("2");

		String again = """
				name,legal_id,vat_number,payment_terms_days
				Fresh,,,30
				Same SIREN,%s,,30
				Twice in file,,DE136695976,30
				Twice again,,DE136695976,30
				Too long terms,,,90
				""".formatted(siren1);
		Api.Response refused = api.csv("/api/v1/customers/import", again.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").findValues("line").stream().map(n -> n.asInt()).toList())
			.containsExactly(3, 5, 6);
		assertThat(api.get("/api/v1/customers?limit=500").body()).doesNotContain("\"Fresh\"");
	}

}
