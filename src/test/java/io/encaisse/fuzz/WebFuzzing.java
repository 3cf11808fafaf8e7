package io.encaisse.fuzz;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import io.encaisse.support.EncaisseTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input battery of the web UI (issue 21): logged in as an admin on the demo data,
 * it walks the pages from the dashboard, fills every form it finds with the values that
 * broke Encaisse once, one field at a time, and opens every page that takes an id with
 * ids that do not exist. No answer is a 5xx or shows a stack trace; an unknown document
 * is a 404. {@code -Dencaisse.fuzz.forms=N} (default 600) bounds the form cases.
 */
abstract class WebFuzzing {

	private static final Logger log = LoggerFactory.getLogger(WebFuzzing.class);

	static final int FORM_CASES = Integer.getInteger("encaisse.fuzz.forms", 600);

	static final List<String> VALUES = List.of("", " ", "\u0000", "a\u0000b", "x".repeat(200_000),
			BadValues.TEN_THOUSAND, "1e400", "-5", "0", "123456789012345678901234567890", "2026-02-30", "0000-01-01",
			"<script>alert(1)</script>", "\u202eé漢字🙂", "abc", "' OR 1=1 --", "99999999999");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	record Form(String page, String action, Map<String, String> fields, Set<String> fuzzable) {
	}

	@Test
	void noFormOrPageAnswersA500AndUnknownDocumentsAreA404() throws Exception {
		logIn();
		List<String> failures = new ArrayList<>();
		List<Form> forms = crawl(failures);
		Random random = new Random(ApiFuzzing.SEED);
		List<String[]> cases = new ArrayList<>();
		for (int f = 0; f < forms.size(); f++) {
			for (String field : forms.get(f).fuzzable()) {
				for (int v = 0; v < VALUES.size(); v++) {
					cases.add(new String[] { Integer.toString(f), field, Integer.toString(v) });
				}
			}
		}
		java.util.Collections.shuffle(cases, random);
		Map<Integer, Integer> statuses = new TreeMap<>();
		for (String[] c : cases.subList(0, Math.min(FORM_CASES, cases.size()))) {
			Form form = forms.get(Integer.parseInt(c[0]));
			Map<String, String> fields = new LinkedHashMap<>(form.fields());
			fields.put(c[1], VALUES.get(Integer.parseInt(c[2])));
			HttpResponse<String> r = post(form.action(), fields);
			statuses.merge(r.statusCode(), 1, Integer::sum);
			check(r, "POST " + form.action() + " (form of " + form.page() + ") " + c[1] + "="
					+ abbreviate(VALUES.get(Integer.parseInt(c[2]))), failures);
		}
		for (String pattern : detailPages()) {
			for (String id : List.of("x", "nothing_here", "inv_01ZZZZZZZZZZZZZZZZZZZZZZZZ")) {
				HttpResponse<String> r = get(pattern.replaceAll("\\{[^}]+}", id));
				// 404, or 400 where the page also needs parameters (a diff of two
				// revisions),
				// or 410 for a link that no longer opens
				if (r.statusCode() != 404 && r.statusCode() != 400 && r.statusCode() != 410) {
					failures.add(r.statusCode() + " instead of 404 on " + pattern + " with " + id);
				}
			}
		}
		log.info("Web fuzz: {} forms, {} of {} form cases sent, answers {}", forms.size(),
				Math.min(FORM_CASES, cases.size()), cases.size(), statuses);
		assertThat(forms).as("forms found").hasSizeGreaterThan(10);
		assertThat(failures).isEmpty();
	}

	private void check(HttpResponse<String> r, String what, List<String> failures) {
		if (r.statusCode() >= 500) {
			failures.add(r.statusCode() + " on " + what);
		}
		else if (r.body().contains("\tat ") || r.body().contains(".java:")) {
			failures.add("a stack trace on " + what);
		}
	}

	/**
	 * The pages reachable from the dashboard, and their forms; a few pages of each kind.
	 */
	private List<Form> crawl(List<String> failures) throws Exception {
		Deque<String> queue = new ArrayDeque<>(List.of("/"));
		Set<String> seen = new LinkedHashSet<>(queue);
		Map<String, Integer> perShape = new HashMap<>();
		Map<String, Form> forms = new LinkedHashMap<>();
		while (!queue.isEmpty() && seen.size() < 400) {
			String path = queue.poll();
			HttpResponse<String> page = get(path);
			check(page, "GET " + path, failures);
			String type = page.headers().firstValue("Content-Type").orElse("");
			if (page.statusCode() != 200 || !type.startsWith("text/html")) {
				continue;
			}
			Document html = Jsoup.parse(page.body(), "http://localhost:" + this.port + path);
			for (Element a : html.select("a[href]")) {
				String href = a.attr("href");
				if (!href.startsWith("/") || href.startsWith("//") || href.startsWith("/logout")
						|| href.startsWith("/portal") || href.contains("lang=")) {
					continue;
				}
				String shape = href.replaceAll("[a-z]{3}_[0-9A-Z]{26}", "{id}").replaceAll("\\?.*", "");
				if (seen.contains(href) || perShape.merge(shape, 1, Integer::sum) > 2) {
					continue;
				}
				seen.add(href);
				queue.add(href);
			}
			for (Element form : html.select("form")) {
				if (!"post".equalsIgnoreCase(form.attr("method"))) {
					continue;
				}
				String action = form.attr("action").isEmpty() ? path : form.attr("action");
				if (action.startsWith("/logout") || !action.startsWith("/")) {
					continue;
				}
				Map<String, String> fields = new LinkedHashMap<>();
				Set<String> fuzzable = new LinkedHashSet<>();
				for (Element input : form.select("input[name], textarea[name], select[name]")) {
					String name = input.attr("name");
					String kind = input.attr("type");
					if (("checkbox".equals(kind) || "radio".equals(kind)) && !input.hasAttr("checked")) {
						fuzzable.add(name);
						continue;
					}
					String value = input.tagName().equals("textarea") ? input.text()
							: input.tagName().equals("select") ? selected(input) : input.attr("value");
					fields.putIfAbsent(name, value);
					if (!name.equals("_csrf")) {
						fuzzable.add(name);
					}
				}
				String key = action.replaceAll("[a-z]{3}_[0-9A-Z]{26}", "{id}") + fields.keySet();
				forms.putIfAbsent(key, new Form(path, action, fields, fuzzable));
			}
		}
		return new ArrayList<>(forms.values());
	}

	private static String selected(Element select) {
		Element option = select.selectFirst("option[selected]");
		option = option == null ? select.selectFirst("option") : option;
		return option == null ? "" : option.hasAttr("value") ? option.attr("value") : option.text();
	}

	/** The pages that show one document by its id. */
	private List<String> detailPages() {
		Set<String> patterns = new java.util.TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			if (!method.getBeanType().getPackageName().startsWith("io.encaisse")) {
				return;
			}
			boolean get = info.getMethodsCondition().getMethods().isEmpty() || info.getMethodsCondition()
				.getMethods()
				.contains(org.springframework.web.bind.annotation.RequestMethod.GET);
			for (String pattern : info.getPatternValues()) {
				if (get && !pattern.startsWith("/api/") && pattern.contains("{")) {
					patterns.add(pattern);
				}
			}
		});
		return new ArrayList<>(patterns);
	}

	private void logIn() throws Exception {
		HttpResponse<String> page = get("/login");
		String csrf = Jsoup.parse(page.body()).select("input[name=_csrf]").attr("value");
		HttpResponse<String> in = post("/login",
				Map.of("username", "admin", "password", EncaisseTest.ADMIN_PASSWORD, "_csrf", csrf));
		assertThat(in.headers().firstValue("Location").orElse("")).doesNotContain("/login");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String action, Map<String, String> fields) throws Exception {
		StringBuilder body = new StringBuilder();
		fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + action))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String abbreviate(String value) {
		String shown = value.replace('\u0000', '␀');
		return shown.length() <= 40 ? shown : shown.substring(0, 40) + "…(" + shown.length() + ")";
	}

}
