create table payment (
    id           varchar(40)    primary key,
    customer_id  varchar(40)    references customer (id),
    amount       numeric(19, 4) not null,
    currency     varchar(3)     not null,
    received_on  date           not null,
    reference    varchar(500),
    status       varchar(20)    not null,
    unallocated  numeric(19, 4) not null,
    match_reason varchar(500),
    version      bigint         not null,
    created_at   timestamp with time zone not null
);
create index payment_by_customer on payment (customer_id);

create table payment_allocation (
    payment_id     varchar(40)    not null references payment (id),
    line_index     integer        not null,
    invoice_id     varchar(40)    not null,
    invoice_number varchar(30)    not null,
    amount         numeric(19, 4) not null,
    primary key (payment_id, line_index)
);
