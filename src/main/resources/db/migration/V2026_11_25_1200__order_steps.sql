-- Each step an order went through, when and by whom (issue 4): received, validated (the intake controls
-- passed, or sales administration released it), confirmed, on hold, in progress, delivered... The customer
-- follows them; the timers and the cycle-time reports read them.
create table order_step (
    id       varchar(40)  primary key,
    order_id varchar(40)  not null references customer_order (id),
    status   varchar(30)  not null,
    at       timestamp with time zone not null,
    actor    varchar(100) not null
);
create index order_step_by_order on order_step (order_id, at);
