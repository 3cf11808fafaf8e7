package io.encaisse.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * Open documents that sell a product (quotes now, contracts later), so that the product
 * page can show what a coming price change touches. Implemented downstream by the modules
 * that own those documents.
 */
public interface ProductUsage {

	List<OpenDocument> openDocumentsWith(String sku);

	/**
	 * An open document with the product: what it is, where to see it, until when it holds
	 * its price.
	 */
	record OpenDocument(String label, String href, String status, LocalDate validUntil) {
	}

}
