-- A customer put on credit hold by hand or by a dunning level's escalation (issue 23): every channel's new orders
-- wait ON_HOLD until someone releases the customer. The history is in the audit trail.
create table customer_credit_hold (
    customer_id varchar(40)  primary key references customer (id),
    reason      varchar(500) not null,
    held_by     varchar(100) not null,
    held_at     timestamp with time zone not null
);
