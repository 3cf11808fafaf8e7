-- The order confirmations to mail, an outbox written in the order's own transaction: mailed at once for a
-- handful of orders, by a job for a file's worth, tried again with a growing delay when mailing fails.
-- status: PENDING (to mail; next_attempt_at is also the lease of whoever is mailing it), SENT, SKIPPED (no
-- address: nothing to try again), FAILED (gave up after the last attempt).
create table order_confirmation (
    order_id        varchar(40) primary key references customer_order (id),
    status          varchar(12) not null,
    attempts        integer     not null,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(500),
    sent_at         timestamp with time zone
);
create index order_confirmation_due on order_confirmation (status, next_attempt_at);

-- a customer's reference is looked for when a file names it again (duplicate orders)
create index customer_order_by_reference on customer_order (external_reference);
