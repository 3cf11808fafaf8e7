-- Late-payment penalties invoiced (issue 23, L441-10 and D441-5 Code de commerce): a numbered note per invoice paid
-- late, outside the scope of VAT, its PDF kept as issued. A later waiver cancels the note; its number stays used.
create table penalty_note (
    id                varchar(40)    primary key,
    number            varchar(30)    not null unique,
    invoice_id        varchar(40)    not null unique references invoice (id),
    customer_id       varchar(40)    not null references customer (id),
    as_of             date           not null,
    days_late         integer        not null,
    rate              numeric(7, 3)  not null,
    interest          numeric(19, 4) not null,
    currency          varchar(3)     not null,
    indemnity         numeric(19, 4) not null,
    status            varchar(12)    not null,
    pdf               bytea          not null,
    issued_by         varchar(100)   not null,
    issued_at         timestamp with time zone not null,
    closed_by         varchar(100),
    closed_at         timestamp with time zone,
    close_reason      varchar(500)
);
create index penalty_note_by_customer on penalty_note (customer_id);

-- A policy may have the run invoice the penalties of the invoices paid late.
alter table dunning_policy add column invoice_penalties boolean default false not null;
