package io.encaisse.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.encaisse.support.Api;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person walks the chain in a real browser (Debian's headless Chromium): log in, create
 * a customer and a product, build a quote, send it, record its acceptance, see the order,
 * record a delivery, open the invoice and its PDF, record a payment, see the invoice paid
 * and the aging report change.
 */
@EncaisseTest
class BrowserJourneyTests {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String DRIVER = "/usr/bin/chromedriver";

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	ChromeDriver browser;

	Path profile;

	@BeforeEach
	void openBrowser() throws Exception {
		Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute(),
				"Browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver); .ci/run installs them");
		this.profile = Files.createTempDirectory("encaisse-chromium");
		System.setProperty("webdriver.chrome.driver", DRIVER);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
				"--no-first-run", "--lang=en-US", "--window-size=1366,900", "--user-data-dir=" + this.profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		this.browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.profile != null) {
			FileSystemUtils.deleteRecursively(this.profile.toFile());
		}
	}

	@Test
	void aPersonWalksFromQuoteToCashInTheBrowser() throws Exception {
		open("/");
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		type("username", "admin");
		type("password", EncaisseTest.ADMIN_PASSWORD);
		click("login");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Receivables at a glance");

		String customer = Fixtures.unique("Boulangerie");
		open("/customers/new");
		type("name", customer);
		type("legalId", "732829320");
		type("vatNumber", "FR44732829320");
		type("line1", "3 place des Terreaux");
		type("postalCode", "69001");
		type("city", "Lyon");
		click("save");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo(customer);

		String sku = Fixtures.unique("PAIN");
		open("/products/new");
		type("sku", sku);
		type("name", "Four à pain");
		type("price", "1500.00");
		click("save");
		assertThat(this.browser.getCurrentUrl()).endsWith("/products/" + sku);

		open("/quotes/new");
		new Select(this.browser.findElement(By.id("customerId"))).selectByVisibleText(customer);
		new Select(this.browser.findElement(By.id("sku0"))).selectByValue(sku);
		type("qty0", "2");
		click("save");
		assertThat(text("status")).isEqualTo("Draft");
		assertThat(text("total")).contains("3,600.00");
		click("send");
		assertThat(text("status")).isEqualTo("Sent");
		click("accept");
		assertThat(text("status")).isEqualTo("Accepted");

		click("order-link");
		assertThat(text("status")).isEqualTo("Confirmed");
		String orderUrl = this.browser.getCurrentUrl();
		WebElement quantity = this.browser.findElement(By.id("deliver1"));
		quantity.clear();
		quantity.sendKeys("1");
		click("deliver");
		assertThat(text("status")).isEqualTo("Partially delivered");

		open("/reports/aging");
		String agingBefore = text("aging-total");

		this.browser.get(orderUrl);
		follow(this.browser.findElement(By.className("invoice-link")));
		assertThat(text("status")).isEqualTo("Issued");
		assertThat(text("amount-due")).contains("1,800.00");
		String reference = text("payment-reference");
		assertThat(reference).startsWith("RF");
		String invoiceUrl = this.browser.getCurrentUrl();
		String pdfType = (String) ((JavascriptExecutor) this.browser)
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "fetch(document.getElementById('download-pdf').href).then(r => r.arrayBuffer().then(b => done(r.headers.get('content-type') + ' ' + b.byteLength)));");
		assertThat(pdfType).startsWith("application/pdf");

		open("/payments/new");
		type("amount", "1800.00");
		type("reference", "VIR SEPA " + reference);
		click("save");
		assertThat(text("status")).isEqualTo("Matched");

		this.browser.get(invoiceUrl);
		assertThat(text("status")).isEqualTo("Paid");
		open("/reports/aging");
		assertThat(text("aging-total")).isNotEqualTo(agingBefore);
		screenshot("aging");
	}

	/**
	 * A collector's morning: the worklist shows a customer 60 days late, the preview says
	 * what today's run would send, the run sends it (after the confirmation), the
	 * customer's page shows the reminder and the statement of account, and the customer
	 * can be left out of dunning from there.
	 */
	@Test
	void aCollectorWorksTheWorklistInTheBrowser() throws Exception {
		Api api = new Api(this.port, EncaisseTest.ADMIN_KEY);
		Fixtures fixtures = new Fixtures(api);
		String sku = fixtures.product("800000.00", "20");
		String customer = fixtures.customer();
		this.jdbc.sql("update customer set credit_limit = null where id = :id").param("id", customer).update();
		String invoice = fixtures.deliver(fixtures.acceptedOrder(customer, sku, "1"), sku, "1");
		this.jdbc.sql("update invoice set due_date = due_date - 90 where id = :i").param("i", invoice).update();
		String name = api.get("/api/v1/customers/" + customer).get("name");

		open("/");
		type("username", "admin");
		type("password", EncaisseTest.ADMIN_PASSWORD);
		click("login");
		open("/collections");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Collections");
		WebElement row = this.browser.findElement(By.xpath("//table[@id='worklist']//tr[td/a[text()='" + name + "']]"));
		assertThat(row.getText()).contains("960,000.00").contains("First reminder due");
		click("preview");
		assertThat(this.browser.findElement(By.id("previewed")).getText()).contains(name).contains("Formal notice");
		screenshot("collections-preview");

		WebElement run = this.browser.findElement(By.id("run"));
		WebElement page = this.browser.findElement(By.tagName("html"));
		run.click();
		this.browser.switchTo().alert().accept();
		new WebDriverWait(this.browser, Duration.ofSeconds(30)).until(d -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.WebDriverException gone) {
				return true;
			}
		});
		assertThat(this.browser.findElement(By.xpath("//table[@id='worklist']//tr[td/a[text()='" + name + "']]"))
			.getText()).contains("Follow up level 3");

		// the keyboard: j to the customer's row, c to log a call on the collector's desk
		List<WebElement> rows = this.browser.findElements(By.xpath("//table[@id='worklist']/tbody/tr"));
		int index = 0;
		while (!rows.get(index).getText().contains(name)) {
			index++;
		}
		WebElement body = this.browser.findElement(By.tagName("body"));
		for (int i = 0; i <= index; i++) {
			body.sendKeys("j");
		}
		this.browser.switchTo().activeElement().sendKeys("c");
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(d -> d.getCurrentUrl().endsWith("/collections/customers/" + customer + "#call"));
		// the page opens with the cursor in the call form
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(d -> "call-outcome".equals(d.switchTo().activeElement().getAttribute("id")));
		assertThat(this.browser.findElement(By.id("open-invoices")).getText()).contains("960,000.00").contains("40.00");
		// issued today for 960,000.00, all still open: 90 days of sales outstanding
		assertThat(this.browser.findElement(By.id("paying-habits")).getText()).contains("90.0 days");
		type("call-body", "Promised to pay next week");
		click("call-save");
		assertThat(this.browser.findElement(By.id("notes")).getText()).contains("Call · Reached")
			.contains("Promised to pay next week");
		click("assign-me");
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("Collector: admin");
		screenshot("collections-desk");
		open("/collections?mine=true");
		assertThat(this.browser.findElement(By.id("worklist")).getText()).contains(name);
		open("/");
		assertThat(this.browser.findElement(By.id("collections")).getText())
			.contains("Collection effectiveness over 90 days");

		open("/customers/" + customer);
		String section = this.browser.findElement(By.xpath("//section[h2[text()='Collections']]")).getText();
		assertThat(section).contains("Statement of account").contains("L3 · 1").contains("Formal notice");
		String pdf = (String) ((JavascriptExecutor) this.browser)
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "fetch(document.evaluate(\"//a[text()='Statement of account']\", document, null, 9, null).singleNodeValue.href)"
					+ ".then(r => r.arrayBuffer().then(b => done(r.headers.get('content-type') + ' ' + b.byteLength)));");
		assertThat(pdf).startsWith("application/pdf");
		click("toggle-collections.dunned");
		assertThat(api.get("/api/v1/customers/" + customer + "/collection-settings").get("excluded")).isEqualTo("true");
		screenshot("collections-customer");
	}

	private void open(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

	private void type(String id, String value) {
		WebElement field = this.browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(value);
	}

	private void click(String id) {
		follow(this.browser.findElement(By.id(id)));
	}

	/**
	 * Clicks what leaves the page: waits for the old page to go, then for the new one to
	 * load.
	 */
	private void follow(WebElement element) {
		WebElement page = this.browser.findElement(By.tagName("html"));
		element.click();
		// the old page is gone once its root can no longer be asked anything (Chromium
		// 156 answers "node does not belong to the document" rather than "stale")
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until(d -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.WebDriverException gone) {
				return true;
			}
		});
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText().trim();
	}

	private void screenshot(String name) throws Exception {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

}
