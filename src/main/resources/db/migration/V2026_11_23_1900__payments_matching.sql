-- What settled an invoice: money received, or a small difference written off within the tolerance.
alter table invoice_payment add column kind varchar(20) default 'PAYMENT' not null;

-- Differences written off when a payment settled invoices (bank fees, rounding), on their account.
create table payment_write_off (
    id         varchar(40)    primary key,
    payment_id varchar(40)    not null,
    invoice_id varchar(40)    not null,
    amount     numeric(19, 4) not null,
    currency   varchar(3)     not null,
    account    varchar(20)    not null,
    reason     varchar(500)   not null,
    created_at timestamp with time zone not null
);
create index payment_write_off_by_payment on payment_write_off (payment_id);
create index payment_by_customer_status on payment (customer_id, status);

-- How a bank's CSV export reads, saved once per bank account and named for ?mapping=.
create table bank_csv_mapping (
    id                  varchar(40)  primary key,
    bank_account_id     varchar(40)  not null references bank_account (id),
    name                varchar(100) not null unique,
    encoding            varchar(30)  not null,
    date_column         varchar(100) not null,
    date_format         varchar(30)  not null,
    amount_column       varchar(100),
    credit_column       varchar(100),
    debit_column        varchar(100),
    decimal_comma       boolean      not null,
    remittance_column   varchar(100),
    payer_name_column   varchar(100),
    payer_iban_column   varchar(100),
    reference_column    varchar(100),
    created_at          timestamp with time zone not null
);

-- A statement whose balances or control sums did not add up is refused, unless a person accepted it: then why.
alter table bank_statement add column discrepancies varchar(2000);

-- Payment gateway events, by the gateway's event id: an event delivered again is recognised and applies nothing.
create table gateway_event (
    event_id    varchar(255) primary key,
    type        varchar(100) not null,
    object_id   varchar(255),
    status      varchar(20)  not null,
    reason      varchar(500),
    payment_id  varchar(40),
    received_at timestamp with time zone not null
);

-- SEPA direct debit mandates signed by customers (CORE scheme): FRST until the first collection, RCUR after.
create table sepa_mandate (
    id                 varchar(40)  primary key,
    customer_id        varchar(40)  not null references customer (id),
    reference          varchar(35)  not null unique,
    signed_on          date         not null,
    iban               varchar(34)  not null,
    bic                varchar(11),
    status             varchar(20)  not null,
    first_collected_on date,
    created_at         timestamp with time zone not null
);
create index sepa_mandate_by_customer on sepa_mandate (customer_id);

-- A pain.008 collection sent to our bank, and the invoices it collects; a return (camt.054 reason code) reopens one.
create table direct_debit (
    id              varchar(40)    primary key,
    message_id      varchar(35)    not null unique,
    bank_account_id varchar(40)    not null references bank_account (id),
    collection_date date           not null,
    transactions    integer        not null,
    total           numeric(19, 4) not null,
    created_at      timestamp with time zone not null,
    created_by      varchar(200)   not null
);
create table direct_debit_item (
    direct_debit_id varchar(40)    not null references direct_debit (id),
    line_index      integer        not null,
    invoice_id      varchar(40)    not null,
    invoice_number  varchar(30)    not null,
    end_to_end_id   varchar(35)    not null,
    mandate_ref     varchar(35)    not null,
    sequence_type   varchar(4)     not null,
    amount          numeric(19, 4) not null,
    status          varchar(20)    not null,
    return_reason   varchar(10),
    primary key (direct_debit_id, line_index)
);
create index direct_debit_item_by_e2e on direct_debit_item (end_to_end_id);
create index direct_debit_item_by_invoice on direct_debit_item (invoice_id);
-- Money that went back to the payer (a direct debit returned): no longer ours to apply.
alter table payment add column amount_returned numeric(19, 4) default 0 not null;
-- Credit is only what matching kept on account (an overpayment), not money a person left unplaced.
alter table payment add column on_account boolean default false not null;
create index customer_by_iban on customer (iban);
