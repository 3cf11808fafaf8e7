package io.encaisse.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
