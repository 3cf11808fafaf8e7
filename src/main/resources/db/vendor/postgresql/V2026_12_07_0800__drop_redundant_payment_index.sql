-- PostgreSQL only. payment_by_customer (customer_id) is the leading column of payment_by_customer_status
-- (customer_id, status), which serves every lookup the first one did; keeping both costs one more index
-- entry per payment written (100,000 per large statement) for nothing. H2 keeps it: it backs H2's
-- foreign key on payment.customer_id there, and H2 will not drop an index a constraint uses.
drop index if exists payment_by_customer;
