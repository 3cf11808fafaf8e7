-- PostgreSQL only (ADR 0015). The references a bank statement's import writes by the ten thousand are checked
-- once per statement over all its rows instead of once per row. A declared foreign key runs a lookup per row
-- and locks each referenced row (FOR KEY SHARE: a write to the invoice's page and to the WAL each time);
-- these seven cost a 100,000-entry statement 3.7 s of its 18. The triggers below refuse the same rows the
-- keys refused, with the same SQLSTATE (23503, foreign_key_violation):
--   * rows inserted or updated whose reference is missing;
--   * a referenced row deleted, or its key changed.
-- What they do not take is the lock: a row deleted by another transaction while this one inserts a reference
-- to it would go unseen. The application deletes none of these referenced rows (invoices, payments,
-- statements, bank accounts and customers are kept for the legal retention period); the delete check still
-- refuses any delete that would leave a reference behind once committed.

-- Each row's reference (column TG_ARGV[0]) is in table TG_ARGV[1], column TG_ARGV[2].
create function encaisse_references_exist() returns trigger language plpgsql as $$
declare
	missing text;
begin
	execute format('select n.%1$I::text from new_rows n where n.%1$I is not null'
			' and not exists (select 1 from %2$I p where p.%3$I = n.%1$I) limit 1',
			tg_argv[0], tg_argv[1], tg_argv[2]) into missing;
	if missing is not null then
		raise foreign_key_violation using
			message = format('insert or update on table "%s" refers to a row not in "%s"', tg_table_name, tg_argv[1]),
			detail = format('Key (%s)=(%s) is not present in table "%s".', tg_argv[0], missing, tg_argv[1]),
			table = tg_table_name, column = tg_argv[0];
	end if;
	return null;
end
$$;

-- The same for one row whose reference (column TG_ARGV[0]) an update changed.
create function encaisse_reference_exists() returns trigger language plpgsql as $$
declare
	ref text := to_jsonb(new) ->> tg_argv[0];
	found boolean;
begin
	if ref is not null then
		execute format('select exists (select 1 from %I p where p.%I = $1)', tg_argv[1], tg_argv[2]) into found using ref;
		if not found then
			raise foreign_key_violation using
				message = format('update on table "%s" refers to a row not in "%s"', tg_table_name, tg_argv[1]),
				detail = format('Key (%s)=(%s) is not present in table "%s".', tg_argv[0], ref, tg_argv[1]),
				table = tg_table_name, column = tg_argv[0];
		end if;
	end if;
	return null;
end
$$;

-- No row deleted (key column TG_ARGV[0]) is still referenced from table TG_ARGV[1], column TG_ARGV[2].
create function encaisse_not_referenced() returns trigger language plpgsql as $$
declare
	referenced text;
begin
	execute format('select o.%1$I::text from old_rows o'
			' where exists (select 1 from %2$I c where c.%3$I = o.%1$I) limit 1',
			tg_argv[0], tg_argv[1], tg_argv[2]) into referenced;
	if referenced is not null then
		raise foreign_key_violation using
			message = format('delete on table "%s" leaves references in "%s"', tg_table_name, tg_argv[1]),
			detail = format('Key (%s)=(%s) is still referenced from table "%s".', tg_argv[0], referenced, tg_argv[1]),
			table = tg_table_name, column = tg_argv[0];
	end if;
	return null;
end
$$;

-- A referenced row's key never changes.
create function encaisse_key_unchanged() returns trigger language plpgsql as $$
begin
	raise foreign_key_violation using
		message = format('the key of a row of "%s" never changes: rows elsewhere refer to it', tg_table_name),
		table = tg_table_name;
end
$$;

alter table invoice_payment drop constraint invoice_payment_invoice_id_fkey;
alter table invoice_lifecycle drop constraint invoice_lifecycle_invoice_id_fkey;
alter table payment_allocation drop constraint payment_allocation_payment_id_fkey;
alter table payment_suggestion drop constraint payment_suggestion_payment_id_fkey;
alter table bank_entry drop constraint bank_entry_statement_id_fkey;
alter table bank_entry drop constraint bank_entry_bank_account_id_fkey;
alter table payment drop constraint payment_customer_id_fkey;

-- the referencing side, on insert: once per statement
create trigger invoice_payment_invoice_exists after insert on invoice_payment referencing new table as new_rows
	for each statement execute function encaisse_references_exist('invoice_id', 'invoice', 'id');
create trigger invoice_lifecycle_invoice_exists after insert on invoice_lifecycle referencing new table as new_rows
	for each statement execute function encaisse_references_exist('invoice_id', 'invoice', 'id');
create trigger payment_allocation_payment_exists after insert on payment_allocation referencing new table as new_rows
	for each statement execute function encaisse_references_exist('payment_id', 'payment', 'id');
create trigger payment_suggestion_payment_exists after insert on payment_suggestion referencing new table as new_rows
	for each statement execute function encaisse_references_exist('payment_id', 'payment', 'id');
create trigger bank_entry_statement_exists after insert on bank_entry referencing new table as new_rows
	for each statement execute function encaisse_references_exist('statement_id', 'bank_statement', 'id');
create trigger bank_entry_account_exists after insert on bank_entry referencing new table as new_rows
	for each statement execute function encaisse_references_exist('bank_account_id', 'bank_account', 'id');
create trigger payment_customer_exists after insert on payment referencing new table as new_rows
	for each statement execute function encaisse_references_exist('customer_id', 'customer', 'id');

-- the referencing side, on an update that changes the reference: row by row, only then
create trigger invoice_payment_invoice_id_changed after update of invoice_id on invoice_payment
	for each row when (old.invoice_id is distinct from new.invoice_id) execute function encaisse_reference_exists('invoice_id', 'invoice', 'id');
create trigger invoice_lifecycle_invoice_id_changed after update of invoice_id on invoice_lifecycle
	for each row when (old.invoice_id is distinct from new.invoice_id) execute function encaisse_reference_exists('invoice_id', 'invoice', 'id');
create trigger payment_allocation_payment_id_changed after update of payment_id on payment_allocation
	for each row when (old.payment_id is distinct from new.payment_id) execute function encaisse_reference_exists('payment_id', 'payment', 'id');
create trigger payment_suggestion_payment_id_changed after update of payment_id on payment_suggestion
	for each row when (old.payment_id is distinct from new.payment_id) execute function encaisse_reference_exists('payment_id', 'payment', 'id');
create trigger bank_entry_statement_id_changed after update of statement_id on bank_entry
	for each row when (old.statement_id is distinct from new.statement_id) execute function encaisse_reference_exists('statement_id', 'bank_statement', 'id');
create trigger bank_entry_bank_account_id_changed after update of bank_account_id on bank_entry
	for each row when (old.bank_account_id is distinct from new.bank_account_id) execute function encaisse_reference_exists('bank_account_id', 'bank_account', 'id');
create trigger payment_customer_id_changed after update of customer_id on payment
	for each row when (old.customer_id is distinct from new.customer_id) execute function encaisse_reference_exists('customer_id', 'customer', 'id');

-- the referenced side: no delete that leaves a reference, no key changed
create trigger invoice_not_referenced_by_payments after delete on invoice referencing old table as old_rows
	for each statement execute function encaisse_not_referenced('id', 'invoice_payment', 'invoice_id');
create trigger invoice_not_referenced_by_lifecycle after delete on invoice referencing old table as old_rows
	for each statement execute function encaisse_not_referenced('id', 'invoice_lifecycle', 'invoice_id');
create trigger payment_not_referenced_by_allocations after delete on payment referencing old table as old_rows
	for each statement execute function encaisse_not_referenced('id', 'payment_allocation', 'payment_id');
create trigger payment_not_referenced_by_suggestions after delete on payment referencing old table as old_rows
	for each statement execute function encaisse_not_referenced('id', 'payment_suggestion', 'payment_id');
create trigger bank_statement_not_referenced after delete on bank_statement referencing old table as old_rows
	for each statement execute function encaisse_not_referenced('id', 'bank_entry', 'statement_id');
create trigger bank_account_not_referenced after delete on bank_account referencing old table as old_rows
	for each statement execute function encaisse_not_referenced('id', 'bank_entry', 'bank_account_id');
create trigger customer_not_referenced_by_payments after delete on customer referencing old table as old_rows
	for each statement execute function encaisse_not_referenced('id', 'payment', 'customer_id');
create trigger invoice_key_unchanged before update of id on invoice
	for each row when (old.id is distinct from new.id) execute function encaisse_key_unchanged();
create trigger payment_key_unchanged before update of id on payment
	for each row when (old.id is distinct from new.id) execute function encaisse_key_unchanged();
create trigger bank_statement_key_unchanged before update of id on bank_statement
	for each row when (old.id is distinct from new.id) execute function encaisse_key_unchanged();
create trigger bank_account_key_unchanged before update of id on bank_account
	for each row when (old.id is distinct from new.id) execute function encaisse_key_unchanged();
create trigger customer_key_unchanged before update of id on customer
	for each row when (old.id is distinct from new.id) execute function encaisse_key_unchanged();
