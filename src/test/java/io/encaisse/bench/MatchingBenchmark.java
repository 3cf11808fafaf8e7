package io.encaisse.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;

import io.encaisse.payments.matching.Matcher;
import io.encaisse.payments.statements.Camt053;

/**
 * Issue 6's matching benchmark: a generated 100,000-entry camt.053 against 1,000,000 open
 * invoices. Times reading the statement (the application's streaming reader) and deciding
 * every entry (the application's {@link Matcher}, over the ledger held in memory), and
 * scores the decisions against the generator's truth. Run with
 * {@code bench/matching.sh [invoices] [entries] [seed]}; it runs under -Xmx1g, so it
 * would fail rather than use more heap.
 */
public final class MatchingBenchmark {

	private MatchingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int invoices = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		int entryCount = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
		long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
		Matcher.Tolerance tolerance = new Matcher.Tolerance(new BigDecimal("10.00"), new BigDecimal("2"));

		long t0 = System.nanoTime();
		MemoryLedger ledger = new MemoryLedger();
		MatchingData data = new MatchingData(seed, invoices, entryCount, ledger);
		long generated = System.nanoTime();
		Path file = Path.of("target", "bench", "camt053-" + entryCount + ".xml");
		Files.createDirectories(file.getParent());
		write(file, data.entries);
		long written = System.nanoTime();
		System.gc();
		long liveBefore = used();
		resetPeaks();

		long start = System.nanoTime();
		List<Camt053.Statement> statements;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			statements = Camt053.read(in);
		}
		long parsed = System.nanoTime();
		List<Camt053.Entry> entries = statements.get(0).entries();
		MatchingScore score = new MatchingScore();
		// every decision, its reasons and confidences included: an optimisation must not
		// change one
		java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
		for (int i = 0; i < entries.size(); i++) {
			Camt053.Entry e = entries.get(i);
			if (!e.credit()) {
				continue;
			}
			Matcher.Decision d = Matcher.decide(new Matcher.Received(e.amount(), e.currency(), e.remittance(),
					e.debtorIban(), e.debtorName(), null), ledger, tolerance);
			ledger.apply(d);
			score.add(data.entries.get(i), d);
			digest.update(d.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		long done = System.nanoTime();
		long peak = peakHeap();
		System.gc();
		long liveAfter = used();

		double seconds = (done - start) / 1e9;
		System.out.printf(Locale.ROOT, "%d open invoices, %d entries (%d credits), seed %d, file %.1f MB%n",
				ledger.invoices(), entries.size(), score.credits, seed, Files.size(file) / 1e6);
		System.out.printf(Locale.ROOT, "generated in %.1f s, written in %.1f s%n", (generated - t0) / 1e9,
				(written - generated) / 1e9);
		System.out.printf(Locale.ROOT, "read the statement: %.2f s; matched: %.2f s; total %.2f s = %.0f entries/s%n",
				(parsed - start) / 1e9, (done - parsed) / 1e9, seconds, entries.size() / seconds);
		System.out.printf(Locale.ROOT,
				"heap: live before %d MB (the ledger), live after %d MB, highest pool peaks summed %d MB, max %d MB%n",
				liveBefore >> 20, liveAfter >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
		System.out.println("decisions digest " + java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 16));
		System.out.print(score.report());
	}

	static void write(Path file, List<MatchingData.Entry> entries) throws Exception {
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
			XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			x.writeStartDocument("UTF-8", "1.0");
			x.writeStartElement("Document");
			x.writeDefaultNamespace("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08");
			x.writeStartElement("BkToCstmrStmt");
			x.writeStartElement("Stmt");
			element(x, "Id", "BENCH-1");
			x.writeStartElement("Acct");
			x.writeStartElement("Id");
			element(x, "IBAN", "FR7630006000011234567890189");
			x.writeEndElement();
			x.writeEndElement();
			int n = 0;
			for (MatchingData.Entry e : entries) {
				x.writeStartElement("Ntry");
				x.writeStartElement("Amt");
				x.writeAttribute("Ccy", "EUR");
				x.writeCharacters(e.amount().toPlainString());
				x.writeEndElement();
				element(x, "CdtDbtInd", e.credit() ? "CRDT" : "DBIT");
				x.writeStartElement("Sts");
				element(x, "Cd", "BOOK");
				x.writeEndElement();
				x.writeStartElement("BookgDt");
				element(x, "Dt", "2026-11-20");
				x.writeEndElement();
				element(x, "AcctSvcrRef", "BENCH" + (++n));
				x.writeStartElement("NtryDtls");
				x.writeStartElement("TxDtls");
				if (e.payerName() != null || e.payerIban() != null) {
					x.writeStartElement("RltdPties");
					if (e.payerName() != null) {
						x.writeStartElement("Dbtr");
						x.writeStartElement("Pty");
						element(x, "Nm", e.payerName());
						x.writeEndElement();
						x.writeEndElement();
					}
					if (e.payerIban() != null) {
						x.writeStartElement("DbtrAcct");
						x.writeStartElement("Id");
						element(x, "IBAN", e.payerIban());
						x.writeEndElement();
						x.writeEndElement();
					}
					x.writeEndElement();
				}
				if (e.remittance() != null && !e.remittance().isEmpty()) {
					x.writeStartElement("RmtInf");
					element(x, "Ustrd", e.remittance());
					x.writeEndElement();
				}
				x.writeEndElement();
				x.writeEndElement();
				x.writeEndElement();
			}
			x.writeEndElement();
			x.writeEndElement();
			x.writeEndElement();
			x.writeEndDocument();
			x.close();
		}
	}

	private static void element(XMLStreamWriter x, String name, String text) throws Exception {
		x.writeStartElement(name);
		x.writeCharacters(text);
		x.writeEndElement();
	}

	private static long used() {
		Runtime r = Runtime.getRuntime();
		return r.totalMemory() - r.freeMemory();
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	private static long peakHeap() {
		long sum = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				sum += pool.getPeakUsage().getUsed();
			}
		}
		return sum;
	}

}
