package io.encaisse.catalog;

import java.time.LocalDate;
import java.util.List;

import io.encaisse.customers.CustomerInput;
import io.encaisse.customers.Customers;
import io.encaisse.quotes.QuoteInput;
import io.encaisse.quotes.QuoteView;
import io.encaisse.quotes.Quotes;
import io.encaisse.shared.Today;
import io.encaisse.support.EncaisseTest;
import io.encaisse.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The product page shows its price history and which open quotes a coming price change
 * touches.
 */
@EncaisseTest
@AutoConfigureMockMvc
class ProductPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	PriceBook prices;

	@Autowired
	Customers customers;

	@Autowired
	Quotes quotes;

	@Autowired
	Today today;

	@Autowired
	Pricing pricing;

	@Test
	@WithMockUser(roles = "SALES")
	void theCatalogFiltersRetiredProductsAndARepQuotesOffCatalogFromTheForm() throws Exception {
		String sku = Fixtures.unique("OLD");
		this.catalog.create(new ProductInput(sku, "Old model", "piece", "5.5", "10", "EUR"));
		this.catalog.retire(sku);
		this.mvc.perform(get("/products").param("q", sku))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("href=\"/products/" + sku))));
		this.mvc.perform(get("/products").param("q", sku).param("status", "retired").param("rate", "5.50"))
			.andExpect(content().string(containsString("href=\"/products/" + sku)));
		String customer = this.customers
			.register(new CustomerInput(Fixtures.unique("Client"), null, null, null, null, 30, null, "EUR", "fr"))
			.id();
		this.mvc
			.perform(post("/quotes").with(csrf())
				.param("customerId", customer)
				.param("lines[0].quantity", "1")
				.param("lines[0].unitPrice", "150")
				.param("lines[0].description", "Déplacement")
				.param("lines[0].taxRate", "20.00"))
			.andExpect(status().is3xxRedirection());
		org.assertj.core.api.Assertions.assertThat(this.quotes.ofCustomer(customer))
			.singleElement()
			.satisfies(
					q -> org.assertj.core.api.Assertions.assertThat(q.status().name()).isEqualTo("PENDING_APPROVAL"));
	}

	@Test
	@WithMockUser(roles = "SALES_MANAGER")
	void aManagerGivesACustomerAPriceListFromThePriceListsPage() throws Exception {
		String sku = Fixtures.unique("LIST");
		this.catalog.create(new ProductInput(sku, "Listed", "piece", "20", null, "EUR"));
		this.prices.addPrice(sku, new PriceInput("export", "EUR", "80.00", this.today.date(), null, null));
		String customer = this.customers
			.register(new CustomerInput(Fixtures.unique("Client"), null, null, null, null, 30, null, "EUR", "fr"))
			.id();
		this.mvc.perform(get("/price-lists"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("export")));
		this.mvc
			.perform(
					post("/price-lists/assign").with(csrf()).param("customerId", customer).param("priceList", "export"))
			.andExpect(status().is3xxRedirection());
		org.assertj.core.api.Assertions.assertThat(this.pricing.priceListOf(customer)).isEqualTo("export");
	}

	@Test
	@WithMockUser(roles = "SALES_MANAGER")
	void aComingPriceShowsTheOpenQuotesStillValidWhenItStarts() throws Exception {
		String sku = Fixtures.unique("IMPACT");
		LocalDate now = this.today.date();
		this.catalog.create(new ProductInput(sku, "Impact", "piece", "20", null, "EUR"));
		this.prices.addPrice(sku, new PriceInput(null, "EUR", "100.00", now, now.plusDays(9), null));
		this.prices.addPrice(sku, new PriceInput(null, "EUR", "120.00", now.plusDays(10), null, null));
		String customer = this.customers
			.register(new CustomerInput(Fixtures.unique("Client"), null, null, null, null, 30, null, "EUR", "fr"))
			.id();
		QuoteView longQuote = this.quotes.create(new QuoteInput(customer, "EUR", now.plusDays(30), null,
				List.of(new QuoteInput.LineInput(sku, "1", null, null, null))));
		this.mvc.perform(get("/products/" + sku))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(longQuote.number())))
			.andExpect(content().string(containsString("still valid when the price of")))
			.andExpect(content().string(containsString("€120.00")));
	}

}
