package io.encaisse.collections;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.encaisse.customers.Customers;
import io.encaisse.shared.SignedLinks;
import io.encaisse.shared.Today;

import org.springframework.stereotype.Component;

/**
 * The customer's own link to their account (open invoices, statement, documents, a
 * dispute, a promise to pay, how to pay), signed and valid 120 days, mailed in every
 * reminder. The link is the credential: it opens one customer's account and nothing else.
 */
@Component
public class CustomerAccountLinks {

	static final String PURPOSE = "account";

	/** How long a link mailed today stays valid. */
	static final int VALID_DAYS = 120;

	private final SignedLinks links;

	private final Customers customers;

	private final Today today;

	CustomerAccountLinks(SignedLinks links, Customers customers, Today today) {
		this.links = links;
		this.customers = customers;
		this.today = today;
	}

	public record Link(String url, Instant expiresAt) {
	}

	/** A new link to the customer's account. */
	public Link of(String customerId) {
		this.customers.get(customerId);
		Instant expires = this.today.instant().plus(VALID_DAYS, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		return new Link(this.links.url("/portal/account/" + this.links.token(PURPOSE, expires, customerId)), expires);
	}

	/**
	 * What stands for a link where staff read a reminder (a preview): it opens nothing.
	 */
	public String placeholder() {
		return this.links.url("/portal/account/…");
	}

	/**
	 * The customer a token opens; a forged or foreign token is a 404, an expired one a
	 * 409.
	 */
	public String customerOf(String token) {
		return this.links.fields(PURPOSE, token)[0];
	}

}
