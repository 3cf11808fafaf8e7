package io.encaisse.payments.sepa;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The pain.008.001.02 file that asks our bank to collect SEPA direct debits (CORE): one
 * payment information per sequence type (first, recurring), each transaction with its
 * end-to-end id, mandate and debtor. Pure: what to write comes in, the bytes go out.
 */
public final class Pain008 {

	/** The characters the SEPA rulebook lets through. */
	static final String SEPA_TEXT = "[^A-Za-z0-9/?:().,'+ -]";

	private Pain008() {
	}

	/** Who collects, from which account, under which identifier. */
	public record Creditor(String name, String schemeId, String iban, String bic) {
	}

	/** One debit: the invoice it collects and the debtor's mandate and account. */
	public record Transaction(String endToEndId, BigDecimal amount, String sequenceType, String mandateReference,
			LocalDate signedOn, String debtorName, String debtorIban, String debtorBic, String invoiceNumber) {
	}

	/** A collection: its message id, when it was made, the date asked, the debits. */
	public record Collection(String messageId, Instant createdAt, LocalDate collectionDate, BigDecimal total,
			List<Transaction> transactions) {
	}

	/** An end-to-end id for an invoice number: its SEPA characters, 35 at most. */
	public static String endToEndId(String invoiceNumber) {
		String e2e = invoiceNumber.replaceAll(SEPA_TEXT, "");
		return e2e.length() > 35 ? e2e.substring(0, 35) : e2e;
	}

	public static byte[] write(Creditor creditor, Collection c) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			x.writeStartDocument("UTF-8", "1.0");
			x.writeStartElement("Document");
			x.writeDefaultNamespace("urn:iso:std:iso:20022:tech:xsd:pain.008.001.02");
			x.writeStartElement("CstmrDrctDbtInitn");
			x.writeStartElement("GrpHdr");
			text(x, "MsgId", c.messageId());
			text(x, "CreDtTm",
					LocalDateTime.ofInstant(c.createdAt(), ZoneOffset.UTC)
						.withNano(0)
						.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
			text(x, "NbOfTxs", String.valueOf(c.transactions().size()));
			text(x, "CtrlSum", amount(c.total()));
			x.writeStartElement("InitgPty");
			text(x, "Nm", sepa(creditor.name(), 70));
			x.writeEndElement();
			x.writeEndElement();
			for (String sequence : List.of("FRST", "RCUR")) {
				List<Transaction> items = c.transactions()
					.stream()
					.filter(i -> i.sequenceType().equals(sequence))
					.toList();
				if (!items.isEmpty()) {
					paymentInformation(x, creditor, c, sequence, items);
				}
			}
			x.writeEndElement();
			x.writeEndElement();
			x.writeEndDocument();
			x.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	private static void paymentInformation(XMLStreamWriter x, Creditor creditor, Collection c, String sequence,
			List<Transaction> items) throws XMLStreamException {
		x.writeStartElement("PmtInf");
		text(x, "PmtInfId", c.messageId() + "-" + sequence);
		text(x, "PmtMtd", "DD");
		text(x, "BtchBookg", "true");
		text(x, "NbOfTxs", String.valueOf(items.size()));
		text(x, "CtrlSum", amount(items.stream().map(Transaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add)));
		x.writeStartElement("PmtTpInf");
		x.writeStartElement("SvcLvl");
		text(x, "Cd", "SEPA");
		x.writeEndElement();
		x.writeStartElement("LclInstrm");
		text(x, "Cd", "CORE");
		x.writeEndElement();
		text(x, "SeqTp", sequence);
		x.writeEndElement();
		text(x, "ReqdColltnDt", c.collectionDate().toString());
		x.writeStartElement("Cdtr");
		text(x, "Nm", sepa(creditor.name(), 70));
		x.writeEndElement();
		account(x, "CdtrAcct", creditor.iban());
		agent(x, "CdtrAgt", creditor.bic());
		text(x, "ChrgBr", "SLEV");
		x.writeStartElement("CdtrSchmeId");
		x.writeStartElement("Id");
		x.writeStartElement("PrvtId");
		x.writeStartElement("Othr");
		text(x, "Id", creditor.schemeId());
		x.writeStartElement("SchmeNm");
		text(x, "Prtry", "SEPA");
		x.writeEndElement();
		x.writeEndElement();
		x.writeEndElement();
		x.writeEndElement();
		x.writeEndElement();
		for (Transaction item : items) {
			transaction(x, item);
		}
		x.writeEndElement();
	}

	private static void transaction(XMLStreamWriter x, Transaction item) throws XMLStreamException {
		x.writeStartElement("DrctDbtTxInf");
		x.writeStartElement("PmtId");
		text(x, "EndToEndId", item.endToEndId());
		x.writeEndElement();
		x.writeStartElement("InstdAmt");
		x.writeAttribute("Ccy", "EUR");
		x.writeCharacters(amount(item.amount()));
		x.writeEndElement();
		x.writeStartElement("DrctDbtTx");
		x.writeStartElement("MndtRltdInf");
		text(x, "MndtId", item.mandateReference());
		text(x, "DtOfSgntr", item.signedOn().toString());
		x.writeEndElement();
		x.writeEndElement();
		agent(x, "DbtrAgt", item.debtorBic());
		x.writeStartElement("Dbtr");
		text(x, "Nm", sepa(item.debtorName(), 70));
		x.writeEndElement();
		account(x, "DbtrAcct", item.debtorIban());
		x.writeStartElement("RmtInf");
		text(x, "Ustrd", sepa("Facture " + item.invoiceNumber(), 140));
		x.writeEndElement();
		x.writeEndElement();
	}

	private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
		x.writeStartElement(name);
		x.writeCharacters(value);
		x.writeEndElement();
	}

	private static void account(XMLStreamWriter x, String name, String iban) throws XMLStreamException {
		x.writeStartElement(name);
		x.writeStartElement("Id");
		text(x, "IBAN", iban);
		x.writeEndElement();
		x.writeEndElement();
	}

	private static void agent(XMLStreamWriter x, String name, String bic) throws XMLStreamException {
		x.writeStartElement(name);
		x.writeStartElement("FinInstnId");
		if (bic != null && !bic.isBlank()) {
			text(x, "BIC", bic);
		}
		else {
			x.writeStartElement("Othr");
			text(x, "Id", "NOTPROVIDED");
			x.writeEndElement();
		}
		x.writeEndElement();
		x.writeEndElement();
	}

	private static String amount(BigDecimal value) {
		return value.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
	}

	/** Text within the SEPA character set: accents dropped, anything else a space. */
	public static String sepa(String text, int max) {
		String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace("&", "+")
			.replaceAll(SEPA_TEXT, " ")
			.replaceAll("\\s+", " ")
			.trim();
		return plain.isEmpty() ? "NOTPROVIDED" : plain.length() > max ? plain.substring(0, max) : plain;
	}

}
