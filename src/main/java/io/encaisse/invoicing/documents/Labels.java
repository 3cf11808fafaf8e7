package io.encaisse.invoicing.documents;

import java.util.Map;

/** The words of an invoice, in the customer's language. */
final class Labels {

	private static final Map<String, String> FR = Map.ofEntries(Map.entry("invoice", "Facture"),
			Map.entry("creditNote", "Avoir"), Map.entry("capital", "au capital de"), Map.entry("vat", "TVA"),
			Map.entry("billTo", "Facturé à"), Map.entry("issueDate", "Date de facture"),
			Map.entry("dueDate", "Échéance"), Map.entry("saleDate", "Date de livraison"),
			Map.entry("creditFor", "Avoir sur la facture"), Map.entry("operation", "Catégorie d'opération"),
			Map.entry("goods", "livraison de biens"), Map.entry("services", "prestation de services"),
			Map.entry("mixed", "livraison de biens et prestation de services"), Map.entry("description", "Désignation"),
			Map.entry("qty", "Qté"), Map.entry("unitPrice", "PU HT"), Map.entry("discount", "Remise"),
			Map.entry("vatRate", "TVA"), Map.entry("net", "Total HT"), Map.entry("totalNet", "Total HT"),
			Map.entry("total", "Total TTC"), Map.entry("amountDue", "Net à payer"),
			Map.entry("payBy", "Règlement par virement sur l'IBAN"), Map.entry("reference", "référence"),
			Map.entry("noDiscount", "Pas d'escompte pour paiement anticipé."),
			Map.entry("penalties",
					"En cas de retard de paiement : pénalités au taux de la BCE majoré de 10 points, et indemnité forfaitaire pour frais de recouvrement de 40 € (art. L441-10 et D441-5 du Code de commerce)."),
			Map.entry("vatOnDebits", "TVA acquittée sur les encaissements."), Map.entry("lineTotal", "Total lignes HT"),
			Map.entry("allowance", "Remise"), Map.entry("charge", "Frais"), Map.entry("buyerVat", "TVA client"),
			Map.entry("depositInvoice", "Facture d'acompte"), Map.entry("depositDeducted", "Acompte déduit"),
			Map.entry("shipTo", "Livré à"));

	private static final Map<String, String> EN = Map.ofEntries(Map.entry("invoice", "Invoice"),
			Map.entry("creditNote", "Credit note"), Map.entry("capital", "with a share capital of"),
			Map.entry("vat", "VAT"), Map.entry("billTo", "Bill to"), Map.entry("issueDate", "Invoice date"),
			Map.entry("dueDate", "Due date"), Map.entry("saleDate", "Delivery date"),
			Map.entry("creditFor", "Credit note for invoice"), Map.entry("operation", "Category of operation"),
			Map.entry("goods", "supply of goods"), Map.entry("services", "supply of services"),
			Map.entry("mixed", "supply of goods and services"), Map.entry("description", "Description"),
			Map.entry("qty", "Qty"), Map.entry("unitPrice", "Unit price"), Map.entry("discount", "Discount"),
			Map.entry("vatRate", "VAT"), Map.entry("net", "Net"), Map.entry("totalNet", "Total net"),
			Map.entry("total", "Total incl. VAT"), Map.entry("amountDue", "Amount due"),
			Map.entry("payBy", "Pay by transfer to IBAN"), Map.entry("reference", "reference"),
			Map.entry("noDiscount", "No discount for early payment."),
			Map.entry("penalties",
					"Late payment: interest at the ECB rate plus 10 points, and a fixed recovery indemnity of EUR 40 (French Commercial Code L441-10, D441-5)."),
			Map.entry("vatOnDebits", "VAT paid on receipts."), Map.entry("lineTotal", "Lines total"),
			Map.entry("allowance", "Allowance"), Map.entry("charge", "Charge"), Map.entry("buyerVat", "Buyer VAT"),
			Map.entry("depositInvoice", "Deposit invoice"), Map.entry("depositDeducted", "Deposit deducted"),
			Map.entry("shipTo", "Deliver to"));

	private Labels() {
	}

	static Map<String, String> of(String language) {
		return "en".equals(language) ? EN : FR;
	}

}
