-- PostgreSQL only (ADR 0019, superseding ADR 0015): the seven foreign keys that statement triggers replaced
-- are declared again, under their original names, and the triggers and their functions go. One integrity
-- model on both databases; the key's row lock closes the race ADR 0015 documented (a parent deleted while an
-- import referring to it is uncommitted).

drop trigger invoice_payment_invoice_exists on invoice_payment;
drop trigger invoice_lifecycle_invoice_exists on invoice_lifecycle;
drop trigger payment_allocation_payment_exists on payment_allocation;
drop trigger payment_suggestion_payment_exists on payment_suggestion;
drop trigger bank_entry_statement_exists on bank_entry;
drop trigger bank_entry_account_exists on bank_entry;
drop trigger payment_customer_exists on payment;

drop trigger invoice_payment_invoice_id_changed on invoice_payment;
drop trigger invoice_lifecycle_invoice_id_changed on invoice_lifecycle;
drop trigger payment_allocation_payment_id_changed on payment_allocation;
drop trigger payment_suggestion_payment_id_changed on payment_suggestion;
drop trigger bank_entry_statement_id_changed on bank_entry;
drop trigger bank_entry_bank_account_id_changed on bank_entry;
drop trigger payment_customer_id_changed on payment;

drop trigger invoice_not_referenced_by_payments on invoice;
drop trigger invoice_not_referenced_by_lifecycle on invoice;
drop trigger payment_not_referenced_by_allocations on payment;
drop trigger payment_not_referenced_by_suggestions on payment;
drop trigger bank_statement_not_referenced on bank_statement;
drop trigger bank_account_not_referenced on bank_account;
drop trigger customer_not_referenced_by_payments on customer;

drop trigger invoice_key_unchanged on invoice;
drop trigger payment_key_unchanged on payment;
drop trigger bank_statement_key_unchanged on bank_statement;
drop trigger bank_account_key_unchanged on bank_account;
drop trigger customer_key_unchanged on customer;

drop trigger invoice_not_truncated on invoice;
drop trigger payment_not_truncated on payment;
drop trigger bank_statement_not_truncated on bank_statement;
drop trigger bank_account_not_truncated on bank_account;
drop trigger customer_not_truncated on customer;

drop function encaisse_references_exist();
drop function encaisse_reference_exists();
drop function encaisse_not_referenced();
drop function encaisse_key_unchanged();
drop function encaisse_not_truncated_while_referenced();

alter table invoice_payment add constraint invoice_payment_invoice_id_fkey
    foreign key (invoice_id) references invoice (id);
alter table invoice_lifecycle add constraint invoice_lifecycle_invoice_id_fkey
    foreign key (invoice_id) references invoice (id);
alter table payment_allocation add constraint payment_allocation_payment_id_fkey
    foreign key (payment_id) references payment (id);
alter table payment_suggestion add constraint payment_suggestion_payment_id_fkey
    foreign key (payment_id) references payment (id);
alter table bank_entry add constraint bank_entry_statement_id_fkey
    foreign key (statement_id) references bank_statement (id);
alter table bank_entry add constraint bank_entry_bank_account_id_fkey
    foreign key (bank_account_id) references bank_account (id);
alter table payment add constraint payment_customer_id_fkey
    foreign key (customer_id) references customer (id);
