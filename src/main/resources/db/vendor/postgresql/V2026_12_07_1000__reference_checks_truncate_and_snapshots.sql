-- PostgreSQL only (ADR 0015, review of V2026_12_07_0900). Two refusals the foreign keys made that the
-- set-based checks did not, and a variable renamed.

-- A delete checked in a REPEATABLE READ transaction sees the references of its snapshot only: one committed
-- since would be missed, and left pointing at nothing. Deletes of referenced rows run in READ COMMITTED (the
-- application's only level; SERIALIZABLE would see the conflict); under REPEATABLE READ they are refused.
create or replace function encaisse_not_referenced() returns trigger language plpgsql as $$
declare
	referenced text;
begin
	if current_setting('transaction_isolation') = 'repeatable read' then
		raise foreign_key_violation using
			message = format('delete on table "%s": rows other tables refer to are deleted in READ COMMITTED only',
				tg_table_name),
			table = tg_table_name;
	end if;
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

create or replace function encaisse_reference_exists() returns trigger language plpgsql as $$
declare
	ref text := to_jsonb(new) ->> tg_argv[0];
	present boolean;
begin
	if ref is not null then
		execute format('select exists (select 1 from %I p where p.%I = $1)', tg_argv[1], tg_argv[2])
			into present using ref;
		if not present then
			raise foreign_key_violation using
				message = format('update on table "%s" refers to a row not in "%s"', tg_table_name, tg_argv[1]),
				detail = format('Key (%s)=(%s) is not present in table "%s".', tg_argv[0], ref, tg_argv[1]),
				table = tg_table_name, column = tg_argv[0];
		end if;
	end if;
	return null;
end
$$;

-- TRUNCATE fires no delete trigger: a referenced table is not truncated while a table named in TG_ARGV (the
-- ones referring to it through the checks above) holds a row. Truncate those first.
create function encaisse_not_truncated_while_referenced() returns trigger language plpgsql as $$
declare
	held boolean;
begin
	for i in 0 .. tg_nargs - 1 loop
		execute format('select exists (select 1 from %I)', tg_argv[i]) into held;
		if held then
			raise foreign_key_violation using
				message = format('truncate of table "%s": table "%s" refers to it', tg_table_name, tg_argv[i]),
				table = tg_table_name;
		end if;
	end loop;
	return null;
end
$$;

create trigger invoice_not_truncated before truncate on invoice
	for each statement execute function encaisse_not_truncated_while_referenced('invoice_payment', 'invoice_lifecycle');
create trigger payment_not_truncated before truncate on payment
	for each statement execute function encaisse_not_truncated_while_referenced('payment_allocation', 'payment_suggestion');
create trigger bank_statement_not_truncated before truncate on bank_statement
	for each statement execute function encaisse_not_truncated_while_referenced('bank_entry');
create trigger bank_account_not_truncated before truncate on bank_account
	for each statement execute function encaisse_not_truncated_while_referenced('bank_entry');
create trigger customer_not_truncated before truncate on customer
	for each statement execute function encaisse_not_truncated_while_referenced('payment');
