package io.encaisse.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import io.encaisse.support.OpenApiOperations;
import io.encaisse.support.OpenApiOperations.Operation;
import io.encaisse.support.OpenApiOperations.Parameter;
import io.encaisse.support.RowCounts;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.encaisse.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input battery (issue 21): every operation of the served OpenAPI document gets
 * the values that broke Encaisse once and random ones from a seed, one field, parameter
 * or header at a time, and whole broken bodies. Whatever comes, the answer is never a 5xx
 * and never shows a stack trace, and a refusal (4xx) writes nothing: the rows of every
 * table are counted around each case. {@code -Dencaisse.fuzz.cases=N} (default 1,200) and
 * {@code -Dencaisse.fuzz.seed=S} set the run; {@code bench/fuzz.sh} runs many more.
 */
abstract class ApiFuzzing {

	private static final Logger log = LoggerFactory.getLogger(ApiFuzzing.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String HOLE = "__FUZZ_VALUE__";

	static final int CASES = Integer.getInteger("encaisse.fuzz.cases", 1200);

	static final long SEED = Long.getLong("encaisse.fuzz.seed", 20261207L);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private OpenApiOperations openApiDocument;

	record Case(String operation, String label, String method, String path, String contentType, String body,
			Map<String, String> headers) {

		@Override
		public String toString() {
			String shown = this.body == null ? ""
					: this.body.length() > 120 ? this.body.substring(0, 120) + "…" : this.body;
			return this.method + " " + (this.path.length() > 160 ? this.path.substring(0, 160) + "…" : this.path) + " ["
					+ this.label + "] " + shown.replace('\u0000', '␀');
		}

	}

	@Test
	void noBadInputIsA500NorWritesAnything() {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Map<String, String> ids = targets(api);
		OpenApiOperations openApi = new OpenApiOperations(api.get("/api/v1/openapi.json").json());
		Random random = new Random(SEED);
		Map<String, List<Case>> byOperation = new TreeMap<>();
		for (Operation operation : openApi.all()) {
			if (operation.path().equals("/api/v1/gateway/events")) {
				continue; // a signature, not a role, admits it: GatewayEventTests
			}
			byOperation.put(operation.key(), cases(operation, ids, random));
		}
		List<Case> chosen = choose(byOperation, random);
		RowCounts rows = new RowCounts(this.jdbc);
		Map<String, Long> before = rows.now();
		List<String> failures = new ArrayList<>();
		Map<Integer, Integer> statuses = new TreeMap<>();
		// refused by the database's net rather than by a check naming the field
		Map<String, Integer> unnamed = new TreeMap<>();
		for (Case c : chosen) {
			Api.Response r = api.raw(c.method(), c.path(), c.contentType(), c.body(), c.headers());
			statuses.merge(r.status(), 1, Integer::sum);
			Map<String, Long> after = rows.now();
			if (r.status() >= 500) {
				failures.add(r.status() + " on " + c);
			}
			else if (r.body().contains("\tat ") || r.body().contains(".java:")) {
				failures.add("a stack trace on " + c);
			}
			else if (r.status() >= 400) {
				if (r.body().contains("than its field allows") || r.body().contains("cannot be stored")) {
					unnamed.merge(c.operation() + " " + c.label(), 1, Integer::sum);
				}
				Map<String, String> written = RowCounts.changed(before, after);
				if (!written.isEmpty()) {
					failures.add(r.status() + " but wrote " + written + " on " + c);
				}
			}
			before = after;
		}
		log.info("Fuzzed {} cases over {} operations (seed {}): answers {}", chosen.size(), byOperation.size(), SEED,
				statuses);
		if (!unnamed.isEmpty()) {
			log.warn("Refused by the database, not by a check naming the field: {}", unnamed);
		}
		assertThat(failures).as("%d of %d cases failed", failures.size(), chosen.size()).isEmpty();
	}

	/** Round robin over the operations, a random case of each at a time. */
	private static List<Case> choose(Map<String, List<Case>> byOperation, Random random) {
		List<List<Case>> pools = new ArrayList<>();
		byOperation.values().forEach(list -> pools.add(new ArrayList<>(list)));
		List<Case> chosen = new ArrayList<>();
		while (chosen.size() < CASES && pools.stream().anyMatch(p -> !p.isEmpty())) {
			for (List<Case> pool : pools) {
				if (!pool.isEmpty() && chosen.size() < CASES) {
					chosen.add(pool.remove(random.nextInt(pool.size())));
				}
			}
		}
		return chosen;
	}

	private List<Case> cases(Operation op, Map<String, String> ids, Random random) {
		List<Case> cases = new ArrayList<>();
		String path = fill(op, ids, Map.of());
		Map<String, String> query = baselineQuery(op, ids);
		String jsonBody = op.jsonBody() == null ? null : JSON.writeValueAsString(baseline(op.jsonBody(), "", ids));
		String type = op.jsonBody() == null ? null : "application/json";
		for (Parameter p : op.in("path")) {
			for (String value : BadValues.PARAMS) {
				cases.add(new Case(op.key(), "path " + p.name(), op.method(),
						fill(op, ids, Map.of(p.name(), value)) + queryString(query), type, jsonBody, Map.of()));
			}
		}
		for (Parameter p : op.in("query")) {
			for (String value : BadValues.PARAMS) {
				Map<String, String> q = new LinkedHashMap<>(query);
				q.put(p.name(), value);
				cases.add(new Case(op.key(), "query " + p.name(), op.method(), path + queryString(q), type, jsonBody,
						Map.of()));
			}
			if (p.required()) {
				Map<String, String> q = new LinkedHashMap<>(query);
				q.remove(p.name());
				cases.add(new Case(op.key(), "without " + p.name(), op.method(), path + queryString(q), type, jsonBody,
						Map.of()));
			}
		}
		String full = path + queryString(query);
		for (Parameter p : op.in("header")) {
			if (p.name().equals("If-Match")) {
				for (String value : BadValues.IF_MATCH) {
					cases.add(new Case(op.key(), "If-Match", op.method(), full, type, jsonBody,
							Map.of("If-Match", value)));
				}
			}
		}
		if (op.method().equals("GET")) {
			for (String accept : BadValues.ACCEPT) {
				cases.add(new Case(op.key(), "Accept", "GET", full, null, null, Map.of("Accept", accept)));
			}
		}
		if (op.jsonBody() != null) {
			JsonNode base = baseline(op.jsonBody(), "", ids);
			List<List<Object>> fields = new ArrayList<>();
			fieldPaths(base, new ArrayList<>(), fields);
			for (List<Object> field : fields) {
				for (String value : BadValues.JSON_VALUES) {
					cases.add(new Case(op.key(), "field " + field, op.method(), full, type,
							withValue(base, field, value), Map.of()));
				}
				for (int i = 0; i < 3; i++) {
					cases.add(new Case(op.key(), "field " + field + " generated", op.method(), full, type,
							withValue(base, field, BadValues.generated(random)), Map.of()));
				}
			}
			for (String body : BadValues.BODIES) {
				cases.add(new Case(op.key(), "body", op.method(), full, type, body, Map.of()));
			}
			cases.add(new Case(op.key(), "text/plain", op.method(), full, "text/plain", jsonBody, Map.of()));
			cases.add(new Case(op.key(), "no content type", op.method(), full, null, jsonBody, Map.of()));
		}
		else if (!op.method().equals("GET") && !op.method().equals("DELETE")) {
			for (String t : List.of("text/csv", "application/xml", "text/plain", "application/json")) {
				for (String body : List.of("", "\u0000", "a,b\n1e400,x\n", "<x>&xxe;</x>", BadValues.TEN_THOUSAND, "{}",
						"number,amount\n" + "9".repeat(40) + ",1e400\n")) {
					cases.add(new Case(op.key(), "file " + t, op.method(), full, t, body, Map.of()));
				}
			}
		}
		return cases;
	}

	private static String fill(Operation op, Map<String, String> ids, Map<String, String> override) {
		String path = op.path();
		for (Parameter p : op.in("path")) {
			String value = override.containsKey(p.name()) ? override.get(p.name()) : pathValue(op, p.name(), ids);
			path = path.replace("{" + p.name() + "}", encode(value));
		}
		return path;
	}

	private static String pathValue(Operation op, String name, Map<String, String> ids) {
		String resource = op.path().substring("/api/v1/".length()).split("/")[0];
		return switch (name) {
			case "sku" -> ids.get("sku");
			case "invoiceId" -> ids.get("issued");
			case "number", "revision" -> "1";
			case "reference" -> ids.get("mandate");
			default -> switch (resource) {
				case "customers" -> ids.get("customer");
				case "invoices" ->
					op.method().equals("GET") || op.path().contains("credit-notes") || op.path().contains("lifecycle")
							|| op.path().endsWith("/send") ? ids.get("issued") : ids.get("draft");
				case "quotes" -> ids.get("quote");
				case "orders" -> ids.get("order");
				case "payments" -> ids.get("payment");
				case "bank-accounts" -> ids.get("account");
				default -> "nothing_here";
			};
		};
	}

	private static Map<String, String> baselineQuery(Operation op, Map<String, String> ids) {
		Map<String, String> query = new LinkedHashMap<>();
		for (Parameter p : op.in("query")) {
			if (p.required()) {
				query.put(p.name(), p.name().equals("sku") ? ids.get("sku") : "1");
			}
		}
		return query;
	}

	private static String queryString(Map<String, String> query) {
		StringBuilder s = new StringBuilder();
		query.forEach((k, v) -> s.append(s.isEmpty() ? '?' : '&').append(encode(k)).append('=').append(encode(v)));
		return s.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * A plausible body for the schema, so that one bad field meets the code behind the
	 * parser.
	 */
	private JsonNode baseline(JsonNode schema, String name, Map<String, String> ids) {
		JsonNode resolved = this.openApiDocument.resolve(schema);
		String type = resolved.path("type").asString("object");
		switch (type) {
			case "object" -> {
				ObjectNode object = JSON.createObjectNode();
				JsonNode properties = resolved.get("properties");
				if (properties != null) {
					for (var property : properties.properties()) {
						object.set(property.getKey(), baseline(property.getValue(), property.getKey(), ids));
					}
				}
				else if (resolved.has("additionalProperties")) {
					object.put("SALES", "10.00");
				}
				return object;
			}
			case "array" -> {
				ArrayNode array = JSON.createArrayNode();
				array.add(baseline(resolved.path("items"), name, ids));
				return array;
			}
			case "integer" -> {
				return JSON.getNodeFactory().numberNode(30);
			}
			case "number" -> {
				return JSON.getNodeFactory().numberNode(1);
			}
			case "boolean" -> {
				return JSON.getNodeFactory().booleanNode(false);
			}
			default -> {
				return JSON.getNodeFactory()
					.stringNode("date".equals(resolved.path("format").asString(null)) ? Fixtures.today().toString()
							: text(name, ids));
			}
		}
	}

	private static String text(String name, Map<String, String> ids) {
		String n = name.toLowerCase();
		if (n.endsWith("customerid")) {
			return ids.get("customer");
		}
		if (n.endsWith("orderid")) {
			return ids.get("order");
		}
		if (n.endsWith("invoiceid") || n.endsWith("invoiceids")) {
			return ids.get("issued");
		}
		if (n.contains("iban")) {
			return "FR7630006000011234567890189";
		}
		return switch (n) {
			case "sku" -> ids.get("sku");
			case "currency" -> "EUR";
			case "bic" -> "BNPAFRPP";
			case "email" -> "compta@client.example";
			case "legalid" -> "732829320";
			case "vatnumber" -> "FR44732829320";
			case "country" -> "FR";
			case "postalcode" -> "75002";
			case "taxrate" -> "20.00";
			case "amount", "price", "unitprice", "creditlimit", "maxamount" -> "10.00";
			case "quantity" -> "1";
			case "discountpercent", "depositpercent" -> "5";
			case "role" -> "READ_ONLY";
			case "kind" -> "ISSUE";
			case "language" -> "fr";
			case "unit" -> "piece";
			case "visibility" -> "INTERNAL";
			default -> "Fuzz " + name;
		};
	}

	private static void fieldPaths(JsonNode node, List<Object> at, List<List<Object>> out) {
		if (node.isObject()) {
			for (var e : node.properties()) {
				List<Object> path = new ArrayList<>(at);
				path.add(e.getKey());
				out.add(path);
				fieldPaths(e.getValue(), path, out);
			}
		}
		else if (node.isArray() && !node.isEmpty()) {
			List<Object> path = new ArrayList<>(at);
			path.add(0);
			out.add(path);
			fieldPaths(node.get(0), path, out);
		}
	}

	private static String withValue(JsonNode base, List<Object> path, String raw) {
		JsonNode copy = base.deepCopy();
		JsonNode parent = copy;
		for (int i = 0; i < path.size() - 1; i++) {
			parent = path.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) path.get(i));
		}
		Object last = path.get(path.size() - 1);
		if (parent instanceof ObjectNode object) {
			object.put((String) last, HOLE);
		}
		else if (parent instanceof ArrayNode array) {
			array.set((Integer) last, JSON.getNodeFactory().stringNode(HOLE));
		}
		return JSON.writeValueAsString(copy).replace("\"" + HOLE + "\"", raw);
	}

	/**
	 * Real documents for the path parameters, so that cases reach past "not found": a
	 * customer, a product, a draft and an issued invoice, a quote, an order, a payment, a
	 * bank account and a mandate.
	 */
	private Map<String, String> targets(Api api) {
		this.openApiDocument = new OpenApiOperations(api.get("/api/v1/openapi.json").json());
		Fixtures fixtures = new Fixtures(api);
		Map<String, String> ids = new LinkedHashMap<>();
		ids.put("customer", fixtures.customer());
		ids.put("sku", fixtures.product("100.00", "20.00"));
		ids.put("order", fixtures.acceptedOrder(ids.get("customer"), ids.get("sku"), "5"));
		ids.put("issued", fixtures.deliver(ids.get("order"), ids.get("sku"), "1"));
		ids.put("quote", api
			.post("/api/v1/quotes",
					map("customerId", ids.get("customer"), "lines",
							List.of(map("sku", ids.get("sku"), "quantity", "1"))))
			.get("id"));
		ids.put("draft", api
			.post("/api/v1/invoices",
					map("customerId", ids.get("customer"), "currency", "EUR", "lines",
							List.of(map("sku", ids.get("sku"), "quantity", "1"))))
			.get("id"));
		ids.put("payment",
				api.post("/api/v1/payments", map("amount", "10.00", "currency", "EUR", "reference", "X")).get("id"));
		String iban = Fixtures.iban();
		ids.put("account",
				api.post("/api/v1/bank-accounts", map("name", "Fuzz", "iban", iban, "currency", "EUR")).get("id"));
		String mandate = Fixtures.unique("MANDATE");
		api.post("/api/v1/customers/" + ids.get("customer") + "/mandates",
				map("reference", mandate, "signedOn", Fixtures.today().toString(), "iban", Fixtures.iban()));
		ids.put("mandate", mandate);
		ids.values().forEach(id -> assertThat(id).isNotNull());
		return ids;
	}

}
