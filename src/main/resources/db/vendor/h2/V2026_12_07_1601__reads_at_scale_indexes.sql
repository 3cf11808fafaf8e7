-- H2 only (issue 28, ADR 0018): the plain forms of PostgreSQL's read indexes (H2 has neither partial, covering
-- nor GiST indexes). The zero-setup database is not sized for millions of invoices; these keep its reports off
-- full scans all the same.
create index invoice_by_due on invoice (due_date);
create index invoice_by_last_settled on invoice (last_settled_on);
create index invoice_by_status on invoice (status, id);
create index payment_to_apply on payment (received_on, id);
