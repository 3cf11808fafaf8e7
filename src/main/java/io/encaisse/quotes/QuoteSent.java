package io.encaisse.quotes;

/** A quote's revision is frozen and visible to the customer. */
public record QuoteSent(String quoteId, String quoteNumber, String customerId) {
}
