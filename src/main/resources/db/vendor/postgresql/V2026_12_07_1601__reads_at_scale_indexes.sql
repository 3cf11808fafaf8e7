-- PostgreSQL only (issue 28, ADR 0018). The indexes the reports and lists read through, each named for its reader.
--
-- Aging now and at any date: the invoices open now, by issue date (at a past date only those issued by then are
-- read), with what the report sums (an index-only scan; the receivable view's conditions imply the predicate).
-- A settlement that changes the status is no longer a HOT update (status is in the predicate): the price of
-- reading the open book without reading the whole table.
create index invoice_open_by_issue on invoice (issue_date, id)
    include (number, customer_id, customer_name, currency, due_date, total, amount_paid, amount_credited,
             first_settled_on, last_settled_on)
    where kind = 'INVOICE' and number is not null and status in ('ISSUED', 'PARTIALLY_PAID');
-- Aging at a past date: the invoices closed now that were open then (issued by the date, last settled after it),
-- found by the interval they were open over; a GiST index answers "which intervals contain this date" reading
-- only those (a b-tree on either bound reads every invoice issued before, or closed after, the date).
create index invoice_closed_open_over on invoice
    using gist (daterange(issue_date, greatest(issue_date, last_settled_on), '[)'))
    include (id, number, customer_id, customer_name, currency, issue_date, due_date, total, amount_paid, amount_credited,
             first_settled_on, last_settled_on)
    where kind = 'INVOICE' and number is not null and status not in ('ISSUED', 'PARTIALLY_PAID')
      and last_settled_on is not null;
-- The settlements of an invoice (the settlement view's legs), for the few invoices settled in part at the date.
create index invoice_credit_note_by_invoice on invoice (credited_invoice_id) include (issue_date, total)
    where credited_invoice_id is not null;
-- DSO: what was invoiced in a period, per currency.
create index invoice_sales_by_date on invoice (currency, issue_date) include (total)
    where kind = 'INVOICE' and number is not null;
-- Lists: newest first (keyset on id) within a customer or a status.
drop index invoice_by_customer;
create index invoice_by_customer on invoice (customer_id, id);
create index invoice_by_status on invoice (status, id);
-- The payments queue: what is left to apply, oldest first.
create index payment_to_apply on payment (received_on, id) where unallocated > 0 and on_account = false;
