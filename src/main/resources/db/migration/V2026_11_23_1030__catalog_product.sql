create table product (
    id         varchar(40)  primary key,
    sku        varchar(64)  not null unique,
    name       varchar(200) not null,
    unit       varchar(20)  not null,
    tax_rate   numeric(5, 2) not null,
    unit_price numeric(19, 4),
    currency   varchar(3),
    active     boolean      not null,
    version    bigint       not null,
    created_at timestamp with time zone not null
);
