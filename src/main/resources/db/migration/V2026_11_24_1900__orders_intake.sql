-- Orders from every channel: what the customer asked for by when, why an order waits ON_HOLD (one row per
-- failed control, kept after release with who released it), and the buyers' item codes mapped to our SKUs.
alter table customer_order add column requested_delivery date;

create table order_hold_reason (
    order_id    varchar(40)  not null references customer_order (id),
    position    integer      not null,
    reason      varchar(500) not null,
    released_by varchar(100),
    released_at timestamp with time zone,
    primary key (order_id, position)
);

-- customer_id '*' maps a code for every customer (a GTIN/EAN, say)
create table order_item_code (
    customer_id varchar(40) not null,
    code        varchar(64) not null,
    sku         varchar(64) not null,
    primary key (customer_id, code)
);
