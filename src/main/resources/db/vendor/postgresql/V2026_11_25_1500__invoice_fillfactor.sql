-- PostgreSQL only. Room on each page of the invoice table for a row's next version: settling an invoice
-- (amount paid, status, version: no indexed column) is then a HOT update, written on the same page without
-- touching the table's six indexes. Rows already stored keep their pages until the table is rewritten
-- (VACUUM FULL, at a quiet hour); new invoices get the room at once.
alter table invoice set (fillfactor = 85);
