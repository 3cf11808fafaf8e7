create table customer_order (
    id                 varchar(40)  primary key,
    number             varchar(30)  not null unique,
    customer_id        varchar(40)  not null references customer (id),
    quote_id           varchar(40)  unique,
    channel            varchar(20)  not null,
    currency           varchar(3)   not null,
    status             varchar(30)  not null,
    ordered_on         date         not null,
    external_reference varchar(100),
    version            bigint       not null,
    created_at         timestamp with time zone not null
);
create index customer_order_by_customer on customer_order (customer_id);

create table order_line (
    order_id           varchar(40)    not null references customer_order (id),
    line_index         integer        not null,
    sku                varchar(64)    not null,
    description        varchar(500)   not null,
    unit               varchar(20)    not null,
    quantity           numeric(19, 4) not null,
    delivered_quantity numeric(19, 4) not null,
    unit_price         numeric(19, 4) not null,
    discount_percent   numeric(5, 2)  not null,
    tax_rate           numeric(5, 2)  not null,
    price_source       varchar(20)    not null,
    primary key (order_id, line_index)
);

create table delivery (
    id           varchar(40) primary key,
    order_id     varchar(40) not null references customer_order (id),
    delivered_on date        not null,
    version      bigint      not null,
    created_at   timestamp with time zone not null
);
create index delivery_by_order on delivery (order_id);

create table delivery_line (
    delivery_id      varchar(40)    not null references delivery (id),
    line_index       integer        not null,
    order_line_index integer        not null,
    sku              varchar(64)    not null,
    quantity         numeric(19, 4) not null,
    primary key (delivery_id, line_index)
);

-- Invoices issued for an order, as invoicing reports them (Orders.recordInvoiced).
create table order_invoice (
    order_id   varchar(40) not null references customer_order (id),
    invoice_id varchar(40) not null,
    primary key (order_id, invoice_id)
);
