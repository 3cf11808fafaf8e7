-- A quote may ask for a deposit (a percentage of the order, invoiced on acceptance); the order keeps it,
-- and later invoices of the order deduct what the deposit invoice billed.
alter table quote add column deposit_percent numeric(5, 2);
alter table customer_order add column deposit_percent numeric(5, 2);
