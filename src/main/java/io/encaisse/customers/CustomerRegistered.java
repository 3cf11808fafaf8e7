package io.encaisse.customers;

/** A new customer exists. */
public record CustomerRegistered(String customerId, String name) {
}
