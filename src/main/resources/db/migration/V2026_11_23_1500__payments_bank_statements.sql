-- Our own bank accounts: statements for an account we do not know are refused.
create table bank_account (
    id         varchar(40)  primary key,
    name       varchar(200) not null,
    iban       varchar(34)  not null unique,
    currency   varchar(3)   not null,
    bic        varchar(11),
    created_at timestamp with time zone not null
);

-- One imported statement file: the same file again is recognised by its hash and applies nothing.
create table bank_statement (
    id          varchar(40)  primary key,
    file_hash   varchar(64)  not null unique,
    format      varchar(20)  not null,
    imported_at timestamp with time zone not null,
    imported_by varchar(200) not null
);

-- One booked entry. An entry already imported with another file (same account and bank reference) is
-- recognised and not applied twice.
create table bank_entry (
    id              varchar(40)    primary key,
    statement_id    varchar(40)    not null references bank_statement (id),
    bank_account_id varchar(40)    not null references bank_account (id),
    entry_key       varchar(200)   not null,
    bank_reference  varchar(100),
    amount          numeric(19, 4) not null,
    currency        varchar(3)     not null,
    credit          boolean        not null,
    booking_date    date,
    value_date      date,
    remittance      varchar(2000),
    debtor_name     varchar(200),
    debtor_iban     varchar(34),
    status          varchar(20)    not null,
    reason          varchar(500),
    payment_id      varchar(40),
    unique (bank_account_id, entry_key)
);
create index bank_entry_by_statement on bank_entry (statement_id);
