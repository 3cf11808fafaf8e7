-- Collections (issue 23, ADR 0021): what happens after the due date.

-- The ECB main refinancing rate in force on 1 January and 1 July (Banque de France publishes it for L441-10
-- Code de commerce): a late-payment penalty runs at this rate plus 10 points unless the terms set another.
create table late_payment_rate (
    valid_from date         primary key,
    ecb_rate   numeric(6, 3) not null,
    source     varchar(200)  not null,
    created_at timestamp with time zone not null
);
insert into late_payment_rate (valid_from, ecb_rate, source, created_at) values
    (date '2022-01-01', 0.000, 'ECB main refinancing operations rate on 1 January 2022', current_timestamp),
    (date '2022-07-01', 0.000, 'ECB main refinancing operations rate on 1 July 2022', current_timestamp),
    (date '2023-01-01', 2.500, 'ECB main refinancing operations rate on 1 January 2023', current_timestamp),
    (date '2023-07-01', 4.000, 'ECB main refinancing operations rate on 1 July 2023', current_timestamp),
    (date '2024-01-01', 4.500, 'ECB main refinancing operations rate on 1 January 2024', current_timestamp),
    (date '2024-07-01', 4.250, 'ECB main refinancing operations rate on 1 July 2024', current_timestamp),
    (date '2025-01-01', 3.150, 'ECB main refinancing operations rate on 1 January 2025', current_timestamp),
    (date '2025-07-01', 2.150, 'ECB main refinancing operations rate on 1 July 2025', current_timestamp),
    (date '2026-01-01', 2.150, 'ECB main refinancing operations rate on 1 January 2026', current_timestamp);

-- Dunning policies: a courtesy reminder before the due date, then levels at set days after it.
create table dunning_policy (
    id                   varchar(40)  primary key,
    name                 varchar(100) not null unique,
    courtesy_days_before integer,
    risk_class           varchar(10)  unique,
    is_default           boolean      not null,
    created_at           timestamp with time zone not null
);
create table dunning_level (
    policy_id      varchar(40) not null references dunning_policy (id),
    level          integer     not null,
    days_after_due integer     not null,
    channel        varchar(20) not null,
    escalation     varchar(20),
    primary key (policy_id, level),
    unique (policy_id, days_after_due)
);
insert into dunning_policy (id, name, courtesy_days_before, risk_class, is_default, created_at)
values ('dpo_default', 'Standard', 5, null, true, current_timestamp);
insert into dunning_level (policy_id, level, days_after_due, channel, escalation) values
    ('dpo_default', 1, 7, 'EMAIL', null),
    ('dpo_default', 2, 21, 'EMAIL', null),
    ('dpo_default', 3, 45, 'FORMAL_NOTICE', null);

-- A customer's collection settings: its policy (else the one of its risk class, else the default), excluded from
-- dunning, a contractual late-payment rate.
create table collection_setting (
    customer_id       varchar(40) primary key references customer (id),
    policy_id         varchar(40) references dunning_policy (id),
    excluded          boolean     not null,
    late_interest_rate numeric(6, 3),
    updated_at        timestamp with time zone not null
);

-- Disputes on invoices: dunning pauses on the disputed amount.
create table invoice_dispute (
    id           varchar(40)   primary key,
    invoice_id   varchar(40)   not null references invoice (id),
    customer_id  varchar(40)   not null references customer (id),
    reason       varchar(20)   not null,
    amount       numeric(19, 4) not null,
    currency     varchar(3)    not null,
    status       varchar(12)   not null,
    owner        varchar(100),
    due_on       date,
    message      varchar(2000),
    opened_by    varchar(100)  not null,
    opened_at    timestamp with time zone not null,
    resolution   varchar(20),
    resolution_note varchar(2000),
    resolved_by  varchar(100),
    resolved_at  timestamp with time zone,
    version      bigint        not null
);
create index invoice_dispute_open on invoice_dispute (invoice_id, status);

-- Promises to pay: dunning waits until the promised date for the invoices promised.
create table payment_promise (
    id          varchar(40)   primary key,
    customer_id varchar(40)   not null references customer (id),
    amount      numeric(19, 4) not null,
    currency    varchar(3)    not null,
    promised_on date          not null,
    status      varchar(10)   not null,
    note        varchar(2000),
    created_by  varchar(100)  not null,
    created_at  timestamp with time zone not null,
    closed_at   timestamp with time zone
);
create table payment_promise_invoice (
    promise_id varchar(40) not null references payment_promise (id),
    invoice_id varchar(40) not null references invoice (id),
    primary key (promise_id, invoice_id)
);
create index payment_promise_invoice_by_invoice on payment_promise_invoice (invoice_id);
create index payment_promise_open on payment_promise (status, promised_on);

-- Dunning runs, the messages they sent (one per customer, level and currency) and each invoice's notice at each
-- level: the primary key makes "each (invoice, level) at most once ever" a fact of the database.
create table dunning_run (
    id          varchar(40)  primary key,
    as_of       date         not null,
    started_by  varchar(100) not null,
    started_at  timestamp with time zone not null,
    finished_at timestamp with time zone,
    messages    integer      not null,
    notices     integer      not null
);
create table dunning_message (
    id          varchar(60)   primary key,
    run_id      varchar(40)   not null references dunning_run (id),
    customer_id varchar(40)   not null references customer (id),
    level       integer       not null,
    channel     varchar(20)   not null,
    currency    varchar(3)    not null,
    total_due   numeric(19, 4) not null,
    invoices    integer       not null,
    created_at  timestamp with time zone not null,
    unique (run_id, customer_id, level, currency)
);
create index dunning_message_by_customer on dunning_message (customer_id);
create table dunning_notice (
    invoice_id  varchar(40)   not null references invoice (id),
    level       integer       not null,
    run_id      varchar(40)   not null references dunning_run (id),
    customer_id varchar(40)   not null,
    currency    varchar(3)    not null,
    amount      numeric(19, 4) not null,
    channel     varchar(20)   not null,
    policy_id   varchar(40)   not null,
    primary key (invoice_id, level)
);
create index dunning_notice_by_run on dunning_notice (run_id, customer_id, level, currency);

-- the customers' risk class, published for collections (customers owns the table)
create view customers_risk as
select c.id as customer_id, c.risk_class from customer c;

-- the invoices a direct debit sent to the bank is collecting, published for collections (payments owns them)
create view payments_direct_debit_pending as
select i.invoice_id, d.collection_date
from direct_debit_item i join direct_debit d on d.id = i.direct_debit_id
where i.status = 'PENDING';

-- one run at a time, whichever node starts it
create table dunning_lock (
    id integer primary key
);
insert into dunning_lock (id) values (1);
