create table invoice (
    id                  varchar(40)  primary key,
    kind                varchar(20)  not null,
    number              varchar(30)  unique,
    status              varchar(20)  not null,
    customer_id         varchar(40)  not null references customer (id),
    customer_name       varchar(200) not null,
    order_id            varchar(40),
    -- what this invoice bills (e.g. delivery:dlv_...): one invoice per source, so a listener that runs
    -- twice bills once
    source_ref          varchar(80)  unique,
    credited_invoice_id varchar(40)  references invoice (id),
    reason              varchar(500),
    issue_date          date,
    due_date            date,
    currency            varchar(3)   not null,
    total_net           numeric(19, 4) not null,
    total_tax           numeric(19, 4) not null,
    total               numeric(19, 4) not null,
    amount_paid         numeric(19, 4) not null,
    amount_credited     numeric(19, 4) not null,
    payment_reference   varchar(25)  unique,
    payment_terms_days  integer      not null,
    version             bigint       not null,
    created_at          timestamp with time zone not null
);
create index invoice_by_customer on invoice (customer_id);
create index invoice_by_order on invoice (order_id);

create table invoice_line (
    invoice_id       varchar(40)    not null references invoice (id),
    line_index       integer        not null,
    sku              varchar(64)    not null,
    description      varchar(500)   not null,
    unit             varchar(20)    not null,
    quantity         numeric(19, 4) not null,
    unit_price       numeric(19, 4) not null,
    discount_percent numeric(5, 2)  not null,
    tax_rate         numeric(5, 2)  not null,
    net_amount       numeric(19, 4) not null,
    order_line_index integer,
    price_source     varchar(20)    not null,
    primary key (invoice_id, line_index)
);

create table invoice_payment (
    invoice_id varchar(40)    not null references invoice (id),
    payment_id varchar(40)    not null,
    amount     numeric(19, 4) not null,
    paid_on    date           not null,
    primary key (invoice_id, payment_id)
);

-- Published for reporting: issued invoices, and what settled them (payments and credit notes) by date.
create view invoicing_receivable as
select i.id as invoice_id, i.number, i.customer_id, i.customer_name, i.currency, i.issue_date, i.due_date,
       i.total, i.status
from invoice i
where i.kind = 'INVOICE' and i.number is not null;

create view invoicing_settlement as
select p.invoice_id, p.amount, p.paid_on as settled_on, 'PAYMENT' as kind
from invoice_payment p
union all
select c.credited_invoice_id as invoice_id, c.total as amount, c.issue_date as settled_on, 'CREDIT_NOTE' as kind
from invoice c
where c.kind = 'CREDIT_NOTE' and c.number is not null;
