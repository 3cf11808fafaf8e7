package io.encaisse.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module's SQL names its own tables, the shared kernel's, and the views other modules
 * publish for reading (named after their module, like {@code invoicing_receivable});
 * never another module's tables, which it reads through that module's facade (issue 22).
 * Every table and view of the schema has its owner here, so a new one fails the test
 * until it is given one.
 */
class ModuleTablesTests {

	private static final Path MAIN = Path.of("src", "main", "java", "io", "encaisse");

	private static final Map<String, String> OWNERS = Map.ofEntries(entry("audit_event", "shared"),
			entry("idempotency_key", "shared"), entry("late_payment_rate", "collections"),
			entry("dunning_policy", "collections"), entry("dunning_level", "collections"),
			entry("collection_setting", "collections"), entry("invoice_dispute", "collections"),
			entry("payment_promise", "collections"), entry("payment_promise_invoice", "collections"),
			entry("dunning_run", "collections"), entry("dunning_message", "collections"),
			entry("dunning_notice", "collections"), entry("dunning_lock", "collections"),
			entry("dunning_template", "collections"), entry("collection_note", "collections"),
			entry("collection_task", "collections"), entry("late_charge_waiver", "collections"),
			entry("dispute_attachment", "collections"), entry("penalty_note", "collections"),
			entry("dispute_comment", "collections"), entry("customers_risk", "customers"),
			entry("customer_credit_hold", "customers"), entry("payments_direct_debit_pending", "payments"),
			entry("mail_outbox", "shared"), entry("document_counter", "shared"), entry("event_publication", "shared"),
			entry("scheduled_tasks", "shared"), entry("app_secret", "shared"), entry("api_key", "access"),
			entry("staff_user", "access"), entry("staff_user_role", "access"), entry("login_failure", "access"),
			entry("customer", "customers"), entry("customer_contact", "customers"),
			entry("customers_name", "customers"), entry("customers_email", "customers"), entry("product", "catalog"),
			entry("product_price", "catalog"), entry("price_agreement", "catalog"),
			entry("customer_price_list", "catalog"), entry("discount_policy", "catalog"), entry("quote", "quotes"),
			entry("quote_line", "quotes"), entry("quote_comment", "quotes"), entry("quote_decision", "quotes"),
			entry("quote_revision", "quotes"), entry("quotes_accepted", "quotes"),
			entry("quotes_recurring_accepted", "quotes"), entry("customer_order", "orders"),
			entry("order_line", "orders"), entry("order_hold_reason", "orders"), entry("order_invoice", "orders"),
			entry("order_item_code", "orders"), entry("order_milestone", "orders"), entry("order_step", "orders"),
			entry("delivery", "orders"), entry("delivery_line", "orders"),
			entry("orders_billed_by_milestones", "orders"), entry("orders_delivery", "orders"),
			entry("orders_milestone_ready", "orders"), entry("invoice", "invoicing"),
			entry("invoice_adjustment", "invoicing"), entry("invoice_delivery_setting", "invoicing"),
			entry("invoice_layout", "invoicing"), entry("invoice_lifecycle", "invoicing"),
			entry("invoice_line", "invoicing"), entry("invoice_payment", "invoicing"),
			entry("invoice_run", "invoicing"), entry("invoice_run_item", "invoicing"),
			entry("invoicing_billed_line", "invoicing"), entry("invoicing_billed_source", "invoicing"),
			entry("invoicing_receivable", "invoicing"), entry("invoicing_settlement", "invoicing"),
			entry("bank_account", "payments"), entry("bank_csv_mapping", "payments"), entry("bank_entry", "payments"),
			entry("bank_statement", "payments"), entry("direct_debit", "payments"),
			entry("direct_debit_item", "payments"), entry("gateway_event", "payments"),
			entry("payer_account", "payments"), entry("payment", "payments"), entry("payment_allocation", "payments"),
			entry("payment_suggestion", "payments"), entry("payment_write_off", "payments"),
			entry("sepa_mandate", "payments"));

	/**
	 * What any module may read: the kernel's tables and every module's published views.
	 */
	private static boolean open(String table, String owner) {
		return owner.equals("shared") || table.startsWith(owner + "_");
	}

	private static final Pattern TABLE = Pattern
		.compile("\\b(?:from|join|into|update|table|truncate)\\s+([a-z][a-z0-9_]*)\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern TEXT = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\n]|\\\\.)*)\"",
			Pattern.DOTALL);

	private static final Pattern STATEMENT = Pattern.compile(
			"\\b(select|insert\\s+into|delete\\s+from|update\\s+\\w+\\s+set|truncate)\\b", Pattern.CASE_INSENSITIVE);

	/** The string literals and text blocks of a source file that hold SQL, joined. */
	private static String sql(String source) {
		StringBuilder sql = new StringBuilder();
		Matcher text = TEXT.matcher(source);
		while (text.find()) {
			String literal = text.group(1) != null ? text.group(1) : text.group(2);
			if (STATEMENT.matcher(literal).find()) {
				sql.append(literal).append('\n');
			}
		}
		return sql.toString();
	}

	@Test
	void everyTableOfTheSchemaHasAnOwner() throws IOException {
		Set<String> declared = new TreeSet<>();
		Set<String> dropped = new TreeSet<>();
		Pattern create = Pattern.compile("create (?:table|view) ([a-z_]+)", Pattern.CASE_INSENSITIVE);
		Pattern drop = Pattern.compile("drop table ([a-z_]+)", Pattern.CASE_INSENSITIVE);
		try (Stream<Path> files = Files.walk(Path.of("src", "main", "resources", "db"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
				String sql = Files.readString(file);
				Matcher m = create.matcher(sql);
				while (m.find()) {
					declared.add(m.group(1).toLowerCase());
				}
				Matcher d = drop.matcher(sql);
				while (d.find()) {
					dropped.add(d.group(1).toLowerCase());
				}
			}
		}
		// tables a later migration dropped (the three outboxes of ADR 0020) have no owner
		// any more
		declared.removeAll(dropped);
		assertThat(OWNERS.keySet()).containsAll(declared);
	}

	@Test
	void aModuleNamesNoOtherModulesTable() throws IOException {
		Set<String> crossings = new TreeSet<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String module = MAIN.relativize(file).getName(0).toString();
				if (module.equals("demo") || module.endsWith(".java")) {
					continue;
				}
				Matcher m = TABLE.matcher(sql(Files.readString(file)));
				while (m.find()) {
					String table = m.group(1).toLowerCase();
					String owner = OWNERS.get(table);
					if (owner != null && !owner.equals(module) && !open(table, owner)) {
						crossings
							.add(module + " names " + owner + "'s table " + table + " in " + MAIN.relativize(file));
					}
				}
			}
		}
		assertThat(crossings).isEmpty();
	}

}
