package io.encaisse.catalog;

/** A product as the API or the page sends it; prices are decimal strings. */
public record ProductInput(String sku, String name, String unit, String taxRate, String price, String currency) {
}
