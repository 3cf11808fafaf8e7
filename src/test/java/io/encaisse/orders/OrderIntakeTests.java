package io.encaisse.orders;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders from every channel into one model: the API, CSV, UBL 2.1 Order and EDIFACT
 * ORDERS (the public samples among them). Controls put a well-formed order ON_HOLD with
 * its reasons; sales administration releases or cancels it; a file that cannot be read,
 * or that names an unknown customer, is refused whole; hostile XML is harmless.
 */
@EncaisseTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class OrderIntakeTests {

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private static byte[] sample(String name) throws java.io.IOException {
		try (var in = OrderIntakeTests.class.getResourceAsStream("/samples/orders/" + name)) {
			return in.readAllBytes();
		}
	}

	private Api api() {
		return new Api(this.port, EncaisseTest.ADMIN_KEY);
	}

	private String customerWithReference(Api api, String reference) {
		this.jdbc.sql("update customer set external_ref = null where external_ref = :r").param("r", reference).update();
		String id = new Fixtures(api).customer();
		this.jdbc.sql("update customer set external_ref = :r where id = :id")
			.param("r", reference)
			.param("id", id)
			.update();
		return id;
	}

	private void product(Api api, String sku, String price, String currency) {
		if (api.get("/api/v1/products/" + sku).status() != 200) {
			Api.Response r = api.post("/api/v1/products", map("sku", sku, "name", "Article " + sku, "unit", "piece",
					"taxRate", "20", "price", price, "currency", currency));
			assertThat(r.status()).as(r.toString()).isEqualTo(201);
		}
	}

	@Test
	void anOrderThroughTheApiIsConfirmedAndDeliverable() {
		Api api = api();
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("45.00", "20");
		Api.Response r = api.post("/api/v1/orders",
				map("customer", customer, "externalReference", Fixtures.unique("PO"), "requestedDelivery", "2026-12-15",
						"lines", List.of(map("sku", sku, "quantity", "4", "unitPrice", "45.00"))));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		assertThat(r.get("status")).isEqualTo("CONFIRMED");
		JsonNode order = api.get("/api/v1/orders/" + r.get("id")).json();
		assertThat(order.get("channel").asString()).isEqualTo("API");
		assertThat(order.get("lines").get(0).get("unitPrice").asString()).isEqualTo("45.00");
		assertThat(fixtures.deliver(r.get("id"), sku, "4")).isNotNull();
	}

	@Test
	void aWellFormedOrderFailingControlsWaitsOnHoldWithItsReasonsUntilReleased() {
		Api api = api();
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("100.00", "20");
		String ref = Fixtures.unique("PO");
		Api.Response first = api.post("/api/v1/orders", map("customer", customer, "externalReference", ref, "lines",
				List.of(map("sku", sku, "quantity", "1"))));
		assertThat(first.get("status")).isEqualTo("CONFIRMED");
		// the same reference again, a price off the book, an unknown item, beyond the
		// credit limit
		Api.Response held = api.post("/api/v1/orders",
				map("customer", customer, "externalReference", ref, "lines",
						List.of(map("sku", sku, "quantity", "600", "unitPrice", "90.00"),
								map("item", "THEIR-CODE-9", "quantity", "1", "description", "Vis inox"))));
		assertThat(held.status()).as(held.toString()).isEqualTo(201);
		assertThat(held.get("status")).isEqualTo("ON_HOLD");
		String reasons = held.json().get("reasons").toString();
		assertThat(reasons).contains("duplicate")
			.contains("differs from the agreed price 100")
			.contains("THEIR-CODE-9")
			.contains("credit limit");
		// nothing is delivered on hold
		Api.Response delivery = api.post("/api/v1/orders/" + held.get("id") + "/deliveries",
				map("lines", List.of(map("sku", sku, "quantity", "1"))));
		assertThat(delivery.status()).isEqualTo(409);
		// released with a reason, it goes on; its reasons stay
		assertThat(api.post("/api/v1/orders/" + held.get("id") + "/release", map()).status()).isEqualTo(422);
		Api.Response released = api.post("/api/v1/orders/" + held.get("id") + "/release",
				map("note", "Accord du directeur commercial, tarif projet"));
		assertThat(released.status()).as(released.toString()).isEqualTo(200);
		assertThat(released.get("status")).isEqualTo("CONFIRMED");
		assertThat(released.json().get("reasons").size()).isEqualTo(4);
		// an order is cancelled while nothing is delivered
		Api.Response other = api.post("/api/v1/orders",
				map("customer", customer, "lines", List.of(map("item", "NOPE", "quantity", "1"))));
		assertThat(api.post("/api/v1/orders/" + other.get("id") + "/cancel", map("reason", "Doublon téléphonique"))
			.get("status")).isEqualTo("CANCELLED");
	}

	@Test
	void anUnknownCustomerOrAnUnreadableFileIsRefusedWholeNamingTheLine() {
		Api api = api();
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("10.00", "20");
		Api.Response unknown = api.post("/api/v1/orders",
				map("customer", "SIREN-INCONNU", "lines", List.of(map("sku", sku, "quantity", "1"))));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.body()).contains("customer").contains("never created");
		String ref = Fixtures.unique("CSV");
		String csv = "customer,reference,item,quantity,unit_price\n" + customer + "," + ref + "," + sku + ",2,10.00\n"
				+ customer + "," + ref + "," + sku + ",deux,\n";
		Api.Response bad = api.csv("/api/v1/orders/import", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("\"line\":2").contains("quantity");
		assertThat(this.jdbc.sql("select count(*) from customer_order where external_reference = :r")
			.param("r", ref)
			.query(Integer.class)
			.single()).isZero();
		// the good file: two orders, one per reference
		String ok = "customer,reference,item,quantity\n" + customer + "," + ref + "-A," + sku + ",2\n" + customer + ","
				+ ref + "-A," + sku + ",1\n" + customer + "," + ref + "-B," + sku + ",5\n";
		Api.Response imported = api.csv("/api/v1/orders/import", ok.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(imported.json().get("data").size()).isEqualTo(2);
		assertThat(imported.json().get("data").get(0).get("status").asString()).isEqualTo("CONFIRMED");
	}

	@Test
	void thePublicUblOrderSampleIsImported() throws Exception {
		Api api = api();
		customerWithReference(api, "7300070011115");
		product(api, "SItemNo001", "50.00", "SEK");
		product(api, "SItemNo011", "15.00", "SEK");
		Api.Response r = api.xml("/api/v1/orders/import", sample("UBL-Order-2.1-Example.xml"));
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		JsonNode received = r.json().get("data").get(0);
		assertThat(received.get("externalReference").asString()).isEqualTo("34");
		JsonNode order = api.get("/api/v1/orders/" + received.get("id").asString()).json();
		assertThat(order.get("channel").asString()).isEqualTo("UBL");
		assertThat(order.get("currency").asString()).isEqualTo("SEK");
		assertThat(order.get("lines").size()).isEqualTo(2);
		assertThat(order.get("lines").get(0).get("quantity").asString()).isEqualTo("120");
		assertThat(received.get("status").asString()).as(received.toString()).isIn("CONFIRMED", "ON_HOLD");
		if ("ON_HOLD".equals(received.get("status").asString())) {
			// only a duplicate from an earlier run may hold it
			assertThat(received.get("reasons").toString()).contains("duplicate");
		}
	}

	@Test
	void theContractsSpellingsAreTakenToo() throws Exception {
		Api api = api();
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("10.00", "20");
		String ref = Fixtures.unique("PO");
		// the API contract's CSV header: external_reference and sku
		String csv = "external_reference,customer,sku,quantity,unit_price\n" + ref + "," + customer + "," + sku
				+ ",3,10.00\n";
		Api.Response file = api.csv("/api/v1/orders/import", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(file.status()).as(file.toString()).isEqualTo(200);
		assertThat(file.json().get("data").get(0).get("externalReference").asString()).isEqualTo(ref);
		// and a UBL Order posted to /orders itself
		customerWithReference(api, "7300070011115");
		product(api, "SItemNo001", "50.00", "SEK");
		product(api, "SItemNo011", "15.00", "SEK");
		Api.Response ubl = api.xml("/api/v1/orders", sample("UBL-Order-2.1-Example.xml"));
		assertThat(ubl.status()).as(ubl.toString()).isEqualTo(201);
		assertThat(api.get("/api/v1/orders/" + ubl.get("id")).get("channel")).isEqualTo("UBL");
	}

	@Test
	void thePublicEdifactSamplesAreImported() throws Exception {
		Api api = api();
		Fixtures fixtures = new Fixtures(api);
		// pydifact order2: plain D96A, buyer 123456789, item ABC123 (the buyer's code),
		// price 25.00
		String buyer = customerWithReference(api, "123456789");
		String abc = fixtures.product("25.00", "20");
		assertThat(api.post("/api/v1/item-codes", map("customerId", buyer, "code", "ABC123", "sku", abc)).status())
			.isEqualTo(201);
		Api.Response plain = api.send("/api/v1/orders/import?format=edifact", sample("ORDERS_D96A_pydifact_order2.edi"),
				"application/edifact");
		assertThat(plain.status()).as(plain.toString()).isEqualTo(200);
		JsonNode o = api.get("/api/v1/orders/" + plain.json().get("data").get(0).get("id").asString()).json();
		assertThat(o.get("channel").asString()).isEqualTo("EDIFACT");
		assertThat(o.get("externalReference").asString()).isEqualTo("PO123456");
		assertThat(o.get("lines").get(0).get("sku").asString()).isEqualTo(abc);
		assertThat(o.get("lines").get(0).get("quantity").asString()).isEqualTo("10");

		// EANCOM with a decimal comma (UNA): GTINs mapped for every customer
		customerWithReference(api, "8711576000012");
		String first = fixtures.product("3.00", "20");
		String second = fixtures.product("4.00", "20");
		api.post("/api/v1/item-codes", map("code", "5020436373085", "sku", first));
		api.post("/api/v1/item-codes", map("code", "5020436373108", "sku", second));
		Api.Response eancom = api.send("/api/v1/orders/import", sample("ORDERS_D96A_EAN008_pydifact_order.edi"),
				"application/edifact");
		assertThat(eancom.status()).as(eancom.toString()).isEqualTo(200);
		JsonNode e = api.get("/api/v1/orders/" + eancom.json().get("data").get(0).get("id").asString()).json();
		assertThat(e.get("lines").size()).isEqualTo(2);
		assertThat(e.get("lines").get(1).get("sku").asString()).isEqualTo(second);

		// a full interchange with a functional group (UNG): read; its unknown item holds
		// it
		customerWithReference(api, "5400110000009");
		Api.Response grouped = api.send("/api/v1/orders/import", sample("ORDERS_D96B_EAN008B_in_D96A_group_staedi.edi"),
				"application/edifact");
		assertThat(grouped.status()).as(grouped.toString()).isEqualTo(200);
		assertThat(grouped.json().get("data").get(0).get("status").asString()).isEqualTo("ON_HOLD");
		assertThat(grouped.json().get("data").get(0).get("reasons").toString()).contains("5400111864181");

		// a message cut short is refused whole
		Api.Response cut = api.send("/api/v1/orders/import",
				"UNH+1+ORDERS:D:96A:UN'BGM+220+X+9'NAD+BY+123456789::9'LIN+1++ABC123:IN'"
					.getBytes(StandardCharsets.UTF_8),
				"application/edifact");
		assertThat(cut.status()).isEqualTo(422);
		assertThat(cut.body()).contains("UNT");
	}

	@Test
	void hostileXmlIsRefusedWithoutReadingAnything() {
		Api api = api();
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE o [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"><ID>&x;</ID></Order>";
		Api.Response r = api.xml("/api/v1/orders/import", xxe.getBytes(StandardCharsets.UTF_8));
		assertThat(r.status()).isEqualTo(422);
		assertThat(r.body()).doesNotContain("root:");
		String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
				+ "<Order><ID>&b;</ID></Order>";
		assertThat(api.xml("/api/v1/orders/import", laughs.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(422);
		assertThat(api.xml("/api/v1/orders/import", "<Order><ID>1".getBytes(StandardCharsets.UTF_8)).status())
			.isEqualTo(422);
	}

	@Test
	void aFileInAnotherEncodingOrTooLargeIsRefused() {
		Api api = api();
		byte[] latin1 = "customer,item,quantity\nSociété Générale,ABC,1\n".getBytes(StandardCharsets.ISO_8859_1);
		Api.Response wrong = api.csv("/api/v1/orders/import", latin1);
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.body()).contains("UTF-8");
		// read as a stream, it is stopped at 20 MB whatever its lines hold
		StringBuilder lines = new StringBuilder("customer,reference,item,quantity\n");
		while (lines.length() <= 21 * 1024 * 1024) {
			lines.append("CLIENT-INCONNU,PO-").append(lines.length()).append(",ABC,1\n");
		}
		byte[] huge = lines.toString().getBytes(StandardCharsets.UTF_8);
		Api.Response tooLarge = api.csv("/api/v1/orders/import", huge);
		assertThat(tooLarge.status()).isEqualTo(413);
		// UBL and EDIFACT are read whole, up to 20 MB and no further
		byte[] hugeXml = new byte[21 * 1024 * 1024];
		java.util.Arrays.fill(hugeXml, (byte) ' ');
		System.arraycopy("<Order>".getBytes(StandardCharsets.UTF_8), 0, hugeXml, 0, 7);
		assertThat(api.xml("/api/v1/orders/import", hugeXml).status()).isEqualTo(413);
		byte[] hugeEdi = new byte[21 * 1024 * 1024];
		java.util.Arrays.fill(hugeEdi, (byte) 'A');
		System.arraycopy("UNH+1+ORDERS:D:96A:UN'".getBytes(StandardCharsets.UTF_8), 0, hugeEdi, 0, 22);
		assertThat(api.send("/api/v1/orders/import", hugeEdi, "application/edifact").status()).isEqualTo(413);
	}

	@Test
	@org.springframework.security.test.context.support.WithMockUser(username = "sonia", roles = "SALES_ADMIN")
	void theExceptionsQueueShowsWhyAndReleasesFromThePage() throws Exception {
		Api api = api();
		String customer = new Fixtures(api).customer();
		Api.Response held = api.post("/api/v1/orders",
				map("customer", customer, "lines", List.of(map("item", "INCONNU-42", "quantity", "3"))));
		assertThat(held.get("status")).isEqualTo("ON_HOLD");
		String queue = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/orders/exceptions"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(queue).contains(held.get("number")).contains("INCONNU-42");
		String page = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/orders/" + held.get("id")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"hold\"").contains("id=\"release\"");
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/orders/" + held.get("id") + "/cancel")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("reason", "Article inconnu, le client commandera par téléphone"));
		assertThat(api.get("/api/v1/orders/" + held.get("id")).get("status")).isEqualTo("CANCELLED");
	}

	@Test
	void anOrderGoesFromConfirmedToInProgressToDeliveredAndClosedWithAPromisedDate() {
		Api api = api();
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("30.00", "20");
		Api.Response r = api.post("/api/v1/orders", map("customer", fixtures.customer(), "requestedDelivery",
				"2026-12-20", "lines", List.of(map("sku", sku, "quantity", "2"))));
		String id = r.get("id");
		assertThat(api.get("/api/v1/orders/" + id).get("requestedDelivery")).isEqualTo("2026-12-20");
		assertThat(api.post("/api/v1/orders/" + id + "/estimate", map("estimatedDelivery", "2026-12-18"))
			.get("estimatedDelivery")).isEqualTo("2026-12-18");
		assertThat(api.post("/api/v1/orders/" + id + "/estimate", map("estimatedDelivery", "2001-01-01")).status())
			.isEqualTo(422);
		assertThat(api.post("/api/v1/orders/" + id + "/close", null).status()).isEqualTo(409);
		assertThat(api.post("/api/v1/orders/" + id + "/start", null).get("status")).isEqualTo("IN_PROGRESS");
		fixtures.deliver(id, sku, "2");
		assertThat(api.get("/api/v1/orders/" + id).get("status")).isEqualTo("INVOICED");
		assertThat(api.post("/api/v1/orders/" + id + "/close", null).get("status")).isEqualTo("CLOSED");
		assertThat(api.post("/api/v1/orders/" + id + "/cancel", map("reason", "trop tard")).status()).isEqualTo(409);
	}

	@Autowired
	io.encaisse.shared.BusinessClock clock;

	@Autowired
	OrderAlerts alerts;

	@Test
	void ordersWaitingTooLongAtAStepAreListedAgainstTheirTargetsInWorkingDays() throws Exception {
		Api api = api();
		Fixtures fixtures = new Fixtures(api);
		String customer = fixtures.customer();
		String sku = fixtures.product("12.00", "20");
		String held = api
			.post("/api/v1/orders",
					map("customer", customer, "lines", List.of(map("item", "PAS-UN-SKU", "quantity", "1"))))
			.get("number");
		Api.Response promised = api.post("/api/v1/orders",
				map("customer", customer, "lines", List.of(map("sku", sku, "quantity", "2"))));
		api.post("/api/v1/orders/" + promised.get("id") + "/estimate",
				map("estimatedDelivery", api.get("/api/v1/orders/" + promised.get("id")).get("orderedOn")));
		assertThat(api.get("/api/v1/orders/late").body()).doesNotContain(held);
		try {
			this.clock.travelBy(java.time.Duration.ofDays(10));
			JsonNode late = api.get("/api/v1/orders/late").json().get("data");
			List<String> steps = new java.util.ArrayList<>();
			late.forEach(l -> {
				if (l.get("number").asString().equals(held) || l.get("orderId").asString().equals(promised.get("id"))) {
					steps.add(l.get("step").asString());
				}
			});
			assertThat(steps).contains("ON_HOLD", "NOT_STARTED", "DELIVERY_LATE");
			// the dashboard says so too, with the way to the worklist
			String dashboard = this.mvc
				.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/")
					.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
						.user("adv")
						.roles("SALES_ADMIN")))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(dashboard).contains("id=\"late-orders\"").contains("/orders/exceptions");
			// and sales administration gets them by mail
			com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
					new com.icegreen.greenmail.util.ServerSetup(3025, "localhost", "smtp"));
			smtp.start();
			try {
				assertThat(this.alerts.alert()).isPositive();
				var mails = smtp.getReceivedMessages();
				assertThat(mails).hasSize(1);
				assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("adv@encaisse.example");
				assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mails[0])).contains(held);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new AssertionError(ex);
			}
			finally {
				smtp.stop();
			}
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void workingDaysSkipWeekends() {
		// Friday 2026-11-27 to Monday 2026-11-30: one working day
		assertThat(OrderTimers.workingDays(java.time.LocalDate.of(2026, 11, 27), java.time.LocalDate.of(2026, 11, 30)))
			.isEqualTo(1);
	}

}
