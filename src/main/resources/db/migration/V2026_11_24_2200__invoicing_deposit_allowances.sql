-- A deposit already invoiced is deducted from the order's later invoices as an allowance at each VAT
-- category and rate (base and VAT both net of it, as French practice and EN 16931 want); the allowance
-- names the deposit invoice, so what remains of it is known.
alter table invoice_adjustment add column deposit_invoice_id varchar(40);
