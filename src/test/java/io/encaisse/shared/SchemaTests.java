package io.encaisse.shared;

import java.util.List;

import io.encaisse.support.EncaisseTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The schema carries no index that another one already covers: each index is written on
 * every insert (100,000 payments per large statement), so one whose columns are the
 * leading columns of another costs writes and serves nothing the other does not.
 * PostgreSQL only: on H2 such an index may back a foreign key, and H2 is the embedded
 * default, not the production database.
 */
@EncaisseTest
class SchemaTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Bulk bulk;

	@Test
	void noIndexIsTheLeadingColumnsOfAnother() {
		assumeTrue(this.bulk.postgres(), "PostgreSQL only");
		List<String> covered = this.jdbc.sql("""
				select ai.relname || ' is the start of ' || bi.relname
				from pg_index a
				join pg_class ai on ai.oid = a.indexrelid
				join pg_namespace n on n.oid = ai.relnamespace and n.nspname = current_schema()
				join pg_index b on b.indrelid = a.indrelid and b.indexrelid <> a.indexrelid
				join pg_class bi on bi.oid = b.indexrelid
				where not a.indisunique and a.indpred is null and a.indexprs is null
				  and b.indpred is null and b.indexprs is null
				  and b.indnatts > a.indnatts
				  and array_to_string((b.indkey::int2[])[0:a.indnatts - 1], ' ')
				      = array_to_string(a.indkey::int2[], ' ')
				order by 1""").query(String.class).list();
		assertThat(covered).isEmpty();
	}

}
