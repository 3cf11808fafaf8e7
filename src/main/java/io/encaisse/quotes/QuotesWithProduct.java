package io.encaisse.quotes;

import java.time.LocalDate;
import java.util.List;

import io.encaisse.catalog.ProductUsage;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Open quotes (not yet accepted, still valid) that offer a product. */
@Component
class QuotesWithProduct implements ProductUsage {

	private final JdbcClient jdbc;

	private final Today today;

	QuotesWithProduct(JdbcClient jdbc, Today today) {
		this.jdbc = jdbc;
		this.today = today;
	}

	@Override
	public List<OpenDocument> openDocumentsWith(String sku) {
		return this.jdbc.sql("""
				select distinct q.id, q.number, q.status, q.valid_until from quote q
				join quote_line l on l.quote_id = q.id
				where l.sku = :sku and q.status in ('DRAFT', 'PENDING_APPROVAL', 'SENT') and q.valid_until >= :today
				order by q.valid_until""")
			.param("sku", sku)
			.param("today", this.today.date())
			.query((rs, i) -> new OpenDocument("DV " + rs.getString(2), "/quotes/" + rs.getString(1), rs.getString(3),
					rs.getObject(4, LocalDate.class)))
			.list();
	}

}
