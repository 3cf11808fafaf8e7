package io.encaisse.customers;

import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer file: legal identity checked by its keys, terms within the French caps,
 * the 2026 data.
 */
@EncaisseTest
class CustomerMasterDataTests {

	@LocalServerPort
	int port;

	@Test
	void theWholeCustomerFileIsKeptAndShown() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Api.Response created = api.post("/api/v1/customers",
				map("name", Fixtures.unique("Hôtel"), "legalId", "732829320", "vatNumber", "FR44732829320", "siret",
						"73282932000074", "paymentTermsDays", 45, "paymentTermsEndOfMonth", true, "paymentMethod",
						"DIRECT_DEBIT", "iban", "FR76 3000 6000 0112 3456 7890 189", "riskClass", "MEDIUM",
						"operationCategory", "SERVICES", "routingCode", "SERVICE-COMPTA", "receivingPlatform",
						"Plateforme A", "deliveryAddress",
						map("line1", "Quai 3", "postalCode", "69007", "city", "Lyon"), "contacts",
						List.of(map("name", "Anne Compta", "email", "anne@hotel.example", "role", "BILLING"),
								map("name", "Paul Achats", "role", "purchasing"))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		Api.Response read = api.get("/api/v1/customers/" + created.get("id"));
		assertThat(read.get("siret")).isEqualTo("73282932000074");
		assertThat(read.get("iban")).isEqualTo("FR7630006000011234567890189");
		assertThat(read.get("paymentTermsEndOfMonth")).isEqualTo("true");
		assertThat(read.get("operationCategory")).isEqualTo("SERVICES");
		assertThat(read.json().get("deliveryAddress").get("country").asString()).isEqualTo("FR");
		assertThat(read.json().get("contacts")).hasSize(2);
		assertThat(read.json().get("contacts").get(1).get("role").asString()).isEqualTo("PURCHASING");
	}

	@Test
	void wrongIdentifiersAndTermsBeyondTheLegalCapsAreRefused() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Api.Response r = api.post("/api/v1/customers",
				map("name", "Bad", "legalId", "732829320", "siret", "73282932000075", "iban",
						"FR7630006000011234567890188", "paymentTermsDays", 50, "paymentTermsEndOfMonth", true,
						"paymentMethod", "BITCOIN", "contacts", List.of(map("email", "nobody"))));
		assertThat(r.status()).isEqualTo(422);
		assertThat(r.json().get("errors").findValuesAsString("field")).contains("siret", "iban", "paymentTermsDays",
				"paymentMethod", "contacts[0].name");
		Api.Response otherSiren = api.post("/api/v1/customers",
				map("name", "Other", "legalId", "732829320", "siret", "40483304800006"));
		assertThat(otherSiren.status()).isEqualTo(422);
	}

}
