package io.encaisse.invoicing.lifecycle;

/**
 * How an issued invoice reaches the buyer through an approved platform (plateforme
 * agréée). One class per platform: it receives the invoice's documents and says whether
 * the platform took it. The platforms' APIs come later; the file drop is the first.
 */
public interface PlatformConnector {

	/** The name recorded with each status the connector reports, e.g. "file-drop". */
	String name();

	/** Hands the invoice to the platform; a refusal is an answer, not an exception. */
	Submission submit(Document document);

	/**
	 * What a platform receives: the Factur-X PDF and the UBL, with the invoice's number.
	 */
	record Document(String invoiceId, String number, String buyerRoutingCode, byte[] facturX, byte[] ubl) {
	}

	/** The platform's answer: taken (200), or rejected (213) with why. */
	record Submission(boolean accepted, String reference, String reason) {
	}

}
