create table customer (
    id                  varchar(40)  primary key,
    name                varchar(200) not null,
    legal_id            varchar(14),
    vat_number          varchar(20),
    email               varchar(200),
    billing_line1       varchar(200),
    billing_postal_code varchar(20),
    billing_city        varchar(100),
    billing_country     varchar(2)   not null,
    payment_terms_days  integer      not null,
    credit_limit        numeric(19, 4),
    currency            varchar(3)   not null,
    language            varchar(5)   not null,
    version             bigint       not null,
    created_at          timestamp with time zone not null
);
create index customer_by_name on customer (name);
