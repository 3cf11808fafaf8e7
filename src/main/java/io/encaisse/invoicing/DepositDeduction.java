package io.encaisse.invoicing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.encaisse.invoicing.domain.Invoice;
import io.encaisse.invoicing.domain.InvoiceAdjustment;
import io.encaisse.invoicing.domain.InvoiceRepository;
import io.encaisse.shared.AuditTrail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A draft invoice of an order that had a deposit invoiced: what the deposit billed at
 * each VAT category and rate (and no earlier invoice deducted yet) is deducted as an
 * allowance at that category and rate, up to this invoice's base there, before it is
 * numbered. Its base and its VAT are then both net of the deposit.
 */
@Component
class DepositDeduction {

	private final InvoiceRepository invoices;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	DepositDeduction(InvoiceRepository invoices, JdbcClient jdbc, AuditTrail audit) {
		this.invoices = invoices;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Whether a deposit is deducted from this invoice when issued: an invoice of an
	 * order, not the deposit itself, not a credit note, not the lines billed at once on
	 * order (the deposit is an advance on the rest of the order).
	 */
	static boolean applies(Invoice invoice) {
		return invoice.kind() == Invoice.Kind.INVOICE && invoice.orderId() != null
				&& !String.valueOf(invoice.sourceRef()).startsWith(InvoiceIssuer.DEPOSIT_SOURCE)
				&& !String.valueOf(invoice.sourceRef())
					.startsWith("delivery:" + io.encaisse.orders.Orders.ON_ORDER_DELIVERY);
	}

	void deduct(Invoice invoice) {
		if (!applies(invoice)) {
			return;
		}
		this.invoices.findBySourceRef(InvoiceIssuer.DEPOSIT_SOURCE + invoice.orderId())
			.filter(d -> d.number() != null && d.status() != InvoiceStatus.CANCELLED)
			.ifPresent(deposit -> deduct(invoice, deposit));
	}

	private void deduct(Invoice invoice, Invoice deposit) {
		// one deduction at a time per deposit, on every node
		this.jdbc.sql("select id from invoice where id = :d for update")
			.param("d", deposit.id())
			.query(String.class)
			.list();
		Map<String, BigDecimal> deducted = new HashMap<>();
		this.jdbc.sql("""
				select tax_category, tax_rate, sum(amount) from invoice_adjustment where deposit_invoice_id = :d
				group by tax_category, tax_rate""")
			.param("d", deposit.id())
			.query((rs, n) -> deducted.put(rs.getString(1) + "|" + rs.getBigDecimal(2).setScale(2),
					rs.getBigDecimal(3)))
			.list();
		var bases = invoice.totals().vat();
		List<InvoiceAdjustment> added = new ArrayList<>();
		for (var g : deposit.totals().vat()) {
			String key = g.category() + "|" + g.rate().setScale(2);
			BigDecimal left = g.base().amount().subtract(deducted.getOrDefault(key, BigDecimal.ZERO));
			BigDecimal here = bases.stream()
				.filter(b -> b.category().equals(g.category()) && b.rate().compareTo(g.rate()) == 0)
				.map(b -> b.base().amount())
				.findFirst()
				.orElse(BigDecimal.ZERO);
			BigDecimal amount = left.min(here);
			if (amount.signum() > 0) {
				added.add(new InvoiceAdjustment(false, "Acompte " + deposit.number() + " déduit", amount, g.rate(),
						g.category(), deposit.id()));
			}
		}
		if (!added.isEmpty()) {
			List<InvoiceAdjustment> all = new ArrayList<>(invoice.adjustments());
			all.addAll(added);
			invoice.revise(invoice.lines(), all);
			this.audit.record(Invoicing.DOCUMENT, invoice.id(), "deposit deducted",
					AuditTrail.changes("deposit", deposit.number(), "amount",
							added.stream().map(a -> a.amount()).reduce(BigDecimal.ZERO, BigDecimal::add)));
		}
	}

}
