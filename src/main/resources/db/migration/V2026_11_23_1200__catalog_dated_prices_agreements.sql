-- Prices become dated rows of price lists: a change of price is a new row, never an edit, so any past
-- document can be re-priced as it was. Volume tiers are rows with a minimum quantity.
create table product_price (
    id           varchar(40)    primary key,
    product_id   varchar(40)    not null references product (id),
    price_list   varchar(40)    not null,
    currency     varchar(3)     not null,
    unit_price   numeric(19, 4) not null,
    min_quantity numeric(19, 4) not null,
    valid_from   date           not null,
    valid_to     date,
    created_at   timestamp with time zone not null,
    created_by   varchar(200)   not null
);
create index product_price_by_product on product_price (product_id, price_list, currency);

insert into product_price (id, product_id, price_list, currency, unit_price, min_quantity, valid_from, valid_to,
                           created_at, created_by)
select 'prc_' || substring(id from 5), id, 'default', currency, unit_price, 1, cast(created_at as date), null,
       created_at, 'migration'
from product
where unit_price is not null;

alter table product drop column unit_price;
alter table product drop column currency;

-- Negotiated prices of one customer: a fixed unit price or a percentage off the list; they win over lists
-- and tiers while valid.
create table price_agreement (
    id               varchar(40)    primary key,
    customer_id      varchar(40)    not null references customer (id),
    product_id       varchar(40)    not null references product (id),
    currency         varchar(3)     not null,
    unit_price       numeric(19, 4),
    discount_percent numeric(5, 2),
    valid_from       date           not null,
    valid_to         date,
    created_at       timestamp with time zone not null,
    created_by       varchar(200)   not null
);
create index price_agreement_by_customer on price_agreement (customer_id, product_id);

-- The price list a customer buys from (default: 'default').
create table customer_price_list (
    customer_id varchar(40) primary key references customer (id),
    price_list  varchar(40) not null
);
