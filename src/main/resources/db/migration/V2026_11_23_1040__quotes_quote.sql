create table quote (
    id          varchar(40)  primary key,
    number      varchar(30)  not null unique,
    customer_id varchar(40)  not null references customer (id),
    currency    varchar(3)   not null,
    issue_date  date         not null,
    valid_until date         not null,
    status      varchar(20)  not null,
    sent_at     timestamp with time zone,
    accepted_at timestamp with time zone,
    accepted_by varchar(200),
    order_id    varchar(40),
    notes       varchar(2000),
    version     bigint       not null,
    created_at  timestamp with time zone not null
);
create index quote_by_customer on quote (customer_id);

create table quote_line (
    quote_id         varchar(40)    not null references quote (id),
    line_index       integer        not null,
    sku              varchar(64)    not null,
    description      varchar(500)   not null,
    unit             varchar(20)    not null,
    quantity         numeric(19, 4) not null,
    unit_price       numeric(19, 4) not null,
    discount_percent numeric(5, 2)  not null,
    tax_rate         numeric(5, 2)  not null,
    price_source     varchar(20)    not null,
    primary key (quote_id, line_index)
);
