-- Customers known by another system's code, and open invoices imported from it (AR-only mode): they keep
-- their own numbers, outside our series, and are collected and matched like ours.
alter table customer add column external_ref varchar(100);
create unique index customer_by_external_ref on customer (external_ref);
alter table invoice add column origin varchar(20) not null default 'NATIVE';
